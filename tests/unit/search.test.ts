import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  buildSearchDocument,
  compactSearchText,
  isDecidedByGrams,
  isWordKey,
  MAX_QUERY_LENGTH,
  normalizeForSearch,
  parseSearchQuery,
  searchGramsOf,
  searchGramsOfTerm,
  searchKeysOf,
  searchWordsOf,
} from "@/domain/catalog/search";
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
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => normalizeForSearch(normalizeForSearch(text)) === normalizeForSearch(text)),
    );
  });
});

describe("parseSearchQuery", () => {
  test("splits on any whitespace, normalizes and drops repeated terms", () => {
    expect(parseSearchQuery("  Domain\tＤＯＭＡＩＮ　not  ")).toEqual({ terms: ["domain", "not"], phrases: [] });
  });

  test("an empty or blank query has no terms", () => {
    expect(parseSearchQuery("")).toEqual({ terms: [], phrases: [] });
    expect(parseSearchQuery(" \t\u3000 ")).toEqual({ terms: [], phrases: [] });
  });

  test("keeps single-character terms", () => {
    expect(parseSearchQuery("a 域")).toEqual({ terms: ["a", "域"], phrases: [] });
  });

  test("keeps placeholders and dots, which codes contain", () => {
    expect(parseSearchQuery("Invalid%s.LengthLimit").terms).toEqual(["invalid%s.lengthlimit"]);
  });

  test(`reads at most ${MAX_QUERY_LENGTH} characters`, () => {
    const parsed = parseSearchQuery(`${"a".repeat(MAX_QUERY_LENGTH)}zzz`);
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

/** A normalised text and a whitespace-free piece of it, or of something else, as a search term. */
const textAndTerm = fc.tuple(searchText, fc.nat(), fc.nat(), fc.boolean(), searchText).map(([document, a, b, fromText, other]) => {
  const text = normalizeForSearch(document);
  const source = Array.from(fromText ? text : normalizeForSearch(other));
  const [from, to] = [a % (source.length + 1), b % (source.length + 1)].sort((x, y) => x - y);
  const term = source.slice(from, to).join("").split(/\s+/)[0] ?? "";
  return { text, term };
});

describe("searchGramsOf", () => {
  test("gives every window of one to three characters inside each run, without normalising again", () => {
    expect(new Set(searchGramsOf("abcd"))).toEqual(new Set(["a", "b", "c", "d", "ab", "bc", "cd", "abc", "bcd"]));
    expect(new Set(searchGramsOf("域名 ab"))).toEqual(new Set(["域", "名", "域名", "a", "b", "ab"]));
    expect(new Set(searchGramsOf("ＡＢ"))).toEqual(new Set(["Ａ", "Ｂ", "ＡＢ"]));
    expect(searchGramsOf(" \t\u3000")).toEqual([]);
  });

  test("counts characters, not UTF-16 units", () => {
    expect(new Set(searchGramsOf("𠀀𠀁"))).toEqual(new Set(["𠀀", "𠀁", "𠀀𠀁"]));
  });

  test("holds a term of up to three characters exactly when the text contains it", () => {
    fc.assert(
      fc.property(textAndTerm, ({ text, term }) => {
        fc.pre(term.length > 0 && isDecidedByGrams(term));
        return searchGramsOf(text).includes(term) === text.includes(term);
      }),
    );
  });

  test("holds all the grams of any longer term the text contains", () => {
    fc.assert(
      fc.property(textAndTerm, ({ text, term }) => {
        fc.pre(text.includes(term) && term.length > 0);
        const grams = new Set(searchGramsOf(text));
        return searchGramsOfTerm(term).every((gram) => grams.has(gram));
      }),
    );
  });
});

describe("searchGramsOfTerm and isDecidedByGrams", () => {
  test("a short term is its own key, a longer one its trigrams", () => {
    expect(searchGramsOfTerm("域名")).toEqual(["域名"]);
    expect(searchGramsOfTerm("x")).toEqual(["x"]);
    expect(searchGramsOfTerm("abcab")).toEqual(["abc", "bca", "cab"]);
    expect(searchGramsOfTerm("𠀀𠀁𠀂𠀃")).toEqual(["𠀀𠀁𠀂", "𠀁𠀂𠀃"]);
    expect(isDecidedByGrams("abc")).toBe(true);
    expect(isDecidedByGrams("𠀀𠀁𠀂")).toBe(true);
    expect(isDecidedByGrams("abcd")).toBe(false);
  });
});

describe("searchWordsOf and isWordKey", () => {
  test("gives the distinct whole ASCII words of 4 to 64 characters", () => {
    expect(searchWordsOf("the request_id, requests: request 1234 abc")).toEqual(["request", "requests", "1234"]);
    expect(searchWordsOf(`${"a".repeat(64)} ${"b".repeat(65)} 域名abcd`)).toEqual(["a".repeat(64), "abcd"]);
  });

  test("a term is a word key only if it could be one", () => {
    expect(isWordKey("request")).toBe(true);
    expect(isWordKey("abc")).toBe(false);
    expect(isWordKey("request_id")).toBe(false);
    expect(isWordKey("a".repeat(65))).toBe(false);
  });

  test("a text holding a word contains it, and words never collide with grams", () => {
    fc.assert(
      fc.property(searchText, (document) => {
        const text = normalizeForSearch(document);
        const grams = new Set(searchGramsOf(text));
        return searchWordsOf(text).every((word) => text.includes(word) && isWordKey(word) && !grams.has(word));
      }),
    );
    expect(new Set(searchKeysOf("abcd 域"))).toEqual(new Set([...searchGramsOf("abcd 域"), "abcd"]));
  });
});

describe("compactSearchText", () => {
  test("keeps each run once, in its first order", () => {
    expect(compactSearchText("domain not\nresolved domain\u3000not resolved.")).toBe("domain not resolved resolved.");
    expect(compactSearchText("  ")).toBe("");
  });

  test("contains exactly the whitespace-free terms the full text contains, with the same grams", () => {
    fc.assert(
      fc.property(textAndTerm, ({ text, term }) => {
        const compact = compactSearchText(text);
        const [compactGrams, fullGrams] = [new Set(searchGramsOf(compact)), new Set(searchGramsOf(text))];
        return (
          compact.includes(term) === text.includes(term) &&
          compactGrams.size === fullGrams.size &&
          [...compactGrams].every((g) => fullGrams.has(g))
        );
      }),
    );
  });
});

describe("buildSearchDocument", () => {
  const entry = {
    code: "DomainNotResolved",
    messages: ["The domain is not resolved."],
    title: { "zh-CN": "域名未解析", en: "Domain not resolved" },
    explanation: { en: "The domain has no DNS record." },
    remediation: { "zh-CN": "添加解析记录。" },
    checklist: [{ title: { en: "Check DNS" }, detail: {} }],
  };

  test("matches the code, messages and every language's text, each word once", () => {
    const { text, keys } = buildSearchDocument(entry);
    expect(text.split(" ").filter((word) => word === "domain")).toHaveLength(1);
    for (const term of ["domainnotresolved", "resolved.", "域名未解析", "dns", "添加解析记录。", "check"]) expect(text).toContain(term);
    expect(new Set(keys)).toEqual(new Set(searchKeysOf(text)));
    expect(keys).toContain("域名");
    expect(keys).toContain("resolved");
  });
});

describe("the vendor's error-code page", () => {
  const page = readFileSync(fromRoot("db/seed/vendor-page.txt"), "utf8");
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
    expect(get("Invalid%s").messages).toEqual(["The specified parameter %s value is not valid.", "Specified parameter %s is not valid."]);
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
