import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { guardRequest, isForeignServerAction, repairPercentEncoding } from "@/app/_lib/request-guards";
import { codeFromPathSegment } from "@/domain/catalog/code-param";

const action = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/errors", { method: "POST", headers: { "next-action": "7f00aa", host: "127.0.0.1:3000", ...headers } });

describe("a server action from another site", () => {
  test("is recognised when its Origin names another host, a sandboxed frame (null) or garbage", () => {
    expect(isForeignServerAction(action({ origin: "https://evil.example" }))).toBe(true);
    expect(isForeignServerAction(action({ origin: "http://127.0.0.1:4000" }))).toBe(true);
    expect(isForeignServerAction(action({ origin: "null" }))).toBe(true);
  });

  test("is not confused with the app's own pages, a proxy's forwarded host, or a request without Origin", () => {
    expect(isForeignServerAction(action({ origin: "http://127.0.0.1:3000" }))).toBe(false);
    expect(isForeignServerAction(action({ origin: "https://desk.example", "x-forwarded-host": "desk.example" }))).toBe(false);
    expect(isForeignServerAction(action({}))).toBe(false);
    expect(
      isForeignServerAction(new Request("http://127.0.0.1:3000/errors", { method: "POST", headers: { origin: "https://evil.example" } })),
    ).toBe(false);
  });

  test("is answered 403 with the documented JSON error", async () => {
    const response = await guardRequest(new NextRequest(action({ origin: "https://evil.example" })));
    expect(response?.status).toBe(403);
    expect(await response?.json()).toEqual({ error: { code: "forbidden_origin", message: expect.any(String) } });
  });
});

describe("a server action's size", () => {
  test("beyond the body limit is refused 413 before its body is read, and one that does not say its size 411", async () => {
    const tooLarge = await guardRequest(new NextRequest(action({ "content-length": String(5 * 1024 * 1024) })));
    expect(tooLarge?.status).toBe(413);
    expect(await tooLarge?.json()).toEqual({ error: { code: "payload_too_large", message: expect.any(String) } });
    const streamed = new Request("http://127.0.0.1:3000/errors", {
      method: "POST",
      headers: { "next-action": "7f00aa" },
      body: new ReadableStream(),
      duplex: "half",
    } as RequestInit);
    const unsized = await guardRequest(new NextRequest(streamed));
    expect(unsized?.status).toBe(411);
  });

  test("a diagnose form posted without JavaScript beyond the limit goes back to the form with the size message", async () => {
    const response = await guardRequest(
      new NextRequest("http://127.0.0.1:3000/diagnose", { method: "POST", headers: { "content-length": String(5 * 1024 * 1024) } }),
    );
    expect(response?.status).toBe(303);
    expect(new URL(response!.headers.get("location")!).search).toBe("?refused=too-large");
  });
});

describe("a path with a broken percent-escape", () => {
  test("gets each stray % written as %25, keeping the escapes that decode", () => {
    expect(repairPercentEncoding("/errors/Missing%s")).toBe("/errors/Missing%25s");
    expect(repairPercentEncoding("/errors/Missing%25s")).toBe("/errors/Missing%25s");
    expect(repairPercentEncoding("/errors/%E5%A4%87%s%")).toBe("/errors/%E5%A4%87%25s%25");
    expect(repairPercentEncoding("/errors/Bad%C3")).toBe("/errors/Bad%25C3");
    expect(repairPercentEncoding("/errors/Plain")).toBe("/errors/Plain");
  });

  test("is redirected to the repaired path, which then passes untouched", async () => {
    const response = await guardRequest(new NextRequest("http://127.0.0.1:3000/errors/Missing%s?x=1"));
    expect(response?.status).toBe(308);
    // Next answers a same-origin Location as a path; here the URL is still whole.
    const location = new URL(response!.headers.get("location")!);
    expect(location.pathname + location.search).toBe("/errors/Missing%25s?x=1");
    expect(await guardRequest(new NextRequest("http://127.0.0.1:3000/errors/Missing%25s"))).toBeNull();
  });
});

describe("codeFromPathSegment", () => {
  test("decodes what decodes and keeps the rest as typed, never throwing", () => {
    expect(codeFromPathSegment("Missing%25s")).toBe("Missing%s");
    expect(codeFromPathSegment("Missing%s")).toBe("Missing%s");
    expect(codeFromPathSegment("%E5%A4%87%s%")).toBe("备%s%");
    expect(codeFromPathSegment("Bad%C3")).toBe("Bad%C3");
    expect(codeFromPathSegment("Nul%00")).toBe("Nul");
  });
});
