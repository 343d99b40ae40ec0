import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { redactDeep, redactSecrets, secretKindOfKey } from "@/domain/redaction";
import { SECRET_NAMES } from "@/domain/redaction/table";
import { REDACTION_CORPUS } from "@/tests/fixtures/redaction/corpus";

/** `access key secret` → `accessKeySecret`: how a program spells a name as a JSON key. */
const camel = (name: string) => name.replace(/ (\S)/g, (_, c: string) => c.toUpperCase());

describe("redactDeep", () => {
  test("a record without secrets comes back as itself, not a copy", () => {
    const record = {
      requestId: "5C1D2B3A-1234-4ABC-9DEF-0123456789AB",
      message: "GroupId is mandatory.",
      userIdentity: { userName: "alice" },
      NextToken: "AAAB2xY",
      tags: [{ key: "env", value: "prod" }],
    };
    expect(redactDeep(record)).toBe(record);
  });

  test("every name the text redactor knows is also known as a JSON key, with the same kind (one table)", () => {
    for (const entry of SECRET_NAMES.filter((e) => e.value !== "args" && !e.queryOnly)) {
      expect([entry.name, secretKindOfKey(camel(entry.name))]).toEqual([entry.name, entry.kind]);
      expect([entry.name, secretKindOfKey(entry.name.replace(/ /g, "_").toUpperCase())]).toEqual([entry.name, entry.kind]);
    }
  });

  test.each([
    ["accessKeyId", "0wNEpMMlzy7szvai", "AccessKeyId"],
    ["userAccessKeyId", "0wNEpMMlzy7szvai", "AccessKeyId"],
    ["access_key_secret", "open sesame", "AccessKeySecret"],
    ["X-Ca-Signature", "xfX+bZxY2yl7EB/qdoDy9v/uscw3Nnj1pgoU+Bm6xdM=", "Signature"],
    ["SecurityToken", "CAISabc", "SecurityToken"],
    ["dbPassword", "hunter2", "Password"],
    ["appSecret", "abc", "AppSecret"],
    ["client_secret", "abc", "ClientSecret"],
    ["x-api-key", "abc", "ApiKey"],
    ["access_token", "abc", "AccessToken"],
    ["Cookie", "SESSION=abc", "Cookie"],
    ["Authorization", "APPCODE 0123456789abcdef", "Authorization"],
    ["密码", "芝麻开门", "Password"],
  ])("a value under %s is replaced by its marker", (key, secret, kind) => {
    expect(redactDeep({ requestParameters: { [key]: secret, Action: "CreateApi" } })).toEqual({
      requestParameters: { [key]: `[REDACTED:${kind}]`, Action: "CreateApi" },
    });
  });

  test.each(["NextToken", "SignatureMethod", "SignatureVersion", "key", "tokenizer", "passwordPolicy", "StringToSign"])(
    "a value under %s is kept",
    (key) => {
      expect(redactDeep({ [key]: "HMAC-SHA1 value" })).toEqual({ [key]: "HMAC-SHA1 value" });
    },
  );

  test("a {name, value} pair whose name is a secret's (HAR headers) has its value replaced", () => {
    const headers = [
      { name: "Authorization", value: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig" },
      { name: "X-Ca-Key", value: "203795000" },
    ];
    expect(redactDeep({ headers })).toEqual({ headers: [{ name: "Authorization", value: "[REDACTED:Authorization]" }, headers[1]] });
  });

  test("each string is redacted on its own: a secret at the edge of one string is found whatever the next string holds", () => {
    const record = {
      a: "x Bearer",
      b: "eyJhbGciOiJIUzI1NiJ9.e30.abc",
      note: "AccessKeyId=0wNEpMMlzy7szvai",
      last: "sk=",
      header: "[REDACTED] Authorization: Basic dXNlcjpwYXNzd29yZA",
    };
    const stored = JSON.stringify(redactDeep(record));
    for (const secret of ["0wNEpMMlzy7szvai", "eyJhbGciOiJIUzI1NiJ9", "dXNlcjpwYXNzd29yZA"]) expect(stored).not.toContain(secret);
  });

  test("strings are redacted as text; NUL, lone surrogates, __proto__ keys and non-finite numbers are made storable", () => {
    const record = JSON.parse('{"message":"login with password: open sesame\\u0000","__proto__":{"x":1},"bad":"\\ud800"}') as Record<
      string,
      unknown
    >;
    expect(redactDeep({ ...record, n: Number.NaN })).toEqual({
      message: "login with password: [REDACTED:Password]",
      bad: "\uFFFD",
      n: null,
    });
  });
});

describe("deep redaction of the corpus (property)", () => {
  const key = fc.constantFrom("message", "errorMessage", "note", "userAgent", "requestParameters", "详情");
  test("a corpus form placed anywhere in a nested record leaves none of its secrets in the stored value", () => {
    fc.assert(
      fc.property(fc.constantFrom(...REDACTION_CORPUS), key, fc.integer({ min: 0, max: 3 }), (form, field, depth) => {
        let record: unknown = { [field]: form.text };
        for (let i = 0; i < depth; i++) record = i % 2 ? { nested: record } : [record];
        const stored = JSON.stringify(redactDeep(record));
        for (const secret of form.secrets) expect(stored, form.id).not.toContain(JSON.stringify(secret).slice(1, -1));
      }),
      { numRuns: 400 },
    );
  });

  test("deep redaction of a string is the text redaction of it", () => {
    for (const form of REDACTION_CORPUS) expect(redactDeep({ message: form.text }).message).toBe(redactSecrets(form.text).text);
  });
});
