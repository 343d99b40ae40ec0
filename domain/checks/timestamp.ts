import { problem, resultOf, type CheckProblem } from "./types";

/** How far the API lets the request's time be from its own clock (InvalidTimeStamp.Expired). */
export const TIMESTAMP_LIMIT_SECONDS = 15 * 60;

/** The one form the OpenAPI's `Timestamp` takes: ISO 8601 in UTC to the second, `2024-05-12T02:03:04Z`. */
const API_FORM = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;
/** An HTTP `Date` header (IMF-fixdate, `Sun, 12 May 2024 02:03:04 GMT`): what ROA requests send instead. */
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** `2024-05-12T02:03:04Z`: the API's form of a moment. */
export function apiTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function inApiForm(value: string): Date | null {
  const parts = API_FORM.exec(value);
  if (!parts) return null;
  const date = new Date(value);
  // `2024-02-30T…` parses to March 1st: a calendar date that does not exist is a format error too.
  return Number.isNaN(date.getTime()) || apiTimestamp(date) !== value ? null : date;
}

/** Any reading of the value that the API would refuse, to say what it should have been. */
function readLoosely(value: string): Date | null {
  if (/^\d{13}$/.test(value)) return new Date(Number(value));
  if (/^\d{10}$/.test(value)) return new Date(Number(value) * 1000);
  // Without a zone, JavaScript reads a date-time as local time; the API means nothing of the kind, so say UTC.
  const withZone = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value) ? `${value.replace(" ", "T")}Z` : value;
  const date = new Date(withZone);
  return Number.isNaN(date.getTime()) ? null : date;
}

function formatProblem(value: string, reading: Date | null): CheckProblem {
  const why = /^\d{10}(\d{3})?$/.test(value)
    ? "it is a Unix time"
    : /[+-]\d{2}:?\d{2}$/.test(value)
      ? "it carries a time-zone offset instead of Z (UTC)"
      : /\.\d+Z?$/.test(value)
        ? "it has fractions of a second"
        : /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?$/.test(value)
          ? "it has no Z (UTC) at the end"
          : "it is not ISO 8601 UTC (yyyy-MM-ddTHH:mm:ssZ)";
  const expected = reading ? apiTimestamp(reading) : "yyyy-MM-ddTHH:mm:ssZ";
  return problem("format", `The timestamp "${value}" is refused: ${why}; the API wants ${expected}`, { value, expected, why });
}

export type TimestampInput = {
  /** The request's `Timestamp` parameter or `Date` header, as sent. */
  value: string;
  /** When the API received it: the response's or event's time; now when unknown. */
  at: Date;
};

/**
 * `format` when the value is not in the API's form (an HTTP `Date` header value is accepted too, since ROA
 * requests carry that), `skew` when it is more than 15 minutes from `at`; `skewSeconds` is value − at, so a
 * positive number means the client's clock is ahead.
 */
export function checkTimestamp({ value, at }: TimestampInput) {
  const trimmed = value.trim();
  const problems: CheckProblem[] = [];
  let moment = inApiForm(trimmed) ?? (HTTP_DATE.test(trimmed) ? new Date(trimmed) : null);
  if (!moment) {
    moment = readLoosely(trimmed);
    problems.push(formatProblem(trimmed, moment));
  }
  const skewSeconds = moment ? Math.round((moment.getTime() - at.getTime()) / 1000) : null;
  if (skewSeconds !== null && Math.abs(skewSeconds) > TIMESTAMP_LIMIT_SECONDS) {
    const direction = skewSeconds > 0 ? "ahead of" : "behind";
    problems.push(
      problem(
        "skew",
        `The timestamp is ${Math.abs(skewSeconds)} s ${direction} ${apiTimestamp(at)}; the API allows ${TIMESTAMP_LIMIT_SECONDS} s`,
        {
          skewSeconds,
          limitSeconds: TIMESTAMP_LIMIT_SECONDS,
          at: apiTimestamp(at),
        },
      ),
    );
  }
  return resultOf("timestamp", problems, {
    value: trimmed,
    read: moment ? apiTimestamp(moment) : null,
    at: apiTimestamp(at),
    skewSeconds,
    limitSeconds: TIMESTAMP_LIMIT_SECONDS,
  });
}
