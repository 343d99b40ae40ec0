import { describe, expect, test } from "vitest";
import { auditChanges, auditTimeRange, parseAuditFilters, serializeAuditFilters } from "@/domain/audit";

describe("what changed, as the audit log stores it", () => {
  test("drops passwords, keys, tokens and pasted text at any depth, keeps the rest", () => {
    expect(
      auditChanges({
        name: "Cleo",
        password: "hunter2hunter2",
        newPassword: "x",
        key: "edk_abc",
        text: "a whole ticket",
        nested: { token: "t", role: "editor" },
      }),
    ).toEqual({ name: "Cleo", nested: { role: "editor" } });
  });

  test("redacts a secret typed into an allowed field, and cuts long strings", () => {
    const stored = auditChanges({ reason: "rotated AccessKeySecret=abcdEFGHijklMNOPqrstUVWXyz0123 today", note: "x".repeat(500) })!;
    expect(stored.reason).not.toContain("abcdEFGHijklMNOPqrstUVWXyz0123");
    expect(stored.reason).toContain("[REDACTED");
    expect((stored.note as string).length).toBeLessThanOrEqual(201);
  });

  test("nothing left means no summary at all", () => {
    expect(auditChanges({ password: "p" })).toBeUndefined();
    expect(auditChanges(undefined)).toBeUndefined();
  });
});

describe("the audit page's URL", () => {
  test("keeps allowed values and drops malformed ones, so an edited link still opens", () => {
    expect(parseAuditFilters({ person: "u1", kind: "entry.edit", from: "2026-01-02", to: "not-a-day", page: "3" })).toEqual({
      person: "u1",
      kind: "entry.edit",
      from: "2026-01-02",
      to: "",
      page: 3,
    });
    expect(parseAuditFilters({ page: "-1", from: "2026-13-45" })).toMatchObject({ page: 1, from: "" });
  });

  test("round-trips through the URL, leaving defaults out", () => {
    const filters = parseAuditFilters({ kind: "auth.sign-in-failed", to: "2026-03-01", page: "2" });
    expect(serializeAuditFilters(filters).toString()).toBe("kind=auth.sign-in-failed&to=2026-03-01&page=2");
    expect(parseAuditFilters(Object.fromEntries(serializeAuditFilters(filters)))).toEqual(filters);
    expect(serializeAuditFilters(parseAuditFilters({})).toString()).toBe("");
  });

  test("a day means that day in Asia/Shanghai, the 'to' day included", () => {
    expect(auditTimeRange({ from: "2026-03-01", to: "2026-03-01" })).toEqual({
      since: new Date("2026-02-28T16:00:00Z"),
      until: new Date("2026-03-01T16:00:00Z"),
    });
  });
});
