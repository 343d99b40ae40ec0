import { describe, expect, test } from "vitest";
import * as z from "zod";
import { newUserInput, setupInput } from "@/domain/auth/credentials";
import { storableInPlace, storableText } from "@/domain/text/storable";
import { storable } from "@/domain/text/storable-schema";

describe("storableText", () => {
  test("drops NUL characters and keeps the text around them", () => {
    expect(storableText("Missing\u0000%s\u0000")).toBe("Missing%s");
  });

  test("replaces a lone surrogate by U+FFFD but keeps a real pair (an emoji) intact", () => {
    expect(storableText("a\uD83Db")).toBe("a\uFFFDb");
    expect(storableText("a\uDE00b")).toBe("a\uFFFDb");
    expect(storableText("ok 😀")).toBe("ok 😀");
  });

  test("leaves ordinary text, Chinese included, as it is", () => {
    const text = "缺少必填参数 GroupId\r\n\ttab";
    expect(storableText(text)).toBe(text);
  });
});

describe("storable (zod)", () => {
  test("cleans before the schema's own checks, so a NUL-only field counts as empty", () => {
    const note = storable(z.string().trim().min(1, "required"));
    expect(note.safeParse("\u0000\u0000").success).toBe(false);
    expect(note.parse("a\u0000b")).toBe("ab");
  });

  test("leaves non-strings for the schema to refuse", () => {
    expect(storable(z.string()).safeParse(42).success).toBe(false);
  });
});

describe("storableInPlace", () => {
  test("replaces NUL and lone surrogates one for one, so offsets into the paste stay right", () => {
    const text = "a\u0000b\uD800c";
    const clean = storableInPlace(text);
    expect(clean).toBe("a\uFFFDb\uFFFDc");
    expect(clean.length).toBe(text.length);
  });
});

describe("the account forms' name field", () => {
  test("drops NUL from the name on setup and on the Users page instead of failing the insert", () => {
    const account = { name: "Li\u0000 Wei", email: "li@example.com", password: "a long password" };
    expect(setupInput.parse({ ...account, confirmPassword: account.password }).name).toBe("Li Wei");
    expect(newUserInput.parse({ ...account, role: "viewer" }).name).toBe("Li Wei");
    expect(newUserInput.safeParse({ ...account, name: "\u0000", role: "viewer" }).success).toBe(false);
  });
});
