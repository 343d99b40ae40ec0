import { describe, expect, test } from "vitest";
import { catalogToCsv, describeFileProblem, type ExportedEntry, parseCatalogFile } from "@/domain/catalog/catalog-file";
import { formatPreviewText, previewCatalogChanges, VENDOR_FIELDS } from "@/domain/catalog/change-preview";

const entry: ExportedEntry = {
  code: "UserNotFound",
  section: "client",
  httpStatus: 404,
  retryable: false,
  messages: ["The specified user can not be found."],
  title: { "zh-CN": "用户不存在", en: "User not found" },
  explanation: { en: "No such user." },
  remediation: { "zh-CN": "检查用户。" },
  checklist: [{ title: { en: "Check the account" }, detail: {} }],
  revision: 3,
};

function refusal(text: string) {
  const parsed = parseCatalogFile(text);
  if (parsed.ok) throw new Error("expected a refusal");
  return { line: parsed.line, problem: parsed.problem, sentence: describeFileProblem(parsed) };
}

describe("reading a catalog file", () => {
  test("JSON and CSV are told apart by content and read to the same entries", () => {
    const json = parseCatalogFile(JSON.stringify({ entries: [entry] }, null, 2));
    const csv = parseCatalogFile(catalogToCsv([entry]));
    expect(json).toMatchObject({ ok: true, format: "json" });
    expect(csv).toMatchObject({ ok: true, format: "csv" });
    const { revision: _revision, ...withoutRevision } = entry;
    expect(json.ok && json.entries).toEqual([withoutRevision]);
    expect(csv.ok && csv.entries).toEqual([withoutRevision]);
  });

  test("a JSON syntax error names the line where the parser stopped", () => {
    // The comma missing after "section" (line 5) is noticed at the next member, on line 6.
    const text = JSON.stringify({ entries: [entry] }, null, 2).replace('"section": "client",', '"section": "client"');
    expect(refusal(text)).toMatchObject({ line: 6, problem: { kind: "syntax", format: "json" } });
  });

  test("an invalid field in JSON names the line of that field and the field", () => {
    const text = JSON.stringify({ entries: [entry, { ...entry, code: "Other", httpStatus: 42 }] }, null, 2);
    const lines = text.split("\n");
    const expectedLine = lines.findIndex((l) => l.includes('"httpStatus": 42')) + 1;
    const refused = refusal(text);
    expect(refused).toMatchObject({ line: expectedLine, problem: { kind: "invalidField", field: "httpStatus", issue: "invalid" } });
    expect(refused.sentence).toBe(`line ${expectedLine}: httpStatus is not valid`);
  });

  test("a CSV row's line counts the line breaks inside quoted cells above it", () => {
    const two = [
      entry,
      { ...entry, code: "Second", explanation: { en: "two\nlines" } },
      { ...entry, code: "Third", section: "nowhere" as never },
    ];
    const refused = refusal(catalogToCsv(two));
    // header 1, first row 2, second row 3-4 (a quoted line break), third row 5
    expect(refused).toMatchObject({ line: 5, problem: { kind: "invalidField", field: "section" } });
  });

  test("CSV columns: a missing or unknown one is refused on line 1, a too-long language names its column", () => {
    const csv = catalogToCsv([entry]);
    expect(refusal(csv.replace("retryable,", ""))).toMatchObject({ line: 1, problem: { kind: "missingColumn", column: "retryable" } });
    expect(refusal(csv.replace("checklist,", "checklists,"))).toMatchObject({
      line: 1,
      problem: { kind: "unknownColumn", column: "checklists" },
    });
    const header = csv.split("\r\n")[0] ?? "";
    expect(refusal(`${header.replace(",revision", "").replace(",checklist", "")}\r\n`)).toMatchObject({
      problem: { kind: "missingColumn", column: "checklist" },
    });
    const long = catalogToCsv([{ ...entry, title: { en: "x".repeat(500) } }]);
    expect(refusal(long)).toMatchObject({ line: 2, problem: { kind: "invalidField", field: "title.en", issue: "tooLong", limit: 120 } });
  });

  test("a wrong value is told from a missing one", () => {
    const csv = catalogToCsv([entry]);
    expect(refusal(csv.replace("UserNotFound,client,404", "UserNotFound,client,4xx"))).toMatchObject({
      line: 2,
      problem: { kind: "invalidField", field: "httpStatus", issue: "invalid" },
    });
    expect(refusal(csv.replace("UserNotFound,client,404", "UserNotFound,client,"))).toMatchObject({
      problem: { kind: "invalidField", field: "httpStatus", issue: "missing" },
    });
    expect(refusal(JSON.stringify({ entries: [{ ...entry, retryable: "yes" }] }))).toMatchObject({
      problem: { kind: "invalidField", field: "retryable", issue: "invalid" },
    });
  });

  test("a code twice, an empty file and a foreign JSON shape are refused", () => {
    expect(refusal(catalogToCsv([entry, entry]))).toMatchObject({
      line: 3,
      problem: { kind: "duplicateCode", code: "UserNotFound", firstLine: 2 },
    });
    expect(refusal("  \n")).toMatchObject({ problem: { kind: "empty" } });
    expect(refusal('{"codes": []}')).toMatchObject({ line: 1, problem: { kind: "shape" } });
    expect(refusal(JSON.stringify({ entries: [{ ...entry, title: {} }] }))).toMatchObject({
      problem: { kind: "invalidField", field: "title", issue: "missing" },
    });
  });
});

describe("the change preview", () => {
  test("lists new, changed field by field, and unchanged entries; the text form shows before and after", () => {
    const current = [entry, { ...entry, code: "Same" }];
    const incoming = [
      { ...entry, messages: ["Gone."] },
      { ...entry, code: "Same" },
      { ...entry, code: "Brand%sNew" },
    ];
    const preview = previewCatalogChanges(current, incoming, VENDOR_FIELDS);
    expect(preview.added.map((a) => a.code)).toEqual(["Brand%sNew"]);
    expect(preview.changed).toEqual([{ code: "UserNotFound", fields: [{ field: "messages", before: entry.messages, after: ["Gone."] }] }]);
    expect(preview.unchanged).toEqual(["Same"]);
    const text = formatPreviewText(preview);
    expect(text).toContain("1 new, 1 changed, 1 unchanged");
    expect(text).toContain("~ changed UserNotFound\n    messages\n    - The specified user can not be found.\n    + Gone.");
  });
});
