import { describe, expect, test } from "vitest";
import { createMatcher, diagnose, type Finding } from "@/domain/diagnosis";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { SAMPLES, type ExpectedFinding } from "@/tests/fixtures/diagnosis/samples";

const matcher = createMatcher(vendorFacts);

function expectFinding(actual: Finding, expected: ExpectedFinding) {
  expect(actual.format).toBe(expected.format);
  if (expected.code !== undefined) expect(actual.code).toBe(expected.code ?? undefined);
  if (expected.requestId !== undefined) expect(actual.requestId).toBe(expected.requestId ?? undefined);
  if (expected.httpStatus !== undefined) expect(actual.httpStatus).toBe(expected.httpStatus);
  if (expected.hostId !== undefined) expect(actual.hostId).toBe(expected.hostId);
  if (expected.region !== undefined) expect(actual.region).toBe(expected.region);
  if (expected.action !== undefined) expect(actual.action).toBe(expected.action);
  if (expected.resource !== undefined) expect(actual.resource).toBe(expected.resource);
  if (expected.message !== undefined) expect(actual.message).toBe(expected.message);
  if (expected.messageStartsWith !== undefined) expect(actual.message?.startsWith(expected.messageStartsWith)).toBe(true);
  if (expected.param !== undefined) expect(actual.param).toBe(expected.param);
  if (expected.timestamp !== undefined) expect(actual.timestamp).toBe(expected.timestamp);
  if (expected.requestTimestamp !== undefined) expect(actual.requestTimestamp).toBe(expected.requestTimestamp);
  if (expected.layers !== undefined) expect(actual.layers).toEqual(expected.layers);
  if (expected.recommend) expect(actual.recommend).toMatchObject(expected.recommend);
  if (expected.match === null) expect(actual.match).toBeNull();
  else if (expected.match !== undefined) {
    expect(actual.match?.entry).toBe(expected.match);
    expect(actual.match!.confidence).toBeGreaterThanOrEqual(0.7);
  }
  if (expected.matchKind) expect(actual.match?.kind).toBe(expected.matchKind);
  for (const entry of expected.candidates ?? []) expect(actual.candidates.map((c) => c.entry)).toContain(entry);
  if (expected.note) expect(actual.notes.some((n) => expected.note!.test(n))).toBe(true);
}

describe("real samples (tests/fixtures/diagnosis/samples.ts)", () => {
  test.each(SAMPLES.map((s) => [s.id, s] as const))("%s", (_id, sample) => {
    const result = diagnose(sample.text, matcher);
    expect(result.findings.map((f) => f.code ?? f.message?.slice(0, 40))).toHaveLength(sample.findings.length);
    for (const [i, expected] of sample.findings.entries()) expectFinding(result.findings[i]!, expected);
    for (const finding of result.findings) {
      expect(finding.span.start).toBeGreaterThanOrEqual(0);
      expect(finding.span.end).toBeLessThanOrEqual(sample.text.length);
      expect(finding.span.start).toBeLessThan(finding.span.end);
      if (finding.requestId) expect(finding.requestId).toBe(finding.requestId.toUpperCase());
      for (const candidate of finding.candidates) if (candidate.kind === "suggestion") expect(candidate.confidence).toBeLessThan(0.7);
      if (finding.match) expect(finding.match.reason.length).toBeGreaterThan(10);
    }
  });

  test("the span covers the error's text in the input", () => {
    const sample = SAMPLES.find((s) => s.id === "S23")!;
    const [finding] = diagnose(sample.text, matcher).findings;
    const covered = sample.text.slice(finding!.span.start, finding!.span.end);
    expect(covered).toContain("Error:InvalidAccessKeyId.NotFound");
    expect(covered).toContain("C7E393EC-A6D6-4BAB-922F-7DA3AC55DFCE");
  });

  test("the real samples pasted together as one ticket give every error, in order", () => {
    const chosen = SAMPLES.filter((s) => ["S03", "S23", "S35", "S41", "S47"].includes(s.id));
    const ticket = chosen.map((s) => `客户的第 ${s.id} 个报错如下：\n${s.text}`).join("\n\n");
    const codes = diagnose(ticket, matcher).findings.map((f) => f.code);
    expect(codes).toEqual(["Forbidden.RAM", "InvalidAccessKeyId.NotFound", "ServiceUnavailable", "AccessDenied", "OperationDenied"]);
  });

  test("secrets in the samples do not survive: the string-to-sign's AccessKeyId is redacted", () => {
    const sample = SAMPLES.find((s) => s.id === "S01")!;
    const result = diagnose(sample.text, matcher);
    expect(JSON.stringify(result)).not.toContain("LTAIlFW9Sddoh5pV");
    expect(result.redacted.removed).toContainEqual({ kind: "AccessKeyId", count: 1 });
    expect(result.findings[0]!.message).toContain("AccessKeyId%3D[REDACTED:AccessKeyId]%26Action");
  });
});
