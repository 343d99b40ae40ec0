import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { createMatcher, diagnose, redactSecrets, type Diagnosis } from "@/domain/diagnosis";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { SAMPLES } from "@/tests/fixtures/diagnosis/samples";

const matcher = createMatcher(vendorFacts);

/** What must hold for any input: no throw, and a result whose offsets and fields make sense. */
function checkInvariants(text: string): boolean {
  let result: Diagnosis;
  try {
    result = diagnose(text, matcher);
  } catch (error) {
    throw new Error(`diagnose threw on ${JSON.stringify(text.slice(0, 200))}: ${String(error)}`);
  }
  let previous = -1;
  for (const f of result.findings) {
    if (f.span.start < 0 || f.span.end > text.length || f.span.start > f.span.end) return false;
    if (f.span.start < previous) return false;
    previous = f.span.start;
    if (f.requestId !== undefined && f.requestId !== f.requestId.toUpperCase()) return false;
    if (f.candidates.some((c) => c.kind === "suggestion" && c.confidence >= 0.7)) return false;
  }
  return result.redacted.text.length >= 0;
}

type Mutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "duplicate"; at: number; length: number; times: number }
  | { kind: "truncate"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), fc.constantFrom("{", "}", '"', "'", "\n", "<", "]]>", "\\n", "code: 400, ", "request id: ", "ErrorCode: ", "%s", "\u001b[31m", "\u0000", "\ud800")) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant("duplicate" as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 60 }), times: fc.integer({ min: 2, max: 300 }) }),
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
  { weight: 2, arbitrary: fc.tuple(fc.array(sample, { minLength: 2, maxLength: 4 }), fc.array(mutation, { maxLength: 4 })).map(([texts, ms]) => mutate(texts.join("\n"), ms)) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder().decode(bytes)) },
);

describe("fuzz: any input is diagnosed without throwing", () => {
  test("10,000 generated and mutated inputs", () => {
    fc.assert(fc.property(fuzzInput, checkInvariants), { numRuns: Number(process.env.DIAGNOSIS_FUZZ_RUNS ?? 10_000) });
  }, 300_000);

  test("every prefix of every sample", () => {
    for (const s of SAMPLES) for (let n = 0; n <= s.text.length; n += 7) expect(checkInvariants(s.text.slice(0, n))).toBe(true);
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
    ["Laravel context lines", repeat('code: 400, m request id: 1A {"exception":"[object] (A\\\\B\\\\TeaError(code: X): code: 400, m request id: 1A at /x:1)\n')],
  ];
  test.each(inputs)("%s", (_name, text) => {
    const started = performance.now();
    const result = diagnose(text, matcher);
    redactSecrets(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(Array.isArray(result.findings)).toBe(true);
  }, 30_000);
});
