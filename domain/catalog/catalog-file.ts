import { findNodeAtLocation, getNodeValue, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";
import Papa from "papaparse";
import * as z from "zod";
import { storable } from "../text/storable-schema";
import { compactEntry } from "./change-preview";
import { GUIDE_LIMITS } from "./entry-limits";
import { LOCALES, SECTIONS, type CatalogEntry } from "./types";

/**
 * The catalog as a file, both ways: `catalog:export` and the UI write JSON or CSV, and `catalog:import` and
 * the UI read either back (the format chosen by content). A file with any bad entry is refused whole, with
 * the line and the reason, so an import never writes half a file.
 */
export type CatalogFileFormat = "json" | "csv";
export type ExportedEntry = CatalogEntry & { revision: number };

/** Why a file is refused; the UI translates `kind`, the command line prints describeFileProblem. */
export type FileProblem =
  | { kind: "empty" }
  | { kind: "syntax"; format: CatalogFileFormat; detail: string }
  | { kind: "shape" }
  | { kind: "missingColumn"; column: string }
  | { kind: "unknownColumn"; column: string }
  | { kind: "invalidField"; field: string; issue: "missing" | "tooLong" | "invalid"; limit?: number }
  | { kind: "duplicateCode"; code: string; firstLine: number };
export type FileRefusal = { line: number; problem: FileProblem };

export type ParsedCatalogFile = { ok: true; format: CatalogFileFormat; entries: CatalogEntry[] } | ({ ok: false } & FileRefusal);

const MAX_CODE = 200;
const MAX_MESSAGE = 2000;

const text = (max: number, pattern = /^/) => storable(z.string().max(max).regex(pattern, { message: "invalid" }));
const localizedText = (max: number) => z.strictObject(Object.fromEntries(LOCALES.map((l) => [l, text(max).optional()])));
const titleText = localizedText(GUIDE_LIMITS.title).refine((value) => LOCALES.some((l) => value[l]), { message: "missing" });

/** One entry of an import file; `revision` is the exporting catalog's count of edits, read and ignored. */
const fileEntry = z.strictObject({
  code: storable(z.string().min(1, { message: "missing" }).max(MAX_CODE).regex(/^\S+$/, { message: "invalid" })),
  section: z.enum(SECTIONS),
  httpStatus: z.int().min(100).max(599),
  retryable: z.boolean(),
  // One message a line in CSV: the vendor page has one a table row, so none holds a line break.
  messages: z.array(text(MAX_MESSAGE, /^[^\r\n]+$/)).min(1),
  title: titleText,
  explanation: localizedText(GUIDE_LIMITS.text),
  remediation: localizedText(GUIDE_LIMITS.text),
  checklist: z.array(z.strictObject({ title: titleText, detail: localizedText(GUIDE_LIMITS.stepDetail) })).max(GUIDE_LIMITS.steps),
  revision: z.int().positive().optional(),
});

export function parseCatalogFile(content: string): ParsedCatalogFile {
  const body = content.replace(/^\uFEFF/, "");
  if (!body.trim()) return { ok: false, line: 1, problem: { kind: "empty" } };
  return /^\s*[[{]/.test(body) ? parseJson(body) : parseCsv(body);
}

// ---- JSON: the export's shape, `{"entries":[…]}` (a bare array is read too) ----

function parseJson(body: string): ParsedCatalogFile {
  const lineOf = lineFinder(body);
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { disallowComments: true, allowTrailingComma: false });
  const [syntax] = errors;
  if (syntax)
    return {
      ok: false,
      line: lineOf(syntax.offset),
      problem: { kind: "syntax", format: "json", detail: printParseErrorCode(syntax.error) },
    };
  const list = root?.type === "array" ? root : root && findNodeAtLocation(root, ["entries"]);
  if (list?.type !== "array") return { ok: false, line: 1, problem: { kind: "shape" } };
  const rows = (list.children ?? []).map((node) => ({ line: lineOf(node.offset), value: getNodeValue(node) as unknown, node }));
  return validateRows("json", rows, (row, path) => lineOf((findNodeAtLocation(row.node, path) ?? row.node).offset));
}

// ---- CSV: one entry a row, a column per language, messages one a line, the checklist as JSON ----

const LOCALIZED_FIELDS = ["title", "explanation", "remediation"] as const;
export const CSV_COLUMNS = [
  "code",
  "section",
  "httpStatus",
  "retryable",
  "messages",
  ...LOCALIZED_FIELDS.flatMap((field) => LOCALES.map((locale) => `${field}.${locale}`)),
  "checklist",
  "revision",
] as const;
const OPTIONAL_COLUMNS = new Set<string>(["revision"]);

export function catalogToCsv(entries: readonly ExportedEntry[]): string {
  const rows = entries.map((entry) => [
    entry.code,
    entry.section,
    String(entry.httpStatus),
    String(entry.retryable),
    entry.messages.join("\n"),
    ...LOCALIZED_FIELDS.flatMap((field) => LOCALES.map((locale) => entry[field][locale] ?? "")),
    JSON.stringify(entry.checklist),
    String(entry.revision),
  ]);
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows })}\r\n`;
}

function parseCsv(body: string): ParsedCatalogFile {
  const lineOf = lineFinder(body);
  const parsed = Papa.parse<string[]>(body, { skipEmptyLines: true });
  // Papaparse numbers rows, not lines (a quoted cell may span several); a second pass, row by row, gives
  // where each row ends and so where the next one starts.
  const [syntax] = parsed.errors;
  const rowLines = rowStartLines(body, lineOf);
  if (syntax)
    return { ok: false, line: rowLines[syntax.row ?? 0] ?? 1, problem: { kind: "syntax", format: "csv", detail: syntax.message } };
  const [header = [], ...records] = parsed.data;
  const unknown = header.find((column) => !(CSV_COLUMNS as readonly string[]).includes(column));
  if (unknown !== undefined) return { ok: false, line: 1, problem: { kind: "unknownColumn", column: unknown } };
  const missing = CSV_COLUMNS.find((column) => !OPTIONAL_COLUMNS.has(column) && !header.includes(column));
  if (missing) return { ok: false, line: 1, problem: { kind: "missingColumn", column: missing } };
  const rows = records.map((cells, i) => {
    const cell = (column: string) => cells[header.indexOf(column)] ?? "";
    return { line: rowLines[i + 1] ?? 1, value: csvRecordToEntry(cell, header.includes("revision")) };
  });
  return validateRows("csv", rows, (row) => row.line);
}

function rowStartLines(body: string, lineOf: (offset: number) => number): number[] {
  const lines: number[] = [];
  let previous = 0;
  Papa.parse(body, {
    skipEmptyLines: true,
    step: (step) => {
      lines.push(lineOf(previous));
      previous = step.meta.cursor;
    },
  });
  return lines;
}

/** Cells as the JSON entry they stand for; what does not convert is left as is for the schema to name. */
function csvRecordToEntry(cell: (column: string) => string, hasRevision: boolean): Record<string, unknown> {
  const status = cell("httpStatus");
  const retryable = cell("retryable");
  const localizedOf = (field: string) =>
    Object.fromEntries(LOCALES.flatMap((l) => (cell(`${field}.${l}`) ? [[l, cell(`${field}.${l}`)]] : [])));
  return {
    code: cell("code"),
    section: cell("section"),
    httpStatus: /^\d+$/.test(status) ? Number(status) : status,
    retryable: retryable === "true" ? true : retryable === "false" ? false : retryable,
    messages: cell("messages") ? cell("messages").split(/\r?\n/) : [],
    ...Object.fromEntries(LOCALIZED_FIELDS.map((field) => [field, localizedOf(field)])),
    checklist: jsonCell(cell("checklist")),
    ...(hasRevision && cell("revision") ? { revision: Number(cell("revision")) } : {}),
  };
}

function jsonCell(value: string): unknown {
  if (!value.trim()) return [];
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

// ---- shared: every row against the schema, then no code twice ----

type Row = { line: number; value: unknown };

function validateRows<R extends Row>(
  format: CatalogFileFormat,
  rows: R[],
  lineOfIssue: (row: R, path: (string | number)[]) => number,
): ParsedCatalogFile {
  const entries: CatalogEntry[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const parsed = fileEntry.safeParse(row.value);
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== "symbol");
      return { ok: false, line: lineOfIssue(row, path), problem: invalidField(format, path, issue, valueAt(row.value, path)) };
    }
    const { revision: _revision, ...entry } = parsed.data;
    const firstLine = firstLineOf.get(entry.code);
    if (firstLine !== undefined) return { ok: false, line: row.line, problem: { kind: "duplicateCode", code: entry.code, firstLine } };
    firstLineOf.set(entry.code, row.line);
    entries.push(compactEntry(entry as CatalogEntry));
  }
  return { ok: true, format, entries };
}

/** What the file holds at an issue's path (zod leaves the input out of its issues). */
function valueAt(value: unknown, path: (string | number)[]): unknown {
  let current = value;
  for (const key of path) current = current && typeof current === "object" ? (current as Record<string | number, unknown>)[key] : undefined;
  return current;
}

function invalidField(
  format: CatalogFileFormat,
  path: (string | number)[],
  issue: z.core.$ZodIssue | undefined,
  value: unknown,
): FileProblem {
  // In CSV a language is its own column (title.en); the checklist is one column whatever went wrong inside it.
  const [top, second] = path;
  const field =
    format === "csv" && typeof top === "string" && top !== "checklist" && typeof second === "string"
      ? `${top}.${second}`
      : String(top ?? "entry");
  if (issue?.code === "too_big" && typeof issue.maximum === "number" && issue.origin === "string")
    return { kind: "invalidField", field, issue: "tooLong", limit: Number(issue.maximum) };
  // An empty CSV cell is a missing value too.
  const missing = issue?.code === "invalid_type" && (value === undefined || value === "");
  return { kind: "invalidField", field, issue: missing || issue?.message === "missing" ? "missing" : "invalid" };
}

/** Offset → 1-based line number. */
function lineFinder(body: string): (offset: number) => number {
  const starts = [0];
  for (let i = body.indexOf("\n"); i !== -1; i = body.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/** The refusal as one English sentence, for the command line. */
export function describeFileProblem({ line, problem }: FileRefusal): string {
  const where = `line ${line}`;
  switch (problem.kind) {
    case "empty":
      return `${where}: the file is empty`;
    case "syntax":
      return `${where}: not valid ${problem.format.toUpperCase()} (${problem.detail})`;
    case "shape":
      return `${where}: expected {"entries":[…]} as catalog:export writes it`;
    case "missingColumn":
      return `${where}: the column "${problem.column}" is missing`;
    case "unknownColumn":
      return `${where}: unknown column "${problem.column}"`;
    case "duplicateCode":
      return `${where}: the code ${problem.code} is already on line ${problem.firstLine}`;
    case "invalidField":
      if (problem.issue === "missing") return `${where}: ${problem.field} is missing`;
      if (problem.issue === "tooLong") return `${where}: ${problem.field} is longer than ${problem.limit} characters`;
      return `${where}: ${problem.field} is not valid`;
  }
}
