/**
 * How many pastes of the accuracy corpus (tests/fixtures/diagnosis/corpus.ts) and of the fixture samples the
 * engine reads right, per class, and what it gets wrong. With --update-snapshot it also rewrites the committed
 * snapshot of the engine's whole output (tests/fixtures/diagnosis/snapshot.json) that diagnosis-snapshot.test.ts
 * compares with: run it only when a change of output is intended, and read the diff.
 *
 *   node --import tsx scripts/diagnosis-accuracy.ts [--verbose] [--update-snapshot]
 */
import { writeFileSync } from "node:fs";
import { createMatcher, diagnose } from "@/domain/diagnosis";
import { ALL_VENDOR_FACTS } from "@/db/seed/vendor-sources";
import { judgeAll, snapshotInputs } from "@/tests/fixtures/diagnosis/accuracy";

const matcher = createMatcher(ALL_VENDOR_FACTS);
const verdicts = judgeAll((text) => diagnose(text, matcher));
const groups = new Map<string, { right: number; wrong: number }>();
for (const v of verdicts) {
  const counts = groups.get(v.group) ?? { right: 0, wrong: 0 };
  if (v.mismatches.length === 0) counts.right++;
  else counts.wrong++;
  groups.set(v.group, counts);
}
const total = { right: 0, wrong: 0 };
console.log("class".padEnd(22), "right", "wrong");
for (const [group, { right, wrong }] of groups) {
  console.log(group.padEnd(22), String(right).padStart(5), String(wrong).padStart(5));
  total.right += right;
  total.wrong += wrong;
}
console.log("total".padEnd(22), String(total.right).padStart(5), String(total.wrong).padStart(5));
if (process.argv.includes("--verbose")) {
  for (const v of verdicts) if (v.mismatches.length) console.log(`\n${v.group}/${v.id}\n  ${v.mismatches.join("\n  ")}`);
}
if (process.argv.includes("--update-snapshot")) {
  const snapshot = Object.fromEntries(snapshotInputs().map(({ id, text }) => [id, diagnose(text, matcher)]));
  writeFileSync(new URL("../tests/fixtures/diagnosis/snapshot.json", import.meta.url), `${JSON.stringify(snapshot, null, 1)}\n`);
  console.log("\nsnapshot written");
}
