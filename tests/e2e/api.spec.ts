import type { APIRequestContext, Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test, uniqueClientIp } from "./fixtures";

/**
 * The program APIs over HTTP, against the running app: an admin creates a key on /admin/keys (shown once), and
 * a ticket system or log shipper uses it with `Authorization: Bearer`. Refusals are checked by calling the API
 * and the server actions directly, not by looking at hidden buttons.
 */
test.use({ locale: "en-US" });

/** Submits a form on the page and returns the server action request it sent (its body, and a replay as someone else). */
async function captureActionWithBody(page: Page, submit: () => Promise<void>) {
  const [request] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]), submit()]);
  const headers = request.headers();
  const body = request.postDataBuffer()?.toString("utf8") ?? "";
  const replay = (client: APIRequestContext, replacedBody = body) =>
    client.post(request.url(), {
      headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, accept: "text/x-component" },
      data: Buffer.from(replacedBody),
      maxRedirects: 0,
    });
  return { body, replay };
}

async function createKeyThroughUi(page: Page, name: string, scopes: ("diagnose" | "events:write")[]) {
  await page.goto("/admin/keys");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Create key" }) });
  await form.getByLabel("Name").fill(name);
  for (const scope of ["diagnose", "events:write"] as const) {
    const box = form.getByRole("checkbox", { name: new RegExp(`^${scope} —`) });
    if (scopes.includes(scope)) await box.check();
    else await box.uncheck();
  }
  const { body, replay } = await captureActionWithBody(page, () => form.getByRole("button", { name: "Create key" }).click());
  const panel = page.getByTestId("new-key-panel");
  await expect(panel).toContainText(`Key “${name}” created`);
  const key = await panel.getByLabel("The new API key").inputValue();
  expect(key).toMatch(/^edk_[A-Za-z0-9_-]{43}$/);
  return { key, body, replay };
}

/** A request context with no cookies: a program. */
async function program(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, baseURL: string | undefined) {
  return playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
}

const unique = () => `${Date.now().toString(16).toUpperCase().padStart(12, "0").slice(-12)}`;

test("an admin creates a key on /admin/keys, sees it once with a copy button, and the list shows it without the secret", async ({
  pageAs,
}) => {
  const admin = await pageAs("admin", { locale: "en-US" });
  await admin.goto("/admin/keys");
  await expect(admin.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);

  // Validation names the fields.
  const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Create key" }) });
  await form.getByRole("checkbox", { name: /^diagnose —/ }).uncheck();
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("Enter a name for the key.")).toBeVisible();
  await expect(form.getByText("Choose at least one thing the key may do.")).toBeVisible();

  const name = `UI key ${unique()}`;
  const { key } = await createKeyThroughUi(admin, name, ["diagnose"]);
  await expect(admin.getByRole("button", { name: "Copy key" })).toBeVisible();
  await expectNoSeriousA11yViolations(admin);
  const row = admin.getByTestId("key-row").filter({ hasText: name });
  await expect(row).toContainText(key.slice(0, 12));
  await expect(row).toContainText("Never");
  await expect(row).toContainText("Active");

  await admin.reload();
  await expect(admin.getByTestId("new-key-panel")).toHaveCount(0);
  expect(await admin.content()).not.toContain(key.slice(12));
});

test("POST /api/v1/events with a key: JSON or NDJSON, bad lines by number, idempotent, 413 over 1 MB, 401/403 for bad keys", async ({
  pageAs,
  playwright,
  baseURL,
}) => {
  const admin = await pageAs("admin", { locale: "en-US" });
  const { key } = await createKeyThroughUi(admin, `Log shipper ${unique()}`, ["events:write"]);
  const client = await program(playwright, baseURL);
  const auth = { authorization: `Bearer ${key}` };
  const id = (n: number) => `E2EE2EE2-0000-4000-8000-${unique().slice(0, 10)}${String(n).padStart(2, "0")}`;
  const first = id(1);
  const second = id(2);

  const ndjson = [
    JSON.stringify({
      requestId: first.toLowerCase(),
      eventName: "CreateApi",
      acsRegion: "cn-hangzhou",
      errorCode: "MissingGroupId",
      errorMessage: "GroupId is mandatory for this action.",
    }),
    JSON.stringify({ eventName: "CreateApi" }),
    JSON.stringify({ requestId: second, httpStatus: 200, action: "DeployApi" }),
  ].join("\n");
  const stored = await client.post("/api/v1/events", { headers: { ...auth, "content-type": "application/x-ndjson" }, data: ndjson });
  expect(stored.status()).toBe(200);
  expect(await stored.json()).toEqual({ received: 3, inserted: 2, duplicates: 0, errors: [{ line: 2, error: "requestId is missing" }] });

  const again = await client.post("/api/v1/events", {
    headers: { ...auth, "content-type": "application/json" },
    data: JSON.stringify({ Events: [{ requestId: first }, { requestId: second }] }),
  });
  expect(await again.json()).toMatchObject({ received: 2, inserted: 0, duplicates: 2 });

  const huge = await client.post("/api/v1/events", { headers: auth, data: Buffer.alloc(1024 * 1024 + 1, 0x20) });
  expect(huge.status()).toBe(413);
  expect((await huge.json()).error.message).toContain("larger than 1 MB");

  expect((await client.post("/api/v1/events", { data: ndjson })).status()).toBe(401);
  expect((await client.post("/api/v1/events", { headers: { authorization: `Bearer edk_${"x".repeat(43)}` }, data: ndjson })).status()).toBe(
    401,
  );
  const diagnoseOnly = await createKeyThroughUi(admin, `Diagnose only ${unique()}`, ["diagnose"]);
  const wrongScope = await client.post("/api/v1/events", { headers: { authorization: `Bearer ${diagnoseOnly.key}` }, data: ndjson });
  expect(wrongScope.status()).toBe(403);
  expect((await wrongScope.json()).error.code).toBe("insufficient_scope");
  await client.dispose();
});

test("POST /api/v1/diagnose with a key: text in, JSON out; ?save=1 gives a share link; garbage gets no findings; revoked keys are refused", async ({
  pageAs,
  playwright,
  baseURL,
}) => {
  const admin = await pageAs("admin", { locale: "en-US" });
  const name = `Ticket system ${unique()}`;
  const { key } = await createKeyThroughUi(admin, name, ["diagnose"]);
  const client = await program(playwright, baseURL);
  const auth = { authorization: `Bearer ${key}` };
  const paste = `ErrorCode: InvalidFormatRequestConfig
RequestId: 7B3C9A1E-2F4D-4E6A-9C8B-1A2B3C4D5E6F
Message: The specified parameter RequestConfig value is not well formatted.
Signature=kRA2cnpJVacIhDMzg4xhvNO2A5c%3D`;

  const plain = await client.post("/api/v1/diagnose", { headers: { ...auth, "content-type": "text/plain" }, data: paste });
  expect(plain.status()).toBe(200);
  const result = await plain.json();
  expect(result.findings[0]).toMatchObject({
    code: "InvalidFormatRequestConfig",
    requestId: "7B3C9A1E-2F4D-4E6A-9C8B-1A2B3C4D5E6F",
    match: { entry: "InvalidFormat%s", param: "RequestConfig", kind: "template" },
  });
  const json = await client.post("/api/v1/diagnose", {
    headers: { ...auth, "content-type": "application/json" },
    data: JSON.stringify({ text: paste }),
  });
  expect(await json.json()).toEqual(result);

  const saved = await client.post("/api/v1/diagnose?save=1&ticket=INC-42", { headers: auth, data: paste });
  expect(saved.status()).toBe(201);
  const { id, url } = await saved.json();
  expect(url).toMatch(new RegExp(`/d/${id}$`));
  expect(id).toMatch(/^[0-9A-Za-z]{12}$/);

  const garbage = await client.post("/api/v1/diagnose", {
    headers: { ...auth, "content-type": "application/octet-stream" },
    data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
  });
  expect(garbage.status()).toBe(200);
  expect(await garbage.json()).toEqual({ findings: [] });
  const huge = await client.post("/api/v1/diagnose", { headers: auth, data: "x".repeat(1024 * 1024 + 1) });
  expect(huge.status()).toBe(413);

  // The key shows its last use; revoking it locks the program out at once.
  await admin.goto("/admin/keys");
  const row = admin.getByTestId("key-row").filter({ hasText: name });
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: `Revoke key ${name}` }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row.getByRole("status")).toHaveText(`“${name}” is revoked.`);
  await expect(row).toContainText("Revoked");
  const refused = await client.post("/api/v1/diagnose", { headers: auth, data: paste });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("api_key_revoked");
  await client.dispose();
});

test("viewers and editors get 403 on /admin/keys and from the create and revoke actions called directly; nothing changes", async ({
  pageAs,
}) => {
  const admin = await pageAs("admin", { locale: "en-US" });
  const legitName = `Legit ${unique()}`;
  const { replay: createReplay, body: createBody } = await createKeyThroughUi(admin, legitName, ["diagnose"]);

  // A real revoke request (for a throw-away key), to aim at another key as a viewer or editor.
  const victimName = `Victim ${unique()}`;
  await createKeyThroughUi(admin, victimName, ["diagnose"]);
  const survivorName = `Survivor ${unique()}`;
  await createKeyThroughUi(admin, survivorName, ["diagnose"]);
  await admin.reload();
  const victimRow = admin.getByTestId("key-row").filter({ hasText: victimName });
  const victimId = await victimRow.getAttribute("data-key-id");
  const survivorId = await admin.getByTestId("key-row").filter({ hasText: survivorName }).getAttribute("data-key-id");
  await victimRow.getByRole("button", { name: `Revoke key ${victimName}` }).click();
  const revoke = await captureActionWithBody(admin, () => victimRow.getByRole("button", { name: "Yes, revoke" }).click());
  await expect(victimRow.getByRole("status")).toHaveText(`“${victimName}” is revoked.`);
  const aimedAtSurvivor = revoke.body.replace(new RegExp(`(name="[^"]*id"\r\n\r\n)${victimId}`), `$1${survivorId}`);
  expect(aimedAtSurvivor).not.toBe(revoke.body);

  for (const role of ["viewer", "editor"] as const) {
    const page = await pageAs(role, { locale: "en-US" });
    expect((await page.request.get("/admin/keys", { maxRedirects: 0 })).status(), `${role} page`).toBe(403);
    const forged = `Forged by ${role} ${unique()}`;
    expect((await createReplay(page.request, createBody.replace(legitName, forged))).status(), `${role} create`).toBe(403);
    expect((await revoke.replay(page.request, aimedAtSurvivor)).status(), `${role} revoke`).toBe(403);
    await admin.reload();
    await expect(admin.getByTestId("key-row").filter({ hasText: forged })).toHaveCount(0);
    await expect(admin.getByTestId("key-row").filter({ hasText: survivorName })).toContainText("Active");
  }
});
