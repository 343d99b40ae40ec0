import { isActionName, normalizeRequestId } from "../fields";
import { isCodeWorthReporting } from "../code-words";
import { addRaw, type ScanContext } from "../raw";
import { isCodeLike } from "../text";
import { segmentAt } from "./lines";

/**
 * Error fields an application logged on one line, labels glued to their values (docs/formats.md, "Log fields"):
 * `errCode=InvalidAccessKeyId.Inactive,errMsg=Specified access key is disabled.,requestId:…;`,
 * `code:NotFoundApiGroup;msgCannot find…;`, `errorCode:X|errorMsg:…|requestId:…`. A value runs to the next label,
 * so a message keeps its spaces and commas. Read where a code label is, and only with a second label on its line.
 */
export function scanLogFields(ctx: ScanContext): void {
  const { text } = ctx;
  let after = 0;
  CODE_LABEL.lastIndex = 0;
  for (let m = CODE_LABEL.exec(text); m; m = CODE_LABEL.exec(text)) {
    if (m.index < after || ctx.budget.exhausted) continue;
    if (ctx.explained.contains(m.index)) continue;
    const [lineStart, lineEnd] = segmentAt(ctx, m.index);
    after = lineEnd;
    readLine(ctx, lineStart, lineEnd);
    CODE_LABEL.lastIndex = lineEnd;
  }
}

/** Where a line may hold logged fields: a code label followed by `=`, `:` or `：`. */
const CODE_LABEL = /(?<![\w.-])(?:err(?:or)?[_-]?)?code\s{0,2}[=:：]/gi;
/**
 * Any label of a field, with its separator; `msg` may be glued to a message that starts with a capital letter.
 * The lookbehind keeps `statusCode` and `x_code` from reading as `code`.
 */
const LABEL =
  /(?<![\w.-])(err(?:or)?[_-]?code|code|err(?:or)?[_-]?msg|err(?:or)?[_-]?message|msg|message|request[_-]?id|req[_-]?id|action)(\s{0,2}[=:：]\s{0,2}|(?=[A-Z]))/gi;

type Field = "code" | "message" | "requestId" | "action";
/** `weak`: a plain `msg`, which loggers (logrus, zap) use for their own line; an error's message label wins over it. */
type Label = { field: Field; labelStart: number; valueStart: number; weak: boolean };

function fieldOf(label: string): Field {
  const key = label.toLowerCase();
  if (key === "action") return "action";
  if (key.endsWith("code")) return "code";
  return key.endsWith("id") ? "requestId" : "message";
}

function readLine(ctx: ScanContext, lineStart: number, lineEnd: number): void {
  const { text } = ctx;
  const labels: Label[] = [];
  const line = text.slice(lineStart, lineEnd);
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(line); m && labels.length < 16; m = LABEL.exec(line)) {
    const field = fieldOf(m[1]!);
    // Glued without a separator only `msg` (`msgCannot find…`), and only before a capital letter.
    if (m[2] === "" && (field !== "message" || !/[A-Z]/.test(line[m.index + m[0].length] ?? ""))) continue;
    labels.push({
      field,
      labelStart: lineStart + m.index,
      valueStart: lineStart + m.index + m[0].length,
      weak: m[1]!.toLowerCase() === "msg",
    });
  }
  if (labels.length < 2) return;
  const values: Partial<Record<Field, string>> = {};
  let weakMessage = false;
  let start = -1;
  let end = -1;
  labels.forEach((label, i) => {
    const valueEnd = i + 1 < labels.length ? labels[i + 1]!.labelStart : lineEnd;
    const value = cleanValue(text.slice(label.valueStart, valueEnd), label.field);
    if (!value || (values[label.field] !== undefined && !(label.field === "message" && weakMessage && !label.weak))) return;
    values[label.field] = value;
    if (label.field === "message") weakMessage = label.weak;
    if (start === -1) start = label.labelStart;
    end = label.valueStart + text.slice(label.valueStart, valueEnd).trimEnd().length;
  });
  const code = values.code;
  if (!code || !(values.message || values.requestId) || !isCodeLike(code)) return;
  // A lower-case value is a code only when it is a catalog code in another case (`throttling.api`).
  if (!/[A-Z]/.test(code) && !isCodeWorthReporting(ctx.matcher, code)) return;
  const requestId = normalizeRequestId(values.requestId);
  addRaw(ctx, {
    start,
    end,
    format: "log-line",
    role: "producer",
    code,
    ...(values.message ? { message: values.message } : {}),
    ...(requestId ? { requestId } : {}),
    ...(values.action && isActionName(values.action) ? { action: values.action } : {}),
  });
}

/** A value without the separators before the next label, its quotes, and (for codes and ids) what follows the token. */
function cleanValue(raw: string, field: Field): string | undefined {
  let value = raw.trim().replace(/[\s,;|&]+$/, "");
  const quoted = /^(["'])(.*)\1$/.exec(value);
  if (quoted) value = quoted[2]!;
  if (field === "message") return value || undefined;
  const token = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(value)?.[0].replace(/\.+$/, "");
  return token || undefined;
}
