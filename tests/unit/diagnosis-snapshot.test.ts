import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { createMatcher, diagnose } from "@/domain/diagnosis";
import { ALL_VENDOR_FACTS } from "@/db/seed/vendor-sources";
import { snapshotInputs } from "@/tests/fixtures/diagnosis/accuracy";

/**
 * The engine's whole output on the accuracy corpus and the fixture samples, as committed. A change that moves any
 * of it fails here with the exact difference; when the change is intended, rewrite the snapshot with
 * `node --import tsx scripts/diagnosis-accuracy.ts --update-snapshot` and review its diff.
 */
const snapshot = JSON.parse(readFileSync(new URL("../fixtures/diagnosis/snapshot.json", import.meta.url), "utf8")) as Record<
  string,
  unknown
>;
const matcher = createMatcher(ALL_VENDOR_FACTS);

describe("engine output snapshot", () => {
  const inputs = snapshotInputs();

  test("covers exactly the corpus and the samples", () => {
    expect(Object.keys(snapshot).sort()).toEqual(inputs.map((i) => i.id).sort());
  });

  test.each(inputs.map((i) => [i.id, i.text] as const))("%s reads as recorded", (id, text) => {
    expect(JSON.parse(JSON.stringify(diagnose(text, matcher)))).toEqual(snapshot[id]);
  });
});
