import type { APIRequestContext, Page } from "@playwright/test";
import { E2E_USERS, expect, expectNoSeriousA11yViolations, test, uniqueClientIp, type E2ERole } from "./fixtures";

/**
 * Who may do what, checked against the running app for each role and for an anonymous visitor.
 * Hidden buttons prove nothing, so every refusal is also checked by calling the page, API or server
 * action directly.
 */
test.use({ locale: "en-US" });

type Who = E2ERole | "anonymous";
const EVERYONE: Who[] = ["anonymous", "viewer", "editor", "admin"];

let knownCode: string;

test.beforeAll(async ({ playwright, baseURL }) => {
  // Any code from the seeded catalog, read the way a signed-in tool would.
  const admin = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: new URL(baseURL!).origin, "x-forwarded-for": uniqueClientIp() },
  });
  const signIn = await admin.post("/api/auth/sign-in/email", {
    data: { email: E2E_USERS.admin.email, password: E2E_USERS.admin.password },
  });
  expect(signIn.ok()).toBe(true);
  const exported = (await (await admin.get("/api/v1/catalog/export")).json()) as { entries: { code: string }[] };
  knownCode = exported.entries[0]!.code;
  await admin.dispose();
});

/** A request context carrying that role's session cookies (or none), which never follows redirects by itself. */
async function requestAs(who: Who, pageAs: (role: E2ERole) => Promise<Page>, anonymous: APIRequestContext): Promise<APIRequestContext> {
  return who === "anonymous" ? anonymous : (await pageAs(who)).request;
}

type PageRule = { path: () => string; allowed: E2ERole[]; note?: string };
const PAGES: Record<string, PageRule> = {
  "the catalog": { path: () => "/errors", allowed: ["viewer", "editor", "admin"] },
  "an entry": { path: () => `/errors/${encodeURIComponent(knownCode)}`, allowed: ["viewer", "editor", "admin"] },
  "an entry's edit page": { path: () => `/errors/${encodeURIComponent(knownCode)}/edit`, allowed: ["editor", "admin"] },
  "user management": { path: () => "/admin/users", allowed: ["admin"] },
};

for (const [label, rule] of Object.entries(PAGES)) {
  test(`${label}: signed-out visitors go to sign-in, allowed roles get 200, the others 403`, async ({ pageAs, request }) => {
    for (const who of EVERYONE) {
      const client = await requestAs(who, pageAs, request);
      const response = await client.get(rule.path(), { maxRedirects: 0 });
      if (who === "anonymous") {
        expect(response.status(), `${who} ${rule.path()}`).toBe(307);
        expect(response.headers().location).toBe(`/sign-in?next=${encodeURIComponent(rule.path())}`);
      } else {
        expect(response.status(), `${who} ${rule.path()}`).toBe(rule.allowed.includes(who) ? 200 : 403);
      }
    }
  });
}

test("a refused page says why, inside the normal header, and passes axe", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  const response = await page.goto("/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the catalog" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("Viewer");
  await expectNoSeriousA11yViolations(page);
});

test("the Users link is shown to admins only", async ({ pageAs }) => {
  for (const role of ["viewer", "editor", "admin"] as const) {
    const page = await pageAs(role, { locale: "en-US" });
    await page.goto("/errors");
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    await expect(nav.getByRole("link", { name: "Error catalog" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "Users" })).toHaveCount(role === "admin" ? 1 : 0);
  }
});

test("API GET /api/v1/catalog/export: 401 JSON when signed out, 200 for every role", async ({ pageAs, request }) => {
  for (const who of EVERYONE) {
    const response = await (await requestAs(who, pageAs, request)).get("/api/v1/catalog/export");
    if (who === "anonymous") {
      expect(response.status()).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "unauthenticated", message: expect.any(String) } });
    } else {
      expect(response.status(), who).toBe(200);
      expect((await response.json()).entries.length).toBeGreaterThan(0);
    }
  }
});

test("a forged session cookie gets past the quick cookie check but not the real one", async ({ playwright, baseURL }) => {
  const forged = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: "better-auth.session_token=forged.value" } });
  expect((await forged.get("/api/v1/catalog/export")).status()).toBe(401);
  const page = await forged.get("/admin/users", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toBe("/sign-in?next=%2Fadmin%2Fusers");
  await forged.dispose();
});

test("Better Auth's admin endpoints: only admins may list or create users; role and ban endpoints are off for everyone", async ({
  pageAs,
  request,
  baseURL,
}) => {
  for (const who of EVERYONE) {
    const client = await requestAs(who, pageAs, request);
    const origin = { origin: new URL(baseURL!).origin };
    const list = await client.get("/api/auth/admin/list-users", { headers: origin });
    const create = await client.post("/api/auth/admin/create-user", {
      headers: origin,
      data: { email: `made-by-${who}-${Date.now()}@errordesk.test`, password: "made-password-1", name: `Made by ${who}`, role: "admin" },
    });
    const expected = who === "anonymous" ? 401 : who === "admin" ? 200 : 403;
    expect(list.status(), `${who} list-users`).toBe(expected);
    expect(create.status(), `${who} create-user`).toBe(expected);
    for (const path of ["/api/auth/admin/set-role", "/api/auth/admin/ban-user", "/api/auth/admin/remove-user"]) {
      const response = await client.post(path, { headers: origin, data: { userId: "anyone", role: "admin" } });
      expect(response.status(), `${who} ${path}`).toBe(404);
    }
  }
  expect(
    (
      await request.post("/api/auth/sign-up/email", { data: { email: "self@errordesk.test", password: "self-password-1", name: "Self" } })
    ).status(),
  ).toBe(404);
});

/** Submits a form on the page and returns the server action request it sent, to replay it elsewhere. */
async function captureAction(page: Page, submit: () => Promise<void>) {
  const [request] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]), submit()]);
  const headers = request.headers();
  return {
    url: request.url(),
    body: request.postDataBuffer()?.toString("utf8") ?? "",
    replay: (client: APIRequestContext, body: string) =>
      client.post(request.url(), {
        headers: {
          "next-action": headers["next-action"]!,
          "content-type": headers["content-type"]!,
          "accept-language": headers["accept-language"] ?? "en-US",
          accept: "text/x-component",
        },
        data: Buffer.from(body),
        maxRedirects: 0,
      }),
  };
}

test.describe("user management", () => {
  test("an admin adds a user (with clear validation messages), who can then sign in", async ({ pageAs, playwright, baseURL }) => {
    const page = await pageAs("admin", { locale: "en-US" });
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);

    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Add user" }) });
    await form.getByLabel("Email").fill("not an email");
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("Enter a name.")).toBeVisible();
    await expect(form.getByText("Enter a valid email address, like name@example.com.")).toBeVisible();
    await expect(form.getByText("The password is too short: use at least 10 characters.")).toBeVisible();

    const email = `added-${Date.now()}@errordesk.test`;
    await form.getByLabel("Name").fill("Added Person");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Initial password").fill("added-password-1");
    await form.getByLabel("Role").selectOption("editor");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(page.getByRole("status").filter({ hasText: `Added ${email} as Editor.` })).toBeVisible();
    const row = page.getByTestId("user-row").filter({ hasText: email });
    await expect(row).toContainText("Added Person");
    await expect(row.getByRole("combobox")).toHaveValue("editor");

    // The same email again is refused with a message on the field.
    await form.getByLabel("Name").fill("Twin");
    await form.getByLabel("Email").fill(email.toUpperCase());
    await form.getByLabel("Initial password").fill("added-password-1");
    await form.getByRole("button", { name: "Add user" }).click();
    await expect(form.getByText("An account with this email already exists.", { exact: false }).first()).toBeVisible();

    const newcomer = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { origin: new URL(baseURL!).origin, "x-forwarded-for": uniqueClientIp() },
    });
    const signIn = await newcomer.post("/api/auth/sign-in/email", { data: { email, password: "added-password-1" } });
    expect(signIn.status()).toBe(200);
    expect((await signIn.json()).user.role).toBe("editor");
    await newcomer.dispose();
  });

  test("an admin changes a role and deactivates/reactivates a user; the change applies at once", async ({ pageAs, newUser }) => {
    const account = await newUser("viewer");
    const admin = await pageAs("admin", { locale: "en-US" });
    await admin.goto("/admin/users");
    const row = admin.getByTestId("user-row").filter({ hasText: account.email });

    await row.getByLabel(`Role of ${account.name}`).selectOption("editor");
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(row.getByRole("status")).toHaveText(`${account.name} is now Editor.`);

    await row.getByRole("button", { name: `Deactivate ${account.name}` }).click();
    await row.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(row.getByRole("status")).toHaveText(`${account.name} is deactivated and signed out everywhere.`);
    await expect(row).toContainText("Deactivated");
    await row.getByRole("button", { name: `Reactivate ${account.name}` }).click();
    await expect(row.getByRole("status")).toHaveText(`${account.name} can sign in again.`);
    await expect(row).toContainText("Active");
  });

  test("an admin cannot demote or deactivate themselves, even by calling the action directly", async ({ pageAs, newUser }) => {
    const target = await newUser("viewer");
    const admin = await pageAs("admin", { locale: "en-US" });
    await admin.goto("/admin/users");
    const ownRow = admin.getByTestId("user-row").filter({ hasText: E2E_USERS.admin.email });
    await expect(ownRow.getByRole("combobox")).toBeDisabled();
    await expect(ownRow.getByRole("button")).toHaveCount(0);

    // Capture a real deactivate request for someone else, then aim it at the admin's own account.
    const row = admin.getByTestId("user-row").filter({ hasText: target.email });
    await row.getByRole("button", { name: `Deactivate ${target.name}` }).click();
    const captured = await captureAction(admin, () => row.getByRole("button", { name: "Yes, deactivate" }).click());
    await expect(row.getByRole("status")).toContainText("is deactivated");
    const ownId = await admin.request
      .get("/api/auth/admin/list-users", {
        params: { searchField: "email", searchValue: E2E_USERS.admin.email, searchOperator: "contains" },
      })
      .then(
        async (r) =>
          ((await r.json()) as { users: { id: string; email: string }[] }).users.find((u) => u.email === E2E_USERS.admin.email)!.id,
      );
    const response = await captured.replay(admin.request, captured.body.replaceAll(target.id, ownId));
    expect(response.status()).toBe(200);
    // The action answers with its refusal (rendered as "You cannot deactivate your own account…" in the form).
    expect(await response.text()).toContain('"error":"selfDeactivation"');
    // Still an admin, still signed in.
    expect((await admin.request.get("/admin/users", { maxRedirects: 0 })).status()).toBe(200);
  });

  test("a viewer or editor calling the admin's server actions directly gets 403 and changes nothing; signed out, they are sent to sign-in", async ({
    pageAs,
    request,
    newUser,
  }) => {
    const admin = await pageAs("admin", { locale: "en-US" });
    await admin.goto("/admin/users");
    const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Add user" }) });
    const email = `legit-${Date.now()}@errordesk.test`;
    await form.getByLabel("Name").fill("Legit");
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Initial password").fill("legit-password-1");
    const create = await captureAction(admin, () => form.getByRole("button", { name: "Add user" }).click());
    await expect(admin.getByRole("status").filter({ hasText: `Added ${email}` })).toBeVisible();

    const target = await newUser("viewer");
    await admin.reload();
    const row = admin.getByTestId("user-row").filter({ hasText: target.email });
    await row.getByLabel(`Role of ${target.name}`).selectOption("editor");
    const setRole = await captureAction(admin, () => row.getByRole("button", { name: "Save role" }).click());
    await expect(row.getByRole("status")).toContainText("is now Editor");

    for (const who of ["viewer", "editor", "anonymous"] as const) {
      const client = await requestAs(who, pageAs, request);
      const forgedEmail = `forged-by-${who}-${Date.now()}@errordesk.test`;
      const created = await create.replay(
        client,
        create.body.replaceAll(email, forgedEmail).replace(/(name="[^"]*role"\r\n\r\n)viewer/, "$1admin"),
      );
      const promoted = await setRole.replay(client, setRole.body.replace(/(name="[^"]*role"\r\n\r\n)editor/, "$1admin"));
      if (who === "anonymous") {
        for (const response of [created, promoted]) {
          expect(response.status(), who).toBe(307);
          expect(response.headers().location).toMatch(/^\/sign-in/);
        }
      } else {
        expect(created.status(), `${who} create`).toBe(403);
        expect(promoted.status(), `${who} set-role`).toBe(403);
      }
      const listed = (await (await admin.request.get("/api/auth/admin/list-users", { params: { limit: 500 } })).json()) as {
        users: { email: string; role: string }[];
      };
      expect(
        listed.users.some((u) => u.email === forgedEmail),
        `${who} created no user`,
      ).toBe(false);
      expect(listed.users.find((u) => u.email === target.email)?.role, `${who} promoted nobody`).toBe("editor");
    }
  });
});
