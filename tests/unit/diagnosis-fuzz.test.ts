import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, test } from "vitest";
import { createMatcher, diagnose, redactSecrets, type Diagnosis } from "@/domain/diagnosis";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { SAMPLES } from "@/tests/fixtures/diagnosis/samples";

const matcher = createMatcher(vendorFacts);

/**
 * The paste as the engine reads it: full-width ASCII folded and HTML entities decoded (done only when the result says
 * the input was read normalised), so a code read from `ＩｎｖａｌｉｄＡｐｉＩｄ` is found in the text it came from.
 */
function asRead(text: string, result: Diagnosis): string {
  const kinds = result.input.normalized ?? [];
  let out = text;
  if (kinds.includes("full-width"))
    out = out.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
  if (kinds.includes("html-entities")) {
    const named: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">", nbsp: " " };
    out = out.replace(/&(?:#(\d+)|#x([\da-f]+)|(\w+));/gi, (entity, dec?: string, hex?: string, name?: string) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : null;
      if (code !== null) return code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      return named[name!.toLowerCase()] ?? entity;
    });
  }
  return out;
}

/** What a diagnosis of `text` breaks of what must hold for any input, or null when it holds. */
function invariantViolation(text: string, result: Diagnosis): string | null {
  if (result.input.length !== text.length) return `input.length is ${result.input.length}, the text has ${text.length}`;
  const redacted = asRead(result.redacted.text, result);
  let previous = -1;
  for (const [i, f] of result.findings.entries()) {
    const at = `finding ${i} (${f.code ?? "no code"})`;
    if (f.span.start < 0 || f.span.end > text.length || f.span.start > f.span.end)
      return `${at}: span ${f.span.start}–${f.span.end} outside 0–${text.length}`;
    if (f.span.start < previous) return `${at}: starts before the finding before it`;
    previous = f.span.start;
    if (f.code && !asRead(text.slice(f.span.start, f.span.end), result).includes(f.code)) return `${at}: code not in its own span`;
    if (f.code && !redacted.includes(f.code)) return `${at}: code missing from the redacted text`;
    if (f.requestId !== undefined && f.requestId !== f.requestId.toUpperCase()) return `${at}: RequestId ${f.requestId} not upper-case`;
    if (f.match && !f.candidates.some((c) => c.entry === f.match!.entry))
      return `${at}: match ${f.match.entry} is not among its candidates`;
    if (f.candidates.some((c) => !(c.confidence >= 0 && c.confidence <= 1))) return `${at}: a confidence outside 0–1`;
    if (f.candidates.some((c) => c.kind === "suggestion" && c.confidence >= 0.7)) return `${at}: a suggestion with confidence 0.7 or more`;
  }
  return null;
}

/** Diagnoses `text` twice: it must not throw, must give the same result both times, and the result must hold. */
function checkInvariants(text: string): string | null {
  let result: Diagnosis;
  try {
    result = diagnose(text, matcher);
  } catch (error) {
    throw new Error(`diagnose threw on ${JSON.stringify(text.slice(0, 200))}: ${String(error)}`);
  }
  if (!isDeepStrictEqual(diagnose(text, matcher), result)) return "a second run gave a different result";
  return invariantViolation(text, result);
}

type Mutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number; times: number }
  | { kind: "truncate"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(
      fc.string({ unit: "binary", maxLength: 20 }),
      fc.constantFrom(
        "{",
        "}",
        '"',
        "'",
        "\n",
        "<",
        "]]>",
        "\\n",
        "code: 400, ",
        "request id: ",
        "ErrorCode: ",
        "%s",
        "\u001b[31m",
        "\u0000",
        "\ud800",
      ),
    ),
  }),
  fc.record({
    kind: fc.constant("delete" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 80 }),
  }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.integer({ min: 1, max: 60 }),
    times: fc.integer({ min: 2, max: 300 }),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = Math.floor(m.at * out.length);
    if (m.kind === "insert") out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === "delete") out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === "duplicate") out = out.slice(0, at) + out.slice(at, at + m.length).repeat(m.times) + out.slice(at);
    else out = out.slice(0, at);
  }
  return out;
}

const sample = fc.constantFrom(...SAMPLES.map((s) => s.text));
const fuzzInput = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(sample, fc.array(mutation, { maxLength: 6 })).map(([text, ms]) => mutate(text, ms)) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.array(sample, { minLength: 2, maxLength: 4 }), fc.array(mutation, { maxLength: 4 }))
      .map(([texts, ms]) => mutate(texts.join("\n"), ms)),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder().decode(bytes)) },
);

describe("fuzz: any input is diagnosed without throwing, the same way twice, with codes and spans from the text", () => {
  test("10,000 generated and mutated inputs", () => {
    fc.assert(
      fc.property(fuzzInput, (text) => {
        expect(checkInvariants(text)).toBeNull();
      }),
      { numRuns: Number(process.env.DIAGNOSIS_FUZZ_RUNS ?? 10_000) },
    );
  }, 300_000);

  test("every prefix of every sample", () => {
    for (const s of SAMPLES) for (let n = 0; n <= s.text.length; n += 7) expect(checkInvariants(s.text.slice(0, n))).toBeNull();
  }, 120_000);
});

// Speed is measured in bench/diagnose-engine.ts (target: under 200 ms per megabyte). Here only a loose bound that
// catches a quadratic regression (which would take minutes) without failing on a busy machine.
describe("adversarial megabyte inputs finish (loose sanity bound)", () => {
  const MB = 1_000_000;
  const repeat = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const inputs: [string, string][] = [
    ['{"Code":" repeated', repeat('{"Code":"')],
    ["a × 1e6", "a".repeat(MB)],
    ["nested brackets", "{[".repeat(MB / 4) + "]}".repeat(MB / 4)],
    ["%s repeated", repeat("%s")],
    ["ErrorCode: lines", repeat("ErrorCode: \n")],
    ["Tea anchors on one line", repeat("code: 400, ")],
    ["message anchors", repeat(" is mandatory for this action.")],
    ["secrets", repeat("AccessKeySecret=LTAI")],
    ["var_dump strings on one line", repeat('string(9) "code: 400, ')],
    ["PHP `Next` chain lines", repeat("Next A\\B\\TeaError: code: 404, m request id: 1A in /x.php:1\n")],
    ["Monolog `(code: X)` on one line", repeat("A\\B\\TeaError(code: X): code: 400, ")],
    ["PHP 5 quoted messages on one line", repeat("exception 'A\\B\\TeaError' with message 'code: 400, ")],
    [
      "Laravel context lines",
      repeat('code: 400, m request id: 1A {"exception":"[object] (A\\\\B\\\\TeaError(code: X): code: 400, m request id: 1A at /x:1)\n'),
    ],
  ];
  test.each(inputs)(
    "%s",
    (_name, text) => {
      const started = performance.now();
      const result = diagnose(text, matcher);
      redactSecrets(text);
      expect(performance.now() - started).toBeLessThan(2000);
      expect(invariantViolation(text, result)).toBeNull();
    },
    30_000,
  );
});
