import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { bigramsOf, MAX_QUERY_LENGTH, normalizeForSearch, parseSearchQuery } from "@/domain/catalog/search";
import { isRetryableByDefault, parseVendorErrorPage } from "@/domain/catalog/vendor-doc";
import type { VendorFacts } from "@/domain/catalog/types";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const fromRoot = (relative: string) => path.resolve(repoRoot, relative);

/** Strings mixing ASCII, full-width forms, CJK, accents and several kinds of whitespace. */
const searchText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."abcXYZ09%._-"),
    fc.constantFrom(..."ＡＢＣａｂｃ０９％．"),
    fc.constantFrom(..."域名未解析签名错误"),
    fc.constantFrom(..."éÉß"),
    fc.constantFrom(" ", "\t", "\n", "\u3000", "\u00a0"),
  ),
  maxLength: 40,
});

describe("normalizeForSearch", () => {
  test("folds full-width letters and digits to ASCII and lower-cases", () => {
    expect(normalizeForSearch("ＤＯＭＡＩＮ")).toBe("domain");
    expect(normalizeForSearch("ＩｎｖａｌｉｄＡｐｉ．ＮｏｔＦｏｕｎｄ")).toBe("invalidapi.notfound");
    expect(normalizeForSearch("Ｔｈｒｏｔｔｌｉｎｇ．Ｕｓｅｒ ４００")).toBe("throttling.user 400");
    expect(normalizeForSearch("Missing%s")).toBe("missing%s");
  });

  test("leaves Chinese text as it is", () => {
    expect(normalizeForSearch("指定域名未解析")).toBe("指定域名未解析");
  });

  test("is idempotent", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => normalizeForSearch(normalizeForSearch(text)) === normalizeForSearch(text)));
  });
});

describe("bigramsOf", () => {
  test("gives the distinct two-character windows of each word", () => {
    expect(bigramsOf("abab")).toEqual(["ab", "ba"]);
    expect(bigramsOf("域名未解析")).toEqual(["域名", "名未", "未解", "解析"]);
  });

  test("never spans whitespace, and single characters give none", () => {
    expect(bigramsOf("ab cd")).toEqual(["ab", "cd"]);
    expect(bigramsOf("a b\tc")).toEqual([]);
    expect(bigramsOf("")).toEqual([]);
  });

  test("works on the normalized text, so full-width and ASCII agree", () => {
    expect(bigramsOf("ＤＯＭＡＩＮ")).toEqual(bigramsOf("domain"));
  });

  test("counts characters, not UTF-16 units", () => {
    expect(bigramsOf("𠀀𠀁")).toEqual(["𠀀𠀁"]);
  });

  test("a query term found in a text never needs a bigram the text lacks", () => {
    // The index is only a pre-filter: it must never drop an entry whose text contains every term.
    fc.assert(
      fc.property(searchText, fc.nat(), fc.nat(), (document, a, b) => {
        const text = normalizeForSearch(document);
        const chars = Array.from(text);
        const [from, to] = [a % (chars.length + 1), b % (chars.length + 1)].sort((x, y) => x - y);
        const slice = chars.slice(from, to).join("");
        const indexed = new Set(bigramsOf(document));
        return parseSearchQuery(slice).bigrams.every((gram) => indexed.has(gram));
      }),
    );
  });
});

describe("parseSearchQuery", () => {
  test("splits on any whitespace, normalizes and drops repeated terms", () => {
    expect(parseSearchQuery("  Domain\tＤＯＭＡＩＮ　not  ")).toEqual({
      terms: ["domain", "not"],
      bigrams: ["do", "om", "ma", "ai", "in", "no", "ot"],
    });
  });

  test("an empty or blank query has no terms", () => {
    expect(parseSearchQuery("")).toEqual({ terms: [], bigrams: [] });
    expect(parseSearchQuery(" \t\u3000 ")).toEqual({ terms: [], bigrams: [] });
  });

  test("single-character terms need no bigram", () => {
    expect(parseSearchQuery("a 域")).toEqual({ terms: ["a", "域"], bigrams: [] });
  });

  test("keeps placeholders and dots, which codes contain", () => {
    expect(parseSearchQuery("Invalid%s.LengthLimit").terms).toEqual(["invalid%s.lengthlimit"]);
  });

  test(`reads at most ${MAX_QUERY_LENGTH} characters`, () => {
    const parsed = parseSearchQuery("a".repeat(MAX_QUERY_LENGTH) + "zzz");
    expect(parsed.terms).toEqual(["a".repeat(MAX_QUERY_LENGTH)]);
  });

  test("terms are non-empty, distinct and free of whitespace", () => {
    fc.assert(
      fc.property(searchText, (query) => {
        const { terms } = parseSearchQuery(query);
        return new Set(terms).size === terms.length && terms.every((t) => t.length > 0 && !/\s/.test(t));
      }),
    );
  });
});

describe("the vendor's error-code page", () => {
  const page = readFileSync(fromRoot("../shared/seeds/000_5dee7b7487cf72c4.txt"), "utf8");
  const facts = parseVendorErrorPage(page);
  const byCode = new Map(facts.map((f) => [f.code, f]));
  const get = (code: string): VendorFacts => {
    const found = byCode.get(code);
    if (!found) throw new Error(`code ${code} not parsed`);
    return found;
  };

  test("yields exactly 46 distinct codes", () => {
    expect(facts).toHaveLength(46);
    expect(byCode.size).toBe(46);
  });

  test("sorts codes into the page's three tables", () => {
    expect(get("ServiceUnavailable")).toMatchObject({ section: "server", httpStatus: 503 });
    expect(get("InternalError")).toMatchObject({ section: "server", httpStatus: 500 });
    expect(get("RepeatedCommit").section).toBe("client");
    expect(get("InvalidApi.NotFound").section).toBe("common");
    expect(facts.filter((f) => f.section === "server")).toHaveLength(2);
  });

  test("merges the common table's {ParameterName} rows into the %s codes, keeping both wordings", () => {
    expect(get("Missing%s").messages).toEqual(["The %s is mandatory for this action.", "%s is mandatory for this action."]);
    expect(get("Invalid%s").messages).toEqual([
      "The specified parameter %s value is not valid.",
      "Specified parameter %s is not valid.",
    ]);
    expect(facts.some((f) => f.code.includes("{ParameterName}") || f.messages.some((m) => m.includes("{ParameterName}")))).toBe(false);
  });

  test("keeps both placeholders of DependencyViolation%s", () => {
    const [message] = get("DependencyViolation%s").messages;
    expect(message).toBe("The specified %s has %s definitions.");
    expect(message?.match(/%s/g)).toHaveLength(2);
  });

  test("keeps the vendor's quirk: UnsupportedHTTPMethod shares SignatureDoesNotMatch's message", () => {
    const message = "Specified signature is not matched with our calculation.";
    expect(get("UnsupportedHTTPMethod").messages).toEqual([message]);
    expect(get("SignatureDoesNotMatch").messages).toEqual([message]);
  });

  test("keeps the HTTP statuses that are not 400", () => {
    expect(get("InvalidAccessKeyId.NotFound").httpStatus).toBe(404);
    expect(get("InvalidApi.NotFound").httpStatus).toBe(404);
    expect(get("UserNotFound").httpStatus).toBe(404);
    expect(get("NoPermission").httpStatus).toBe(403);
    expect(get("Forbidden%s").httpStatus).toBe(403);
  });

  test("keeps a row whose advice cell is empty", () => {
    expect(get("SignatureNonceUsed").messages).toEqual(["Specified signature nonce was used already."]);
  });

  test("is exactly what db/seed/vendor-facts.json commits", () => {
    const committed: unknown = JSON.parse(readFileSync(fromRoot("db/seed/vendor-facts.json"), "utf8"));
    expect(facts).toEqual(committed);
  });

  test("finds nothing in a page without the section headings", () => {
    expect(parseVendorErrorPage("Foo | bar | 400 |\n")).toEqual([]);
  });
});

describe("isRetryableByDefault", () => {
  test("server failures and throttling are retryable, client errors are not", () => {
    expect(isRetryableByDefault({ code: "ServiceUnavailable", httpStatus: 503 })).toBe(true);
    expect(isRetryableByDefault({ code: "Throttling.User", httpStatus: 400 })).toBe(true);
    expect(isRetryableByDefault({ code: "Invalid%s", httpStatus: 400 })).toBe(false);
    expect(isRetryableByDefault({ code: "NoPermission", httpStatus: 403 })).toBe(false);
  });
});
