import { describe, expect, test } from "vitest";
import vendorFacts from "@/db/seed/vendor-facts.json";
import { CHECK_KINDS, CHECKS, checksForCode } from "@/domain/checks/registry";

describe("check registry", () => {
  test("each catalog code of the issue gets its check", () => {
    expect(checksForCode("DomainNotResolved")).toEqual(["dns"]);
    expect(checksForCode("PrivateKeyEncrypted")).toEqual(["cert"]);
    expect(checksForCode("InvalidTimeStamp.Expired")).toEqual(["timestamp"]);
    expect(checksForCode("A403IS")).toEqual(["signature"]);
    expect(checksForCode("InvalidUserDefault")).toEqual(["flowControl"]);
    expect(checksForCode("Forbidden%s")).toEqual(["permission"]);
    expect(checksForCode("MissingGroupId")).toEqual([]);
  });

  test("every management code a check serves is a catalog code (a renamed code would silently lose its check)", () => {
    const catalog = new Set((vendorFacts as { code: string }[]).map((f) => f.code));
    const served = CHECK_KINDS.flatMap((kind) => [...CHECKS[kind].codes]).filter((code) => code !== "A403IS");
    expect(served.filter((code) => !catalog.has(code))).toEqual([]);
  });
});
