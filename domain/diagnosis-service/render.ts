import { localized } from "../catalog/localized";
import type { Locale, LocalizedText } from "../catalog/types";
import { EXPORT_LABELS, type ExportLabels } from "./export-labels";
import type { Candidate, DiagnosisCheck, DiagnosisRecord, PersonRef, SavedFinding } from "./types";

/**
 * Two exports of a saved diagnosis, as pure functions of the record: Markdown to paste into a ticket, and a
 * plain-text summary to hand to Alibaba Cloud support. Both show only stored (redacted) text. Times are printed
 * in UTC, and the escalation adds UTC+8, the time zone Alibaba Cloud support works in.
 */
export type RenderOptions = {
  locale: Locale;
  /** The absolute share link (`https://errordesk.example/d/<id>`): the server does not know how users reach it. */
  link: string;
  /**
   * Why a match was made, in `locale`: the caller passes the same translation the page shows (the reasons' texts
   * live in the UI's messages). Without it the engine's English reason is printed.
   */
  explain?: (match: Pick<Candidate, "reason" | "reasonKeys">) => string;
};

const WINDOW_MS = 15 * 60 * 1000;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function utc(date: Date, seconds = false): string {
  const base = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return `${seconds ? `${base}:${pad(date.getUTCSeconds())}` : base} UTC`;
}

function clock(date: Date): string {
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

function text(value: LocalizedText | undefined, locale: Locale): string {
  return localized(value, locale)?.text ?? "";
}

function personName(person: PersonRef, labels: ExportLabels): string {
  return person?.name ?? labels.unknownPerson;
}

function creator(record: DiagnosisRecord, labels: ExportLabels): string {
  if (record.createdBy) return record.createdBy.name;
  if (record.result.via?.kind === "api-key") return labels.apiKey(record.result.via.name);
  return labels.unknownPerson;
}

/** Markdown inline code that survives backticks in the value. */
function code(value: string): string {
  const fence = value.includes("`") ? "``" : "`";
  return `${fence}${fence.length > 1 ? " " : ""}${value}${fence.length > 1 ? " " : ""}${fence}`;
}

/** Multi-line text as the continuation of a list item. */
function indent(value: string, by = "  "): string {
  return value.replace(/\r\n?/g, "\n").split("\n").join(`\n${by}`);
}

function checkOf(checks: readonly DiagnosisCheck[], findingIndex: number, stepIndex: number): DiagnosisCheck | undefined {
  return checks.find((c) => c.findingIndex === findingIndex && c.stepIndex === stepIndex);
}

function findingHeadline(finding: SavedFinding, locale: Locale, labels: ExportLabels): string {
  const found = finding.code ?? finding.match?.entry ?? finding.message ?? "?";
  const title = finding.snapshot ? text(finding.snapshot.title, locale) : "";
  return title ? `${code(found)}${labels.colon}${title}` : code(found);
}

export function renderDiagnosisMarkdown(record: DiagnosisRecord, options: RenderOptions): string {
  const labels = EXPORT_LABELS[options.locale];
  const { locale } = options;
  const out: string[] = [`# ${labels.title(record.id)}`, ""];
  out.push(`- **${labels.link}**${labels.colon}${options.link}`);
  out.push(`- **${labels.created}**${labels.colon}${utc(record.createdAt)}, ${labels.by} ${creator(record, labels)}`);
  if (record.ticketRef) out.push(`- **${labels.ticket}**${labels.colon}${record.ticketRef}`);
  if (record.requestId) out.push(`- **${labels.requestId}**${labels.colon}${code(record.requestId)}`);
  out.push(`- **${labels.input}**${labels.colon}${labels.inputKinds[record.inputKind]}`);
  out.push("");

  const findings = record.result.findings;
  if (findings.length === 0) out.push(labels.noFindings, "");
  findings.forEach((finding, index) => {
    out.push(`## ${labels.finding(index + 1)}${labels.colon}${findingHeadline(finding, locale, labels)}`, "");
    const facts: string[] = [];
    const fact = (label: string, value: string) => facts.push(`**${label}**${labels.colon}${value}`);
    if (finding.httpStatus) fact(labels.httpStatus, String(finding.httpStatus));
    else if (finding.snapshot) fact(labels.httpStatus, `${finding.snapshot.httpStatus} (${labels.documented})`);
    if (finding.requestId) fact(labels.requestId, code(finding.requestId));
    if (finding.region) fact(labels.region, finding.region);
    if (finding.action) fact(labels.api, finding.action);
    if (finding.hostId) fact(labels.hostId, finding.hostId);
    if (finding.message) fact(labels.message, indent(finding.message));
    for (const line of facts) out.push(`- ${line}`);
    const status = record.snapshots.find((s) => s.findingIndex === index);
    if (finding.match) {
      const snapshotInfo = finding.snapshot
        ? ` (${labels.revision(finding.snapshot.revision)}${status?.changed ? `; ${labels.changedSince(status.currentRevision)}` : ""})`
        : "";
      out.push(`- **${labels.catalogEntry}**${labels.colon}${code(finding.match.entry)}${snapshotInfo}`);
      out.push(
        `- **${labels.match}**${labels.colon}${labels.matchKinds[finding.match.kind]}, ${labels.confidence(Math.round(finding.match.confidence * 100))}`,
      );
      out.push(`- **${labels.why}**${labels.colon}${options.explain ? options.explain(finding.match) : finding.match.reason}`);
    } else {
      out.push(`- ${labels.noMatch}`);
      const suggestions = finding.candidates.slice(0, 3).map((c) => code(c.entry));
      if (suggestions.length) out.push(`- **${labels.suggestions}**${labels.colon}${suggestions.join(", ")}`);
    }
    out.push("");
    const snapshot = finding.snapshot;
    if (snapshot) {
      const meaning = text(snapshot.explanation, locale);
      const remedy = text(snapshot.remediation, locale);
      if (meaning) out.push(`### ${labels.meaning}`, "", meaning, "");
      if (remedy) out.push(`### ${labels.whatToDo}`, "", remedy, "");
      if (snapshot.checklist.length) {
        out.push(`### ${labels.checklist}`, "");
        snapshot.checklist.forEach((step, stepIndex) => {
          const check = checkOf(record.checks, index, stepIndex);
          const done = check?.done === true;
          const detail = text(step.detail, locale);
          const who = done && check ? ` _(${personName(check.checkedBy, labels)}, ${utc(check.checkedAt)})_` : "";
          out.push(`- [${done ? "x" : " "}] ${text(step.title, locale)}${who}${detail ? `\n  ${indent(detail)}` : ""}`);
        });
        out.push("");
      }
    }
    const runs = record.checkRuns.filter((run) => run.findingIndex === index);
    if (runs.length) {
      out.push(`### ${labels.checks}`, "");
      for (const { kind, result, ranBy, ranAt } of runs) {
        const outcome = result.ok ? labels.checkOk : result.problems.map((p) => `${code(p.code)} ${p.message}`).join("; ");
        out.push(`- ${code(kind)}${labels.colon}${outcome} _(${personName(ranBy, labels)}, ${utc(ranAt)})_`);
      }
      out.push("");
    }
  });

  out.push(`## ${labels.notes}`, "");
  if (record.notes.length === 0) out.push(labels.noNotes);
  for (const note of record.notes)
    out.push(`- **${personName(note.author, labels)}**, ${utc(note.createdAt)}${labels.colon}${indent(note.body)}`);
  out.push("", `## ${labels.outcome}`, "");
  out.push(outcomeLine(record, labels, "markdown"));
  out.push("", `_${labels.redactedNote}_`, "");
  return out.join("\n");
}

function outcomeLine(record: DiagnosisRecord, labels: ExportLabels, style: "markdown" | "text"): string {
  const outcome = record.outcome;
  if (!outcome) return labels.noOutcome;
  const head = style === "markdown" ? `**${labels.outcomes[outcome.value]}**` : labels.outcomes[outcome.value];
  const byWhen = [outcome.by ? outcome.by.name : null, outcome.at ? utc(outcome.at) : null].filter(Boolean).join(", ");
  const reason = outcome.reason ? `\n${labels.reason}${labels.colon}${outcome.reason}` : "";
  return `${head}${byWhen ? ` (${byWhen})` : ""}${reason}`;
}

type TimeWindow = { from: Date; to: Date; source: "event" | "text" | "diagnosis" };

/** The event's time when the RequestId was looked up, else a time printed with the error, else the diagnosis time. */
export function escalationWindow(record: DiagnosisRecord, finding: SavedFinding | undefined): TimeWindow {
  const event = record.result.event;
  const around = (at: Date, source: TimeWindow["source"]): TimeWindow => ({
    from: new Date(at.getTime() - WINDOW_MS),
    to: new Date(at.getTime() + WINDOW_MS),
    source,
  });
  if (event?.occurredAt && (!finding?.requestId || finding.requestId === event.requestId)) {
    const at = new Date(event.occurredAt);
    if (!Number.isNaN(at.getTime())) return around(at, "event");
  }
  const printed = finding?.timestamp ? parsePrintedTime(finding.timestamp) : null;
  if (printed) return around(printed, "text");
  return around(record.createdAt, "diagnosis");
}

/** Log prefixes and Date headers: `2024-05-12T06:06:51Z`, `2024-05-12 14:06:51` (read as UTC+8), `Sun, 12 May 2024 06:06:51 GMT`. */
function parsePrintedTime(value: string): Date | null {
  const trimmed = value.trim();
  let ms = NaN;
  const local = /^(\d{4})[-/](\d{2})[-/](\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?$/.exec(trimmed);
  // A log line's time without a zone is most likely the machine's local time, and these machines run in China.
  if (local) ms = Date.UTC(+local[1]!, +local[2]! - 1, +local[3]!, +local[4]! - 8, +local[5]!, +(local[6] ?? 0));
  else if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed) || /\b(?:GMT|UTC)\b/.test(trimmed)) ms = Date.parse(trimmed);
  if (!Number.isFinite(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year >= 2000 && year <= 2100 ? new Date(ms) : null;
}

function windowLine(window: TimeWindow, labels: ExportLabels): string {
  const plus8 = (d: Date) => new Date(d.getTime() + 8 * 3600 * 1000);
  return `${utc(window.from, true)} – ${utc(window.to, true)} (UTC+8 ${clock(plus8(window.from))} – ${clock(plus8(window.to))}), ${labels.windowSource[window.source]}`;
}

export function renderEscalationSummary(record: DiagnosisRecord, options: RenderOptions): string {
  const labels = EXPORT_LABELS[options.locale];
  const { locale } = options;
  const event = record.result.event;
  const out: string[] = [labels.escalationTitle, "=".repeat(Math.min(60, labels.escalationTitle.length)), "", labels.escalationIntro, ""];
  const findings = record.result.findings;
  const field = (label: string, value: string | number | null | undefined) => {
    if (value !== null && value !== undefined && value !== "") out.push(`${label}${labels.colon}${value}`);
  };

  if (findings.length === 0) {
    field(labels.requestId, record.requestId);
    field(labels.timeWindow, windowLine(escalationWindow(record, undefined), labels));
    out.push(labels.noFindings);
    out.push("");
  }
  findings.forEach((finding, index) => {
    if (findings.length > 1) out.push(`[${labels.error(index + 1)}]`);
    const fromEvent = event && (!finding.requestId || finding.requestId === event.requestId) ? event : undefined;
    field(labels.requestId, finding.requestId ?? fromEvent?.requestId ?? record.requestId);
    field(labels.hostId, finding.hostId);
    field(labels.region, finding.region ?? fromEvent?.region);
    const action = finding.action ?? fromEvent?.action;
    field(labels.api, action ? `${action}${fromEvent?.apiVersion ? ` (${fromEvent.apiVersion})` : ""}` : null);
    field(labels.timeWindow, windowLine(escalationWindow(record, finding), labels));
    field(labels.code, finding.code ?? fromEvent?.code);
    field(labels.httpStatus, finding.httpStatus ?? fromEvent?.httpStatus);
    field(labels.message, finding.message ?? fromEvent?.message);
    field(labels.caller, fromEvent?.caller);
    out.push("");
  });

  out.push(`${labels.whatWeChecked}${labels.colon.trimEnd()}`);
  const ticked = findings.flatMap((finding, findingIndex) =>
    (finding.snapshot?.checklist ?? []).flatMap((step, stepIndex) => {
      const check = checkOf(record.checks, findingIndex, stepIndex);
      if (!check?.done) return [];
      return [`- ${text(step.title, locale)} (${personName(check.checkedBy, labels)}, ${utc(check.checkedAt)})`];
    }),
  );
  out.push(...(ticked.length ? ticked : [`- ${labels.nothingChecked}`]), "");

  out.push(`${labels.whatWeFound}${labels.colon.trimEnd()}`);
  for (const finding of findings) {
    const found = finding.code ?? finding.message ?? "?";
    if (finding.match && finding.snapshot) {
      out.push(
        `- ${labels.matchesEntry(found, finding.match.entry)}${labels.sentenceGap}${text(finding.snapshot.explanation, locale)}`.trimEnd(),
      );
    } else if (finding.match) {
      out.push(`- ${labels.matchesEntry(found, finding.match.entry)}`);
    } else {
      out.push(`- ${labels.notInCatalog(found)}`);
    }
  }
  for (const note of record.notes)
    out.push(`- ${personName(note.author, labels)} (${utc(note.createdAt)})${labels.colon}${indent(note.body)}`);
  if (findings.length === 0 && record.notes.length === 0) out.push(`- ${labels.noFindings}`);
  out.push("");

  out.push(`${labels.outcomeSoFar}${labels.colon}${outcomeLine(record, labels, "text")}`);
  out.push(`${labels.reference}${labels.colon}${options.link}${record.ticketRef ? ` (${labels.ticket} ${record.ticketRef})` : ""}`);
  out.push("", labels.redactedNote, "");
  return out.join("\n");
}
