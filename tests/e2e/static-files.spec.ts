import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The page's largest script and its stylesheet, as the sign-in page's HTML names them. */
async function assetsOf(request: APIRequestContext): Promise<string[]> {
  const html = await (await request.get("/sign-in")).text();
  const scripts = [...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const stylesheet = html.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
  expect(scripts.length).toBeGreaterThan(0);
  expect(stylesheet).toBeDefined();
  return [...scripts, stylesheet!];
}

test("the build's scripts and styles come in the smallest encoding the browser takes, cached for good, with the security headers", async ({
  request,
}) => {
  for (const asset of await assetsOf(request)) {
    const plain = await request.get(asset, { headers: { "accept-encoding": "identity" } });
    expect(plain.status(), asset).toBe(200);
    expect(plain.headers()["content-encoding"], asset).toBeUndefined();
    expect(plain.headers()["content-type"], asset).toMatch(/^text\/(javascript|css); charset=utf-8$/);
    const original = await plain.body();

    for (const [accepted, encoding] of [
      ["gzip, deflate, br, zstd", "br"],
      ["gzip, deflate", "gzip"],
    ] as const) {
      const response = await request.get(asset, { headers: { "accept-encoding": accepted } });
      const headers = response.headers();
      expect(headers["content-encoding"], `${asset} for ${accepted}`).toBe(encoding);
      expect(Number(headers["content-length"])).toBeLessThan(original.length);
      expect((await response.body()).equals(original), `${asset} unpacks to the file`).toBe(true);
      expect(headers.vary).toBe("Accept-Encoding");
      expect(headers["cache-control"]).toBe("public,max-age=31536000,immutable");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toMatch(/(^|, )camera=\(\)/);
    }
  }
});

test("a static path answers anything but reading it with 405, and a file the build lacks with 404", async ({ request }) => {
  const [script] = await assetsOf(request);
  const posted = await request.post(script!, { data: "x" });
  expect(posted.status()).toBe(405);
  expect(posted.headers().allow).toBe("GET, HEAD");
  expect(await posted.json()).toEqual({ error: { code: "method_not_allowed", message: expect.any(String) } });
  expect(posted.headers()["x-content-type-options"]).toBe("nosniff");

  expect((await request.head(script!)).status()).toBe(200);
  expect((await request.get("/_next/static/chunks/no-such-chunk.js")).status()).toBe(404);
});
