import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "../catalog/listing";
import { storableText } from "../text/storable";
import { OUTCOMES } from "./types";

/**
 * The state of the team's list of diagnoses (/d), parsed from and written to the URL, like the catalog's
 * (domain/catalog/listing.ts): one allow-listed definition for the page, the controls and the query.
 */
export const OUTCOME_FILTERS = [...OUTCOMES, "none"] as const;
export type OutcomeFilter = (typeof OUTCOME_FILTERS)[number];
export const TEAM_SORT_KEYS = ["createdAt"] as const;
export type TeamSortKey = (typeof TEAM_SORT_KEYS)[number];

/** The list counts its matches up to this many and says "more than" beyond; pages stop there too. */
export const TEAM_LIST_COUNT_CAP = 10_000;

export type TeamDiagnosisParams = {
  /** A user id. */
  author: string | null;
  /** A code as written or as catalogued (`MissingGroupId`, `Missing%s`), matched exactly. */
  code: string;
  outcome: OutcomeFilter | null;
  /** The start of a ticket reference, any letter case. */
  ticket: string;
  requestId: string;
  /** Calendar days (YYYY-MM-DD) in the display time zone, both included. */
  from: string | null;
  to: string | null;
  /** null: newest first. */
  sort: { key: TeamSortKey; desc: boolean } | null;
  page: number;
  perPage: number;
};

export const EMPTY_TEAM_FILTERS = { author: null, code: "", outcome: null, ticket: "", requestId: "", from: null, to: null } as const;

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

function text(value: string | string[] | undefined, max: number): string {
  return storableText(first(value)).trim().slice(0, max);
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function day(value: string | string[] | undefined): string | null {
  const raw = first(value);
  // Date rolls 31 February over into March: a real day reads back the same.
  return DAY.test(raw) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw) ? raw : null;
}

/** Unknown or malformed values are dropped rather than rejected, so an old or hand-edited link still opens. */
export function parseTeamDiagnosisParams(raw: RawParams): TeamDiagnosisParams {
  const outcomeRaw = first(raw.outcome);
  const [sortKey, dir] = first(raw.sort).split(".");
  const perPageRaw = Number(first(raw.perPage));
  const pageRaw = Number(first(raw.page));
  return {
    author: text(raw.author, 64) || null,
    code: text(raw.code, 200),
    outcome: (OUTCOME_FILTERS as readonly string[]).includes(outcomeRaw) ? (outcomeRaw as OutcomeFilter) : null,
    ticket: text(raw.ticket, 200),
    requestId: text(raw.requestId, 100),
    from: day(raw.from),
    to: day(raw.to),
    sort: (TEAM_SORT_KEYS as readonly string[]).includes(sortKey ?? "") ? { key: sortKey as TeamSortKey, desc: dir === "desc" } : null,
    page: Number.isInteger(pageRaw) && pageRaw >= 1 && pageRaw <= 100_000 ? pageRaw : 1,
    perPage: (PAGE_SIZES as readonly number[]).includes(perPageRaw) ? perPageRaw : DEFAULT_PAGE_SIZE,
  };
}

/** The inverse of parseTeamDiagnosisParams, leaving defaults out so links stay short. */
export function serializeTeamDiagnosisParams(params: Partial<TeamDiagnosisParams>): URLSearchParams {
  const out = new URLSearchParams();
  if (params.author) out.set("author", params.author);
  if (params.code) out.set("code", params.code);
  if (params.outcome) out.set("outcome", params.outcome);
  if (params.ticket) out.set("ticket", params.ticket);
  if (params.requestId) out.set("requestId", params.requestId);
  if (params.from) out.set("from", params.from);
  if (params.to) out.set("to", params.to);
  if (params.sort) out.set("sort", `${params.sort.key}.${params.sort.desc ? "desc" : "asc"}`);
  if (params.page && params.page > 1) out.set("page", String(params.page));
  if (params.perPage && params.perPage !== DEFAULT_PAGE_SIZE) out.set("perPage", String(params.perPage));
  return out;
}

export function hasTeamFilters(params: TeamDiagnosisParams): boolean {
  return Boolean(params.author || params.code || params.outcome || params.ticket || params.requestId || params.from || params.to);
}

/**
 * Where a calendar day of the filter starts, as an instant. Days are the display time zone's (Asia/Shanghai,
 * i18n/formats.ts), which has had no daylight saving since 1991, so a fixed +08:00 is exact.
 */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** The instant after a calendar day ends (the next day's start), for an end bound that includes the day. */
export function dayEnd(day: string): Date {
  return new Date(dayStart(day).getTime() + 24 * 60 * 60 * 1000);
}
