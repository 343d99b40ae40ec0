import { describe, expect, test } from "vitest";
import { safeNextPath } from "@/domain/auth/next-path";

describe("safeNextPath: where sign-in may send the browser", () => {
  test("keeps paths of this site with their query and fragment", () => {
    expect(safeNextPath("/admin/users?tab=1")).toBe("/admin/users?tab=1");
    expect(safeNextPath("/errors/Missing%25s#checklist")).toBe("/errors/Missing%25s#checklist");
    expect(safeNextPath("/")).toBe("/");
    // Encoded slashes stay encoded: the browser asks this site for that path.
    expect(safeNextPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
    expect(safeNextPath("/%09/evil.example")).toBe("/%09/evil.example");
  });

  // Each of these makes a browser leave the site: the URL parser drops tabs, newlines and carriage returns,
  // and reads a backslash as a slash.
  test.each([
    ["//evil.example", "scheme-relative"],
    ["/\\evil.example", "slash backslash"],
    ["\\\\evil.example", "two backslashes"],
    ["/\t/evil.example", "tab"],
    ["/\n/evil.example", "newline"],
    ["/\r/evil.example", "carriage return"],
    ["\t//evil.example", "leading tab"],
    ["/\\/evil.example", "slash backslash slash"],
    ["https://evil.example/", "absolute https"],
    ["http:evil.example", "scheme without slashes"],
    ["javascript:alert(1)", "javascript:"],
    ["/.//evil.example", "a path that normalises to //"],
    ["/x/..//evil.example", "dot segments to //"],
    ["///evil.example", "three slashes"],
  ])("refuses %j (%s)", (value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  test("refuses what is not a string, and anything longer than 2000 characters", () => {
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(["/a", "/b"])).toBeNull();
    expect(safeNextPath(`/${"a".repeat(2000)}`)).toBeNull();
  });

  test("whatever it returns resolves to this site, on any host name", () => {
    const samples = ["/a", "/.//x", "/%2e%2e//x", "/a/../../b", "/\u3000/x", "/?next=//evil", "/#//evil"];
    for (const sample of samples) {
      const path = safeNextPath(sample);
      if (path === null) continue;
      expect(path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\"), sample).toBe(true);
      expect(new URL(path, "https://desk.example.com:8443").origin).toBe("https://desk.example.com:8443");
    }
  });
});
