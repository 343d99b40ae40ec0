import { describe, expect, test } from "vitest";
import { createMatcher, diagnose } from "@/domain/diagnosis";
import { ALL_VENDOR_FACTS } from "@/db/seed/vendor-sources";
import { readMismatches } from "@/tests/fixtures/diagnosis/accuracy";
import { ACCURACY_CLASSES, CORPUS, type CorpusSample } from "@/tests/fixtures/diagnosis/corpus";

/** Every paste of the accuracy corpus, by class: what it must read (tests/fixtures/diagnosis/corpus.ts). */
const matcher = createMatcher(ALL_VENDOR_FACTS);

function mismatches(sample: CorpusSample): string[] {
  const { findings } = diagnose(sample.text, matcher);
  const out = sample.findings.flatMap((expected, i) => readMismatches(findings[i], expected).map((m) => `finding ${i}: ${m}`));
  if (findings.length !== sample.findings.length) out.unshift(`${findings.length} findings, want ${sample.findings.length}`);
  return out;
}

describe.each(ACCURACY_CLASSES.map((c) => [c] as const))("accuracy class %s", (accuracyClass) => {
  const samples = CORPUS.filter((s) => s.class === accuracyClass);

  test("has several examples", () => {
    expect(samples.length).toBeGreaterThanOrEqual(5);
  });

  for (const sample of samples) {
    if (sample.knownMiss) test.fails(`${sample.id} is still read wrong: ${sample.knownMiss}`, () => expect(mismatches(sample)).toEqual([]));
    else test(`${sample.id} is read as expected`, () => expect(mismatches(sample)).toEqual([]));
  }
});
