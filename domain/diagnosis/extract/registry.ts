import { newContext, type ScanContext } from "../raw";
import { TextIndex } from "../text";
import type { FormatId } from "../types";
import { gatewayHeaders } from "./gateway-headers";
import { dotnetCore, javaCore, pythonCore } from "./core-sdks";
import { scanFacts } from "./facts";
import { aliyungo, goClientErrors, goSdkBlocks, teaGoBlocks } from "./go-sdk";
import { labelledText } from "./labelled-text";
import { scanLogFields } from "./log-fields";
import { logfmt } from "./log-lines";
import { scanObjects, type NestedText } from "./objects";
import { scanPhpArrays } from "./php-arrays";
import { phpClient } from "./php-client";
import { popCoreRpc } from "./pop-core";
import { scanProse } from "./prose";
import { teaMessages } from "./tea";
import { scanPhpDumps, teaPhpDotnet } from "./tea-php-dotnet";
import { scanWrappers } from "./wrappers";
import { scanXml } from "./xml";

/**
 * Every reader of the engine, in the order they run (docs/formats.md lists what each reads). A reader records
 * what it finds and marks the span as explained; later readers skip explained spans. So where two readers could
 * read the same text, the order says which one does, and the rule is: the reader that knows more about a span
 * runs first. Each line says why its reader sits where it does.
 */
export type Reader = {
  name: string;
  read: (ctx: ScanContext) => void;
  /** The formats its findings can be reported as (a finding on a log line or in a ticket is reported as that). */
  formats: readonly FormatId[];
  why: string;
};

/** Decoded JSON strings are read again (an SDK message escaped into a log line), at most this deep. */
const MAX_NESTING = 2;

/** Readers of machine output: also run on the text of a JSON string that holds an escaped error. */
export const STRUCTURED: readonly Reader[] = [
  {
    name: "php-var-dump",
    read: scanPhpDumps,
    formats: ["tea-php"],
    why: "var_dump quotes a Tea message, which the JSON reader would take for a JSON string",
  },
  {
    name: "php-arrays",
    read: scanPhpArrays,
    formats: ["php-array"],
    why: "a dumped array's quoted values would otherwise be read as JSON strings and loose labels",
  },
  {
    name: "objects",
    read: (ctx) => ctx.nested.push(...scanObjects(ctx)),
    formats: ["json", "python-dict", "js-object"],
    why: "bodies are the cleanest fields: read before any text around them",
  },
  { name: "xml", read: scanXml, formats: ["xml"], why: "bodies, as above" },
  {
    name: "nested",
    read: readNested,
    formats: [],
    why: "an escaped error inside a JSON string is read once the strings are known, before the SDK line around it",
  },
  {
    name: "wrappers",
    read: scanWrappers,
    formats: ["http", "terraform"],
    why: "HTTP and Terraform headers say where their content starts; they explain only themselves",
  },
  {
    name: "tea-go",
    read: teaGoBlocks,
    formats: ["tea-go"],
    why: "block formats first: their lines hold anchors of the one-line formats (Code:, Message:)",
  },
  { name: "go-sdk", read: goSdkBlocks, formats: ["go-sdk", "cli"], why: "block format, as above" },
  {
    name: "tea-php-dotnet",
    read: teaPhpDotnet,
    formats: ["tea-php", "tea-dotnet"],
    why: "before the Tea one-liners, which would read a PHP or .NET class name as a Java one",
  },
  {
    name: "tea",
    read: teaMessages,
    formats: ["tea-node", "tea-python", "tea-java", "tea-message", "pop-core-roa"],
    why: "one line with `code: <status>,`: more specific than any code-and-message line below",
  },
  {
    name: "python-core",
    read: pythonCore,
    formats: ["python-core"],
    why: "fixed prefixes (HTTP Status:, Error:) that the generic readers would split apart",
  },
  { name: "java-core", read: javaCore, formats: ["java-core"], why: "fixed layout (`<Class>: <Code> : <Message>`), as above" },
  { name: "dotnet-core", read: dotnetCore, formats: ["dotnet-core"], why: "fixed layout, as above" },
  {
    name: "aliyungo",
    read: aliyungo,
    formats: ["aliyungo"],
    why: "labels on one line that the labelled-text reader would read without the status",
  },
  {
    name: "pop-core",
    read: popCoreRpc,
    formats: ["pop-core-rpc"],
    why: "the code is an error's name (`<Code>Error:`), which only this reader knows",
  },
  {
    name: "go-sdk-client",
    read: goClientErrors,
    formats: ["go-sdk-client"],
    why: "`[SDK.…]` prefixes, before the prose reader takes the code for a bare one",
  },
  {
    name: "gateway-headers",
    read: gatewayHeaders,
    formats: ["gateway-headers"],
    why: "X-Ca-Error-* headers outside an HTTP dump, before labelled text",
  },
  { name: "php-client", read: phpClient, formats: ["php"], why: "`<Code>: <Msg> RequestId:` with method and status after it" },
  {
    name: "log-fields",
    read: scanLogFields,
    formats: ["log-line"],
    why: "values running to the next label: before logfmt, which stops a value at its first space",
  },
  { name: "logfmt", read: logfmt, formats: ["log-line"], why: "key=value lines the glued-labels reader left (one label only)" },
  {
    name: "labelled-text",
    read: labelledText,
    formats: ["labelled-text"],
    why: "`Code:` lines typed by people: the most generic labelled form, last of the structured ones",
  },
];

/** Then, on the paste only: loose facts (attached to the errors later) and errors named in free text. */
export const LOOSE: readonly Reader[] = [
  {
    name: "facts",
    read: scanFacts,
    formats: [],
    why: "request ids, hosts and times anywhere; they never explain a span, so their place only needs to precede prose",
  },
  {
    name: "prose",
    read: scanProse,
    formats: ["bare-code", "bare-message", "recommend-url"],
    why: "codes and messages in free text: last, only where nothing above explained the text",
  },
];

export function readStructured(ctx: ScanContext): void {
  for (const reader of STRUCTURED) reader.read(ctx);
}

/** Every reader, in order, on the paste. */
export function readAll(ctx: ScanContext): void {
  readStructured(ctx);
  for (const reader of LOOSE) reader.read(ctx);
}

/** A JSON string holding an escaped SDK message or body: its decoded text read, reported at the string's place. */
function readNested(ctx: ScanContext): void {
  if (ctx.depth >= MAX_NESTING) return;
  for (const nested of ctx.nested) readNestedText(ctx, nested);
}

function readNestedText(ctx: ScanContext, nested: NestedText): void {
  if (ctx.explained.overlaps(nested.start, nested.end)) return;
  const sub = newContext(nested.value, new TextIndex(nested.value), ctx.matcher, ctx.depth + 1);
  readStructured(sub);
  if (sub.raws.length === 0) return;
  for (const raw of sub.raws) {
    const { bodyFrom: _b, causeFrom: _c, ...rest } = raw;
    ctx.raws.push({ ...rest, start: nested.start, end: nested.end, layers: [nested.container, ...(raw.layers ?? [])] });
  }
  ctx.explained.add(nested.start, nested.end);
}
