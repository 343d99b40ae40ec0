import type { Matcher } from "./matcher";
import { IntervalSet, type TextIndex } from "./text";
import type { FormatId } from "./types";
import type { Note } from "./notes";
import type { NestedText } from "./extract/objects";

/**
 * What one extractor saw at one place, before pieces describing the same error are merged.
 * - body: a JSON/XML/dict error body (its fields are the cleanest);
 * - producer: what an SDK or tool printed (tea-node, go-sdk, ...);
 * - wrapper: text around a producer (an HTTP status line and headers, a Terraform header).
 */
export type Role = "wrapper" | "producer" | "body";

export type RawFields = {
  code?: string;
  message?: string;
  httpStatus?: number;
  requestId?: string;
  hostId?: string;
  endpoint?: string;
  region?: string;
  action?: string;
  resource?: string;
  recommend?: string;
  timestamp?: string;
  requestTimestamp?: string;
  accessDeniedDetail?: unknown;
  description?: string;
  /**
   * The value of an X-Ca-Error-Message header (or what the Node gateway SDK printed of it): without X-Ca-Error-Code
   * it names the error itself (API Gateway's classic instances; header-names.ts).
   */
  gatewayMessage?: string;
};

export type Raw = RawFields & {
  start: number;
  end: number;
  format: FormatId;
  role: Role;
  /** Where this producer's body is expected (after `Response: `, `Data: `, the blank line of an HTTP response). */
  bodyFrom?: number;
  /** Where a wrapper's wrapped error starts (the line after a Terraform header). */
  causeFrom?: number;
  /** Formats recognised inside this raw already (a recursion into a JSON string, a CLI prefix). */
  layers?: FormatId[];
  notes?: Note[];
  /** From free text (bare codes and messages): may be merged with its neighbours on the same line. */
  prose?: boolean;
};

export type FactKind = "requestId" | "hostId" | "action" | "timestamp" | "requestTimestamp" | "region" | "endpoint" | "recommend";

/** A field seen outside any error (a RequestId line under a ticket's error, a timestamp in a log prefix). */
export type Fact = { kind: FactKind; value: string; start: number; end: number };

export type ScanContext = {
  text: string;
  index: TextIndex;
  matcher: Matcher;
  /** 0 for the paste itself, 1+ inside a decoded JSON string. */
  depth: number;
  raws: Raw[];
  facts: Fact[];
  /** Spans already explained: later extractors skip anchors inside them. */
  explained: IntervalSet;
  /** Raws still allowed; a paste with tens of thousands of errors is cut here and reported as truncated. */
  budget: { raws: number; exhausted: boolean };
  /** JSON strings that may hold an escaped error, found by the objects reader and read by the nested one. */
  nested: NestedText[];
};

/** Far more than any report shows; bounds the work on a paste that repeats one error a hundred thousand times. */
export const RAW_BUDGET = 5_000;

export function newContext(text: string, index: TextIndex, matcher: Matcher, depth: number, rawBudget = RAW_BUDGET): ScanContext {
  return {
    text,
    index,
    matcher,
    depth,
    raws: [],
    facts: [],
    explained: new IntervalSet(),
    budget: { raws: rawBudget, exhausted: false },
    nested: [],
  };
}

/** Drops empty strings so `{ code: "" }` never reads as a code. */
export function compact<T extends object>(fields: T): T {
  const out: Record<string, unknown> = {};
  for (const key in fields) {
    const value: unknown = fields[key];
    if (value === undefined || value === null) continue;
    if (typeof value === "string") {
      const trimmed = value.trim();
      if (trimmed !== "") out[key] = trimmed;
    } else out[key] = value;
  }
  return out as T;
}

/** Records a raw; returns the stored one (or undefined once the budget is spent). */
export function addRaw(ctx: ScanContext, raw: Raw, explain = true): Raw | undefined {
  if (ctx.budget.raws <= 0) {
    ctx.budget.exhausted = true;
    return undefined;
  }
  ctx.budget.raws--;
  const clean = compact(raw);
  ctx.raws.push(clean);
  if (explain) ctx.explained.add(clean.start, clean.end);
  return clean;
}
