import { attachFacts, groupRaws, scrubDraft, type Draft } from "./assemble";
import { isLogLine } from "./extract/facts";
import { readAll } from "./extract/registry";
import { ASK_FOR_CODE } from "./extract/tea-php-dotnet";
import { isRegionId, normalizeHost, parseRecommend, regionFromHost } from "./fields";
import { matchErrorOnce, type ErrorToMatch, type Matcher, type MatchOutcome } from "./matcher";
import { normalizedWithin, normalizeText, type NormalizationKind, type NormalizedText } from "./normalize";
import { note, uniqueNotes, type Note } from "./notes";
import { newContext, RAW_BUDGET, type Fact } from "./raw";
import { redactWithMap, scrubText, toInputOffset, type Replacement } from "../redaction";
import { blankAnsi, hasCjk, IntervalSet, looksBinary, TextIndex } from "./text";
import type { Candidate, DiagnoseOptions, Diagnosis, Finding, FormatId, InputKind, Recognized, RecognizedKind, Recommend } from "./types";

const DEFAULT_MAX_FINDINGS = 200;

/**
 * Finds every Alibaba Cloud error in a paste, in order. Secrets are redacted first and every field is read from
 * the redacted text, full-width characters folded and HTML-escaped lines decoded (see normalize.ts); offsets are
 * mapped back to the paste. Never throws on any string; linear in the input's length.
 */
export function diagnose(text: string, matcher: Matcher, options: DiagnoseOptions = {}): Diagnosis {
  const input = typeof text === "string" ? text : "";
  const { text: redactedText, removed, replacements, view } = redactWithMap(input);
  const redacted = { text: redactedText, removed };
  if (input.trim() === "") return { findings: [], recognized: [], redacted, input: { kind: "empty", length: input.length } };
  if (looksBinary(input)) return { findings: [], recognized: [], redacted, input: { kind: "binary", length: input.length } };

  // Redaction normalised the paste to look for secrets in it; without any, that copy is the one to read. A paste
  // redaction did not need to normalise has nothing to normalise once redacted either.
  const normalized = !view ? undefined : replacements.length === 0 ? view : normalizeText(redactedText);
  const offsets = new OffsetMap(replacements, normalized);
  const scan = blankAnsi(normalized?.text ?? redactedText);
  const index = new TextIndex(scan);
  const ctx = newContext(scan, index, matcher, 0, Math.max(RAW_BUDGET, (options.maxFindings ?? DEFAULT_MAX_FINDINGS) * 20));
  readAll(ctx);

  const maxFindings = Math.max(1, options.maxFindings ?? DEFAULT_MAX_FINDINGS);
  // Merging only ever shrinks the list, so raws far beyond the cap can never be reported: skip their grouping.
  const rawLimit = maxFindings * 16;
  const allDrafts = groupRaws(ctx, rawLimit);
  const drafts = allDrafts.slice(0, maxFindings * 4);
  const ticket = classifyInput(scan, index, drafts);
  const match = cachedMatcher(matcher);
  const recommendOf = recommendReader();
  let matched = drafts.map((draft) => ({ draft, outcome: match(draft) }));
  matched = mergeAdjacentProse(matched, scan, index, match);
  attachFacts(
    matched.map((m) => m.draft),
    ctx.facts,
    index,
  );
  for (const m of matched) {
    if (fillFromRecommend(m.draft, recommendOf)) m.outcome = match(m.draft);
  }
  matched = dedupe(matched, index, match);

  const truncated = matched.length > maxFindings || allDrafts.length > drafts.length || ctx.raws.length > rawLimit || ctx.budget.exhausted;
  const scrubbed = new Map<string, string>();
  const findings = matched
    .slice(0, maxFindings)
    .map(({ draft, outcome }) =>
      toFinding(scrubDraft(draft, scrubbed), outcome, scan, index, offsets, recommendOf, ticket.kind === "ticket"),
    );
  const recognized = buildRecognized(findings, ctx.facts, offsets, scrubbed);
  return {
    findings,
    recognized,
    redacted,
    input: {
      kind: ticket.kind,
      ...(ticket.language ? { language: ticket.language } : {}),
      length: input.length,
      ...(truncated ? { truncated } : {}),
      ...(normalized?.kinds.length ? { normalized: normalized.kinds } : {}),
    },
  };
}

const NORMALIZATION_NOTES: Record<NormalizationKind, Note> = {
  "full-width": note("normalizedFullWidth"),
  "html-entities": note("normalizedHtmlEntities"),
};

/** Offsets in the text the extractors read → the redacted text (`redactedSpan`) → the paste (`span`). */
class OffsetMap {
  constructor(
    private readonly replacements: readonly Replacement[],
    readonly normalized: NormalizedText | undefined,
  ) {}

  toRedacted(offset: number, edge: "start" | "end"): number {
    return this.normalized?.edits.size ? this.normalized.edits.toInput(offset, edge) : offset;
  }

  toInput(offset: number, edge: "start" | "end"): number {
    const redacted = this.toRedacted(offset, edge);
    return this.replacements.length ? toInputOffset(this.replacements, redacted, edge) : redacted;
  }
}

type Matched = { draft: Draft; outcome: MatchOutcome };
type MatchFn = (error: ErrorToMatch) => MatchOutcome;
type RecommendOf = (raw: string | undefined) => Recommend | undefined;

/** A link is read once per paste, however many drafts and findings carry it. */
function recommendReader(): RecommendOf {
  const read = new Map<string, Recommend | undefined>();
  return (raw) => {
    if (raw === undefined) return undefined;
    if (!read.has(raw)) read.set(raw, parseRecommend(raw));
    return read.get(raw);
  };
}

/** Logs and pastes repeat the same errors: each distinct code and message is matched once per matcher. */
function cachedMatcher(matcher: Matcher): MatchFn {
  return ({ code, message, gatewayMessage, httpStatus }) => matchErrorOnce(matcher, { code, message, gatewayMessage, httpStatus });
}

/**
 * A code and its message printed apart are one error: `InvalidApiDefault: The ApiDefault value exceeds limit.` in a
 * ticket (one line), or `ErrorCode: Throttling.User` with the message on the next line.
 */
function mergeAdjacentProse(items: Matched[], text: string, index: TextIndex, match: MatchFn): Matched[] {
  const out: Matched[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (prev && continues(prev.draft, item.draft, text, index)) {
      const draft: Draft = {
        ...item.draft,
        ...prev.draft,
        code: prev.draft.code ?? item.draft.code,
        message: prev.draft.message ?? item.draft.message,
        end: item.draft.end,
        layers: [...new Set([...prev.draft.layers, ...item.draft.layers])],
      };
      const outcome = match(draft);
      // Two errors side by side stay two: together they must say what one of them says alone.
      if (agree(prev.outcome, item.outcome) || sameEntry(outcome, prev.outcome) || sameEntry(outcome, item.outcome)) {
        out[out.length - 1] = { draft, outcome };
        continue;
      }
    }
    out.push(item);
  }
  return out;
}

/** Only separators, perhaps a message label, and perhaps the article a catalog message leaves out, between a code and a message. */
const CODE_MESSAGE_GAP = /^[\s:：,，.。\-–—"'()（）]*(?:message|msg|错误信息|信息)?[\s:：是为]*(?:the\s)?$/i;

function continues(prev: Draft, item: Draft, text: string, index: TextIndex): boolean {
  if (!item.prose || item.start < prev.end || !CODE_MESSAGE_GAP.test(text.slice(prev.end, item.start))) return false;
  const line = index.lineNumber(prev.end);
  const sameLine =
    prev.prose && item.start - prev.end <= 16 && index.lineNumber(item.start) === line && Boolean(prev.code) !== Boolean(item.code);
  const nextLine = Boolean(prev.code) && !prev.message && !item.code && index.lineNumber(item.start) === line + 1;
  return sameLine || nextLine;
}

function sameEntry(a: MatchOutcome, b: MatchOutcome): boolean {
  return Boolean(a.match && b.match && a.match.entry === b.match.entry);
}

function agree(a: MatchOutcome, b: MatchOutcome): boolean {
  if (!a.match || !b.match) return true;
  if (a.match.entry === b.match.entry) return true;
  return Boolean(a.match.ambiguousWith?.includes(b.match.entry) || b.match.ambiguousWith?.includes(a.match.entry));
}

/** A lone Recommend link, or a Go error whose ErrorCode line was empty, still names the code in its query. */
function fillFromRecommend(draft: Draft, recommendOf: RecommendOf): boolean {
  const recommend = recommendOf(draft.recommend);
  if (!recommend) return false;
  let changed = false;
  if (!draft.code && recommend.code) {
    draft.code = recommend.code;
    if (draft.format !== "recommend-url") draft.notes.push(note("recommendCode"));
    changed = true;
  }
  if (!draft.requestId && recommend.requestId) draft.requestId = recommend.requestId;
  return changed;
}

/**
 * The same error described twice in one block (the SDK line and then the body it printed; a ticket that names the
 * code and then pastes the JSON): one finding. Blocks are paragraphs; a blank line separates unrelated errors.
 */
function dedupe(items: Matched[], index: TextIndex, match: MatchFn): Matched[] {
  const out: Matched[] = [];
  for (const item of items) {
    const d = item.draft;
    // Twins sit in the same paragraph, close together: look back a bounded distance only.
    const twin = out.slice(-32).find((o) => {
      const p = o.draft;
      if (index.paragraphOf(p.start) !== index.paragraphOf(d.start) && index.paragraphOf(p.end - 1) !== index.paragraphOf(d.start))
        return false;
      if (p.code && d.code && p.code !== d.code) return false;
      if (p.requestId && d.requestId) return p.requestId === d.requestId && (!p.code || !d.code || p.code === d.code);
      if (p.prose !== d.prose && p.code && p.code === d.code) return true;
      return Boolean(!p.requestId && !d.requestId && p.code && p.code === d.code && p.message === d.message);
    });
    if (!twin) {
      out.push(item);
      continue;
    }
    const keep = twin.draft.prose && !d.prose ? d : twin.draft;
    const other = keep === d ? twin.draft : d;
    const merged: Draft = { ...other, ...definedOnly(keep) } as Draft;
    merged.start = Math.min(twin.draft.start, d.start);
    merged.end = Math.max(twin.draft.end, d.end);
    merged.layers = [...new Set([...keep.layers, ...other.layers])];
    merged.notes = uniqueNotes([...keep.notes, ...other.notes]);
    merged.prose = keep.prose && other.prose;
    twin.draft = merged;
    twin.outcome = match(merged);
  }
  return out.sort((a, b) => a.draft.start - b.draft.start);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

type InputShape = { kind: InputKind; language?: "zh" | "en" };

/** A ticket is prose: Chinese text, or at least two lines of English sentences around the errors. */
function classifyInput(text: string, index: TextIndex, drafts: Draft[]): InputShape {
  const language = hasCjk(text, 0, Math.min(text.length, 200_000)) ? "zh" : "en";
  if (language === "zh") return { kind: "ticket", language };
  let proseLines = 0;
  const covered = new IntervalSet();
  for (const d of drafts) if (!d.prose) covered.add(d.start, d.end);
  for (let n = 0; n < index.lineStarts.length && n < 5000 && proseLines < 2; n++) {
    const start = index.lineStarts[n]!;
    if (covered.contains(start)) continue;
    const line = text.slice(start, Math.min(index.lineEnd(start), start + 400));
    if (/^\s*(?:at |File "|Traceback|\.\.\.|[[{<]|[-*] )/.test(line) || isLogLine(line)) continue;
    const words = line.match(/(?:^|\s)[a-z][a-z']{1,}(?=[\s,.;:!?]|$)/g);
    if (words && words.length >= 5) proseLines++;
  }
  return { kind: proseLines >= 2 ? "ticket" : "text", language };
}

function lineHead(text: string, index: TextIndex, start: number): string {
  return text.slice(start, Math.min(index.lineEnd(start), start + 200));
}

function toFinding(
  draft: Draft,
  outcome: MatchOutcome,
  text: string,
  index: TextIndex,
  offsets: OffsetMap,
  recommendOf: RecommendOf,
  ticket: boolean,
): Finding {
  const lineStart = index.lineStart(draft.start);
  // A body printed on the line after its log prefix (`WARNING:root:… error:b'` then the JSON) is still a log record.
  const continues =
    lineStart > 0 && text.slice(lineStart, draft.start).trim() === "" && isLogLine(lineHead(text, index, index.lineStart(lineStart - 1)));
  const onLogLine = isLogLine(lineHead(text, index, lineStart)) || continues;
  let format: FormatId = draft.format;
  let layers = [...draft.layers];
  if (draft.prose) {
    if (onLogLine) format = "log-line";
    else if (ticket) format = "ticket";
    layers = [format, ...layers.filter((l) => l !== format)];
  } else {
    if (onLogLine && !layers.includes("log-line") && format !== "cli") layers.unshift("log-line");
    if (ticket) layers.unshift("ticket");
  }
  const hostId = normalizeHost(draft.hostId) ?? draft.hostId;
  const endpoint = normalizeHost(draft.endpoint) === hostId ? undefined : normalizeHost(draft.endpoint);
  const region =
    regionFromHost(hostId) ?? regionFromHost(endpoint) ?? (draft.region && isRegionId(draft.region) ? draft.region : undefined);
  const parsed = recommendOf(draft.recommend);
  const recommend = parsed && { ...parsed, query: { ...parsed.query } };
  const notes = [...draft.notes, ...outcome.notes];
  if (offsets.normalized)
    for (const kind of normalizedWithin(offsets.normalized, draft.start, draft.end)) notes.push(NORMALIZATION_NOTES[kind]);
  const span = { start: offsets.toInput(draft.start, "start"), end: offsets.toInput(draft.end, "end") };
  // Only the fields that were found, in a fixed order (assigned one by one: this runs for every finding).
  const finding = {} as Finding;
  if (draft.code) finding.code = draft.code;
  if (outcome.match?.param) finding.param = outcome.match.param;
  if (draft.message) finding.message = draft.message;
  if (draft.httpStatus) finding.httpStatus = draft.httpStatus;
  if (draft.requestId) finding.requestId = draft.requestId.toUpperCase();
  if (hostId) finding.hostId = hostId;
  if (region) finding.region = region;
  if (endpoint) finding.endpoint = endpoint;
  if (draft.action) finding.action = draft.action;
  if (draft.resource) finding.resource = draft.resource;
  if (recommend) finding.recommend = recommend;
  if (draft.timestamp) finding.timestamp = draft.timestamp;
  if (draft.requestTimestamp) finding.requestTimestamp = draft.requestTimestamp;
  if (draft.accessDeniedDetail !== undefined) finding.accessDeniedDetail = draft.accessDeniedDetail;
  if (draft.description) finding.description = draft.description;
  finding.format = format;
  finding.layers = layers;
  finding.span = span;
  finding.redactedSpan = { start: offsets.toRedacted(draft.start, "start"), end: offsets.toRedacted(draft.end, "end") };
  // Outcomes are shared between pastes (matchErrorOnce): the finding gets its own copies, arrays included.
  finding.match = outcome.match ? copyCandidate(outcome.match) : null;
  finding.candidates = outcome.candidates.map(copyCandidate);
  const askFor = ASK_FOR_CODE[draft.format];
  if (!draft.code && !outcome.match && askFor) notes.push(askFor);
  const unique = uniqueNotes(notes);
  finding.notes = unique.map((n) => n.text);
  if (unique.length) finding.noteKeys = unique.map((n) => (n.params ? { id: n.id, params: { ...n.params } } : { id: n.id }));
  return finding;
}

function copyCandidate<T extends Candidate & { ambiguousWith?: string[] }>(candidate: T): T {
  const copy = { ...candidate };
  if (copy.params) copy.params = [...copy.params];
  if (copy.reasonKeys)
    copy.reasonKeys = copy.reasonKeys.map((key) => (key.params ? { id: key.id, params: { ...key.params } } : { id: key.id }));
  if (copy.ambiguousWith) copy.ambiguousWith = [...copy.ambiguousWith];
  return copy;
}

const RECOGNIZED_LABEL: Record<RecognizedKind, string> = {
  requestId: "RequestId",
  hostId: "HostId",
  region: "Region",
  endpoint: "Endpoint",
  action: "Action",
  timestamp: "Time",
  httpStatus: "HTTP status",
  recommend: "Recommend link",
  format: "Format",
  input: "Input",
};

/**
 * The recognized list being built: each kind and value once, at most 500. A class rather than a closure over these
 * (this runs for every paste, and under tsx every named closure also gets a defineProperty).
 */
class RecognizedList {
  readonly out: Recognized[] = [];
  // One set per kind (each kind's values are all strings or all numbers): the value itself is the key, no joined
  // string to build and hash for every fact.
  private readonly seen = new Map<RecognizedKind, Set<string | number>>();
  /** The fact being listed: its span is mapped to the paste only when its value is listed (most repeat one). */
  factSpan: Fact | undefined;

  constructor(
    private readonly offsets: OffsetMap,
    private readonly scrubbed: Map<string, string>,
  ) {}

  /** `plain`: a log time or a region, read by a strict pattern of digits, letters and separators, cannot hold a secret. */
  add(kind: RecognizedKind, value: string | number | undefined, span?: { start: number; end: number }, plain = false): void {
    const { out } = this;
    if (value === undefined || value === "" || out.length >= 500) return;
    let values = this.seen.get(kind);
    if (!values) this.seen.set(kind, (values = new Set()));
    else if (values.has(value)) return;
    values.add(value);
    const text = plain ? String(value) : scrubText(String(value), this.scrubbed);
    const item: Recognized = { kind, value: text, label: `${RECOGNIZED_LABEL[kind]} ${text}` };
    const factSpan = this.factSpan;
    if (span) item.span = span;
    else if (factSpan) item.span = { start: this.offsets.toInput(factSpan.start, "start"), end: this.offsets.toInput(factSpan.end, "end") };
    out.push(item);
  }
}

function buildRecognized(findings: Finding[], facts: Fact[], offsets: OffsetMap, scrubbed: Map<string, string>): Recognized[] {
  const list = new RecognizedList(offsets, scrubbed);
  for (const f of findings) {
    list.add("format", f.format, f.span);
    list.add("requestId", f.requestId, f.span);
    list.add("hostId", f.hostId, f.span);
    list.add("region", f.region, f.span);
    list.add("endpoint", f.endpoint, f.span);
    list.add("action", f.action, f.span);
    list.add("timestamp", f.timestamp, f.span);
    list.add("httpStatus", f.httpStatus, f.span);
    list.add("recommend", f.recommend?.url, f.span);
  }
  for (const fact of facts) {
    if (list.out.length >= 500) break;
    list.factSpan = fact;
    if (fact.kind === "endpoint") {
      list.add("endpoint", fact.value);
      list.add("region", regionFromHost(fact.value), undefined, true);
    } else if (fact.kind === "hostId") {
      list.add("hostId", fact.value);
      list.add("region", regionFromHost(fact.value), undefined, true);
    } else if (fact.kind === "requestTimestamp" || fact.kind === "timestamp") list.add("timestamp", fact.value, undefined, true);
    else list.add(fact.kind, fact.value);
  }
  return list.out;
}
