import type { NoteKey } from "./notes";
import type { NormalizationKind } from "./normalize";
import type { RedactionResult } from "../redaction";
import type { ReasonKey } from "./reasons";

/** The slice of a catalog entry the engine needs; `VendorFacts` and `CatalogEntry` both satisfy it. */
export type CatalogRef = { code: string; messages: readonly string[]; httpStatus: number };

/** Offsets into a string, end exclusive. */
export type Span = { start: number; end: number };

/**
 * What printed the error. Wrappers (http, gateway-headers, cli, terraform) win over the SDK formatter they wrap,
 * which wins over the body it carries; `Finding.layers` lists all of them, outermost first.
 */
export const FORMAT_IDS = [
  "terraform",
  "cli",
  "http",
  "gateway-headers",
  "tea-node",
  "tea-python",
  "tea-java",
  "tea-php",
  "tea-dotnet",
  "tea-go",
  "tea-message",
  "pop-core-rpc",
  "pop-core-roa",
  "java-core",
  "python-core",
  "dotnet-core",
  "php",
  "go-sdk",
  "go-sdk-client",
  "aliyungo",
  "log-line",
  "labelled-text",
  "json",
  "python-dict",
  "js-object",
  "php-array",
  "xml",
  "recommend-url",
  "ticket",
  "bare-code",
  "bare-message",
] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

export const FORMAT_DESCRIPTIONS: Record<FormatId, string> = {
  terraform: "Terraform alicloud provider error",
  cli: "aliyun CLI error",
  http: "raw HTTP response",
  "gateway-headers": "API Gateway data-plane headers (X-Ca-Error-*)",
  "tea-node": "Node.js Tea/Darabonba SDK exception",
  "tea-python": "Python Tea/Darabonba SDK exception",
  "tea-java": "Java Tea/Darabonba SDK exception",
  "tea-php": "PHP Tea/Darabonba SDK exception",
  "tea-dotnet": ".NET Tea/Darabonba SDK exception",
  "tea-go": "Go Tea/Darabonba SDKError",
  "tea-message": "Darabonba error message (code: <status>, … request id: …)",
  "pop-core-rpc": "Node @alicloud/pop-core RPC error",
  "pop-core-roa": "Node @alicloud/pop-core ROA error",
  "java-core": "Java aliyun-java-sdk-core exception",
  "python-core": "Python aliyun-python-sdk-core exception",
  "dotnet-core": ".NET Aliyun.Acs.Core exception",
  php: "PHP alibabacloud/client exception",
  "go-sdk": "Go alibaba-cloud-sdk-go ServerError",
  "go-sdk-client": "Go alibaba-cloud-sdk-go client-side error",
  aliyungo: "legacy denverdino/aliyungo error",
  "log-line": "log line",
  "labelled-text": "labelled fields (Code: …, RequestId: …)",
  json: "JSON error body",
  "python-dict": "Python dict repr of the error body",
  "js-object": "JavaScript object / Go map dump of the error",
  "php-array": "PHP var_dump / print_r / var_export of the error body",
  xml: "XML error body",
  "recommend-url": "Recommend / troubleshoot link",
  ticket: "support ticket text",
  "bare-code": "a bare error code",
  "bare-message": "a bare error message",
};

/**
 * How a finding was tied to a catalog entry.
 * - exact: the code is a catalog code.
 * - template: the code instantiates a templated code (`Missing%s` ← `MissingGroupId`).
 * - message: no usable code; the message matches a catalog message (placeholders allowed).
 * - suggestion: a near miss (letter case, a typo, a related code from another product). Never confident.
 */
export type MatchKind = "exact" | "template" | "message" | "suggestion";

export type Candidate = {
  /** The catalog code as stored, `%s` included. */
  entry: string;
  /** What `%s` stood for in the first placeholder. */
  param?: string;
  /** Every placeholder's value when the message had more than one (`DependencyViolation%s`). */
  params?: string[];
  kind: MatchKind;
  /** 0..1. Confident matches are >= 0.7; suggestions are always below. */
  confidence: number;
  /** Why, for a human: "code InvalidFormatRequestConfig matches template InvalidFormat%s; parameter RequestConfig". */
  reason: string;
  /**
   * The parts `reason` was built from, to say it in the reader's language (reasons.ts). Absent on diagnoses saved
   * before reasons had ids: those show `reason` as it is.
   */
  reasonKeys?: ReasonKey[];
};

export type Match = Candidate & {
  /** Other entries the catalog gives the very same message (the catalog itself is ambiguous). */
  ambiguousWith?: string[];
};

export type RecommendGeneration = "error-center" | "troubleshoot-legacy" | "troubleshoot" | "other";

/** A `Recommend` link, split up. All three generations carry the code; the newer two the product too. */
export type Recommend = {
  url: string;
  query: Record<string, string>;
  generation: RecommendGeneration;
  code?: string;
  product?: string;
  requestId?: string;
  /** Text the Go SDK glues in front of the link (`comment + recommend`), or advice given instead of a link. */
  note?: string;
};

export type Finding = {
  code?: string;
  /** The placeholder value of the matched template (`GroupId` for `MissingGroupId`). */
  param?: string;
  message?: string;
  httpStatus?: number;
  /** Upper case. */
  requestId?: string;
  hostId?: string;
  /** From the HostId or the endpoint (`cloudapi.cn-hangzhou.aliyuncs.com` → `cn-hangzhou`), or a RegionId parameter. */
  region?: string;
  /** The host the request went to, when a URL or log shows it. */
  endpoint?: string;
  /** The API action: `Action=` in a URL, a Terraform header, an x-acs-action header, an SDK `…WithOptions` frame. */
  action?: string;
  /** Terraform resource (type, id or address) whose call failed. */
  resource?: string;
  recommend?: Recommend;
  /** When it happened, as printed (log prefix, Date header, ticket text). */
  timestamp?: string;
  /** The signed request's own Timestamp parameter, decoded: what InvalidTimeStamp.Expired is about. */
  requestTimestamp?: string;
  accessDeniedDetail?: unknown;
  /** Extra explanation some SDKs print (Java core `Description : …`). */
  description?: string;
  /** The format that produced the text; see FORMAT_IDS for precedence. */
  format: FormatId;
  /** Every format recognised around this error, outermost first (e.g. ["terraform", "go-sdk"]). */
  layers: FormatId[];
  /** Where in the input (the text passed to diagnose), end exclusive. */
  span: Span;
  /** The same place in `Diagnosis.redacted.text`. */
  redactedSpan: Span;
  match: Match | null;
  /** Ranked alternatives, the match first when there is one. */
  candidates: Candidate[];
  /** Things a support engineer should know that are not fields: SDK rewrites, missing code, data-plane codes. */
  notes: string[];
  /**
   * The same notes as ids and parameters, index for index with `notes`, so they can be shown in the reader's
   * language. Absent when there are no notes, and on diagnoses saved before notes had ids.
   */
  noteKeys?: NoteKey[];
};

export type RecognizedKind =
  | "requestId"
  | "hostId"
  | "region"
  | "endpoint"
  | "action"
  | "timestamp"
  | "httpStatus"
  | "recommend"
  | "format"
  | "input";

/** Something seen in the paste whether or not an error was found (a successful response still has a RequestId). */
export type Recognized = { kind: RecognizedKind; value: string; label: string; span?: Span };

export type InputKind = "empty" | "binary" | "text" | "ticket";

export type Diagnosis = {
  findings: Finding[];
  recognized: Recognized[];
  redacted: RedactionResult;
  input: {
    kind: InputKind;
    language?: "zh" | "en";
    length: number;
    /** More errors were found than `maxFindings`; the rest were dropped. */
    truncated?: boolean;
    /**
     * The paste held full-width text or HTML-escaped lines and was read normalised (the findings it touched say so
     * in their notes). Offsets still point into the paste as it was.
     */
    normalized?: NormalizationKind[];
  };
};

export type DiagnoseOptions = {
  /** Stop after this many findings (default 200). */
  maxFindings?: number;
};
