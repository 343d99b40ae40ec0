import { describe, expect, test } from "vitest";
import { diffGuides } from "@/domain/catalog/revision-diff";
import type { GuideSnapshot } from "@/domain/catalog/guide-snapshot";

const base: GuideSnapshot = {
  title: { en: "Domain not resolved", "zh-CN": "域名未解析" },
  explanation: { en: "The CNAME is missing." },
  remediation: { en: "Add the CNAME record." },
  checklist: [{ title: { en: "Check DNS" }, detail: {} }],
  retryable: false,
};

describe("diffing two revisions of a guide", () => {
  test("marks the changed words of each field in each language, and only there", () => {
    const after = { ...base, remediation: { en: "Add the CNAME record, then wait." } };
    const diffs = diffGuides(base, after);
    const changed = diffs.filter((d) => d.changed);
    expect(changed.map((d) => [d.field, d.locale])).toEqual([["remediation", "en"]]);
    expect(changed[0]?.parts).toEqual([
      { text: "Add the CNAME record", change: "same" },
      { text: ", then wait", change: "added" },
      { text: ".", change: "same" },
    ]);
  });

  test("compares checklist steps by position, a new step being all added", () => {
    const after = { ...base, checklist: [...base.checklist, { title: { en: "Wait ten minutes" }, detail: {} }], retryable: true };
    const changed = diffGuides(base, after).filter((d) => d.changed);
    expect(changed.map((d) => d.field)).toEqual(["checklist.2.title", "retryable"]);
    expect(changed[0]?.parts).toEqual([{ text: "Wait ten minutes", change: "added" }]);
  });
});
