import { describe, expect, test } from "vitest";
import { createMatcher, diagnose, FORMAT_IDS, type FormatId } from "@/domain/diagnosis";
import { LOOSE, STRUCTURED } from "@/domain/diagnosis/extract/registry";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { snapshotInputs } from "@/tests/fixtures/diagnosis/accuracy";

/** The registry of readers against the fixtures: each reader's formats come out of some fixture paste. */
const matcher = createMatcher(vendorFacts);
const READERS = [...STRUCTURED, ...LOOSE];
/** Formats a finding takes from where it stands rather than from the reader that found it. */
const BY_PLACE: FormatId[] = ["log-line", "ticket"];

const seen = new Set<FormatId>();
for (const { text } of snapshotInputs()) {
  for (const finding of diagnose(text, matcher).findings) for (const format of [finding.format, ...finding.layers]) seen.add(format);
}

describe("registry of readers", () => {
  test("every format is produced by a reader or by the finding's place", () => {
    const produced = new Set([...READERS.flatMap((r) => r.formats), ...BY_PLACE]);
    expect(FORMAT_IDS.filter((f) => !produced.has(f))).toEqual([]);
  });

  test("reader names are unique", () => {
    expect(new Set(READERS.map((r) => r.name)).size).toBe(READERS.length);
  });

  test.each(READERS.filter((r) => r.formats.length > 0).map((r) => [r.name, r.formats] as const))(
    "%s has fixtures for each of its formats",
    (_name, formats) => {
      expect(formats.filter((f) => !seen.has(f))).toEqual([]);
    },
  );
});
