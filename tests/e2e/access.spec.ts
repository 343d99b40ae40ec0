import { randomBytes, randomUUID } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { seedGuides } from "../../db/seed/guides";
import { fillRoute, listActions, listPages, listRoutes } from "./app-tree";
import { expect, test, uniqueClientIp } from "./fixtures";

/**
 * A forged or missing session cookie reads nothing: every page, route handler and server action of the app (found
 * from app/ and the build, see app-tree.ts) is asked with no cookie and with forged ones, and no answer may hold
 * any of the seeded data's distinctive strings. The proxy lets any cookie through, so this exercises the checks
 * in the pages, their metadata, the handlers and the actions themselves.
 */

const CANARY = `crawlcanary${randomBytes(4).toString("hex")}`;
const TICKET = `INC-${CANARY}`;
const USER_NAME = `Canary ${CANARY} Person`;
const CODE_IN_DIAGNOSIS = "InvalidFormatRequestConfig";
const ENTRY_CODE = "Missing%s";
/** Words of the entry's seeded title (the part around its parameter), in both languages. */
const ENTRY_TITLE_WORDS = Object.values(seedGuides[ENTRY_CODE]!.title)
  .flatMap((title) => title.split("{param}"))
  .map((part) => part.trim())
  .filter((part) => part.length >= 6);

const PUBLIC_PAGES = new Set(["/sign-in", "/setup"]);
// The OpenAPI document describes the API and holds no data.
const PUBLIC_ROUTES = new Set(["/api/health", "/api/auth/[...all]", "/api/v1/openapi.json"]);

let diagnosisId = "";
let realSessionToken = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser, baseURL }) => {
  expect(ENTRY_TITLE_WORDS.length).toBeGreaterThan(0);
  // Data the crawl must never see: a saved diagnosis with a ticket and a note, and a user with a telling name.
  const { E2E_USERS } = await import("./fixtures");
  const context = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { origin: new URL(baseURL!).origin, "x-forwarded-for": uniqueClientIp() },
  });
  const api = context.request;
  expect(
    (await api.post("/api/auth/sign-in/email", { data: { email: E2E_USERS.admin.email, password: E2E_USERS.admin.password } })).ok(),
  ).toBe(true);
  const paste = `ErrorCode: ${CODE_IN_DIAGNOSIS}\nMessage: The specified parameter RequestConfig value is not well formatted.\nRequestId: ${randomUUID()}\nnote ${CANARY}`;
  const saved = await api.post(`/api/v1/diagnose?save=1&ticket=${TICKET}`, { headers: { "content-type": "text/plain" }, data: paste });
  expect(saved.status()).toBe(201);
  diagnosisId = ((await saved.json()) as { id: string }).id;
  const created = await api.post("/api/auth/admin/create-user", {
    data: { email: `${CANARY}@errordesk.test`, password: `pw-${CANARY}-long`, name: USER_NAME, role: "viewer" },
  });
  expect(created.ok()).toBe(true);
  realSessionToken = decodeURIComponent((await context.cookies()).find((c) => c.name === "better-auth.session_token")!.value).split(
    ".",
  )[0]!;
  await context.close();
});

const SEGMENTS = () => ({ id: diagnosisId, code: encodeURIComponent(ENTRY_CODE), all: "get-session" });

/** Cookies a visitor without a session might send; the signed ones carry a real token with a made-up signature. */
function forgedCookies(): Record<string, string | null> {
  const signature = encodeURIComponent(randomBytes(32).toString("base64"));
  return {
    "no cookie": null,
    "a garbage value": "better-auth.session_token=garbage",
    "a well-formed unsigned token": `better-auth.session_token=${randomBytes(24).toString("base64url").slice(0, 32)}.${signature}`,
    "a real session token with a forged signature": `better-auth.session_token=${realSessionToken}.${signature}`,
  };
}

function expectNoData(body: string, what: string) {
  for (const secret of [CANARY, USER_NAME, CODE_IN_DIAGNOSIS, ...ENTRY_TITLE_WORDS]) {
    expect(body.includes(secret), `${what} answered with "${secret}"`).toBe(false);
  }
}

async function ask(
  request: APIRequestContext,
  method: string,
  url: string,
  cookie: string | null,
  extra: { headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<APIResponse> {
  return request.fetch(url, {
    method,
    maxRedirects: 0,
    headers: { ...(cookie ? { cookie } : {}), "x-forwarded-for": uniqueClientIp(), ...extra.headers },
    data: extra.body,
  });
}

/** The shape React sends for a form action `(previousState, formData)`, with every field any action reads. */
function formActionBody(boundary: string): Buffer {
  const fields: Record<string, string> = {
    "0": JSON.stringify(["$undefined", "$K1"]),
    "1_diagnosisId": diagnosisId,
    "1_input": diagnosisId,
    "1_body": `written ${CANARY}`,
    "1_ticketRef": `written ${CANARY}`,
    "1_outcome": "solved",
    "1_reason": `written ${CANARY}`,
    "1_name": `written ${CANARY}`,
    "1_scopes": "diagnose",
    "1_id": "1",
    "1_userId": "x",
    "1_role": "admin",
  };
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return Buffer.from(`${parts.join("")}--${boundary}--\r\n`);
}

test("every page, with no cookie or a forged one, answers a redirect or the public page, and no data", async ({ request }) => {
  const pages = listPages();
  expect(pages.map((p) => p.route)).toEqual(expect.arrayContaining(["/d/[id]", "/errors/[code]", "/sign-in"]));
  for (const page of pages) {
    const url = fillRoute(page.route, SEGMENTS());
    for (const [label, cookie] of Object.entries(forgedCookies())) {
      const response = await ask(request, "GET", url, cookie);
      const what = `${page.file} (${url}) with ${label}`;
      expectNoData(await response.text(), what);
      if (!PUBLIC_PAGES.has(page.route)) {
        expect(response.status(), what).toBeGreaterThanOrEqual(300);
        expect(response.status(), what).toBeLessThan(400);
        expect(response.headers().location, what).toMatch(/^\/(sign-in|diagnose)\b/);
      }
    }
  }
});

test("every route handler, with no cookie or a forged one, is refused or sent to sign-in (public ones aside) and answers no data", async ({
  request,
}) => {
  const routes = listRoutes();
  expect(routes.map((r) => r.route)).toEqual(expect.arrayContaining(["/api/v1/diagnose", "/d/[id]/export.md"]));
  for (const route of routes) {
    const url = fillRoute(route.route, SEGMENTS());
    for (const method of route.methods) {
      for (const [label, cookie] of Object.entries(forgedCookies())) {
        const response = await ask(request, method, `${url}${method === "POST" ? "?save=1" : ""}`, cookie, {
          headers: { "content-type": "text/plain" },
          body: method === "GET" || method === "HEAD" ? undefined : `ErrorCode: ${CODE_IN_DIAGNOSIS}`,
        });
        const what = `${method} ${route.file} (${url}) with ${label}`;
        expectNoData(await response.text(), what);
        if (!PUBLIC_ROUTES.has(route.route)) {
          // Refused (401/403/404/405), or, for a download outside /api, sent to sign-in like a page.
          const refused = response.status() >= 400 && response.status() < 500;
          const toSignIn = !url.startsWith("/api/") && response.status() === 307 && /^\/sign-in\b/.test(response.headers().location ?? "");
          expect(refused || toSignIn, `${what} answered ${response.status()}`).toBe(true);
        }
      }
    }
  }
});

test("every server action, with no cookie or a forged one, returns no data and writes nothing", async ({ request, pageAs, baseURL }) => {
  const actions = listActions();
  expect(actions.length).toBeGreaterThan(5);
  // With a cookie the proxy lets the request through: each action must then run and answer (and refuse) itself.
  const answeredByAction = new Set<string>();
  for (const action of actions) {
    const url = fillRoute(action.pageRoute, SEGMENTS());
    for (const [label, cookie] of Object.entries(forgedCookies())) {
      const boundary = `----crawl${randomBytes(8).toString("hex")}`;
      const bodies = [
        { headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, body: formActionBody(boundary) },
        {
          headers: { "content-type": "text/plain;charset=UTF-8" },
          body: JSON.stringify([diagnosisId, { diagnosisId, findingIndex: 0, stepIndex: 0, done: true }]),
        },
      ];
      for (const { headers, body } of bodies) {
        const response = await ask(request, "POST", url, cookie, {
          headers: { ...headers, "next-action": action.id, origin: new URL(baseURL!).origin, accept: "text/x-component" },
          body,
        });
        expectNoData(await response.text(), `${action.file}#${action.name} posted to ${url} with ${label}`);
        if (cookie && response.headers()["content-type"]?.startsWith("text/x-component"))
          answeredByAction.add(`${action.file}#${action.name}`);
      }
    }
  }
  expect(
    actions.map((a) => `${a.file}#${a.name}`).filter((a) => !answeredByAction.has(a)),
    "actions that never answered",
  ).toEqual([]);
  // Nothing was written by any of them: the diagnosis has no note, no outcome and its ticket as saved.
  const admin = await pageAs("admin", { locale: "en-US" });
  await admin.goto(`/d/${diagnosisId}`);
  await expect(admin.getByText(`Ticket ${TICKET}`)).toBeVisible();
  await expect(admin.getByTestId("notes")).toHaveCount(0);
  await expect(admin.getByTestId("outcome-current")).toHaveCount(0);
  await expect(admin.getByText(`written ${CANARY}`)).toHaveCount(0);
});

test("the crawl sees the data when signed in, so its absence above means something", async ({ pageAs }) => {
  const admin = await pageAs("admin", { locale: "en-US" });
  await admin.goto(`/d/${diagnosisId}`);
  expect(await admin.content()).toContain(CODE_IN_DIAGNOSIS);
  await admin.goto(`/errors/${encodeURIComponent(ENTRY_CODE)}`);
  const html = await admin.content();
  expect(ENTRY_TITLE_WORDS.some((word) => html.includes(word))).toBe(true);
  await admin.goto("/admin/users");
  expect(await admin.content()).toContain(USER_NAME);
});
