import { describe, expect, test } from "vitest";
import { bearerToken, generateApiKey, hashApiKey, looksLikeApiKey, newApiKeyInput, visiblePrefix } from "@/domain/auth/api-keys";

describe("API key format", () => {
  test("keys are edk_ plus 32 random bytes in base64url, each different, and the visible prefix is not enough to use them", () => {
    const keys = Array.from({ length: 200 }, generateApiKey);
    for (const key of keys) {
      expect(key).toMatch(/^edk_[A-Za-z0-9_-]{43}$/);
      expect(looksLikeApiKey(key)).toBe(true);
      expect(Buffer.from(key.slice(4), "base64url")).toHaveLength(32);
      expect(visiblePrefix(key)).toHaveLength(12);
    }
    expect(new Set(keys).size).toBe(keys.length);
    expect(hashApiKey(keys[0]!)).toMatch(/^[0-9a-f]{64}$/);
  });

  test("only `Authorization: Bearer <key>` carries a key", () => {
    expect(bearerToken("Bearer edk_abc")).toBe("edk_abc");
    expect(bearerToken("  bearer   edk_abc ")).toBe("edk_abc");
    expect(bearerToken("Basic dXNlcjpwYXNz")).toBeNull();
    expect(bearerToken("Bearer")).toBeNull();
    expect(bearerToken("Bearer a b")).toBeNull();
    expect(bearerToken(null)).toBeNull();
    expect(looksLikeApiKey("edk_short")).toBe(false);
  });

  test("a new key needs a name and at least one known scope; duplicates collapse", () => {
    expect(newApiKeyInput.parse({ name: " Bot ", scopes: ["events:write", "diagnose", "diagnose"] })).toEqual({
      name: "Bot",
      scopes: ["diagnose", "events:write"],
    });
    expect(newApiKeyInput.safeParse({ name: "Bot", scopes: ["admin"] }).success).toBe(false);
    expect(newApiKeyInput.safeParse({ name: "", scopes: ["diagnose"] }).success).toBe(false);
  });
});
