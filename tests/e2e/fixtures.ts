import { randomInt } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import {
  test as base,
  expect,
  type APIRequestContext,
  type BrowserContextOptions,
  type Page,
  type PlaywrightWorkerArgs,
} from "@playwright/test";
import { E2E_ADMIN } from "../../playwright.config";

export { expect };

export type E2ERole = "viewer" | "editor" | "admin";

/** The accounts the fixtures sign in with. The admin is booted from ADMIN_EMAIL/ADMIN_PASSWORD; the others are created through it. */
export const E2E_USERS: Record<E2ERole, { email: string; password: string; name: string }> = {
  admin: { email: E2E_ADMIN.email, password: E2E_ADMIN.password, name: "E2E Admin" },
  editor: { email: "editor@errordesk.test", password: "editor-password-123", name: "E2E Editor" },
  viewer: { email: "viewer@errordesk.test", password: "viewer-password-123", name: "E2E Viewer" },
};

/**
 * Sign-in is rate-limited per client address, and every test talks to the server from 127.0.0.1. The test
 * server trusts loopback as a proxy (TRUSTED_PROXIES in playwright.config.ts) and so takes the client address
 * from X-Forwarded-For, as behind a reverse proxy in production; each context
 * claims its own address from the IPv6 documentation prefix 2001:db8::/32 (never routed). Better Auth
 * groups IPv6 clients by /64, hence the random bits sit in the first 64: collisions are practically impossible.
 */
export function uniqueClientIp(): string {
  const group = () => randomInt(0x10000).toString(16);
  return `2001:db8:${group()}:${group()}::1`;
}

type Playwright = PlaywrightWorkerArgs["playwright"];
type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

// Signed-in cookies per role, kept for the worker's lifetime: signing in once per role keeps the suite fast
// and far below the sign-in rate limit. A test that signs out or changes a user must use its own account.
const sessions = new Map<E2ERole, Promise<StorageState>>();

async function apiSignIn(request: APIRequestContext, role: E2ERole): Promise<void> {
  const { email, password } = E2E_USERS[role];
  const response = await request.post("/api/auth/sign-in/email", { data: { email, password } });
  if (!response.ok()) throw new Error(`Signing in as ${role} (${email}) failed: ${response.status()} ${await response.text()}`);
}

async function newApiContext(playwright: Playwright, baseURL: string): Promise<APIRequestContext> {
  return playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { origin: new URL(baseURL).origin, "x-forwarded-for": uniqueClientIp() },
  });
}

/** Creates the viewer and editor through the admin (Better Auth's admin endpoint); an existing account is fine. */
async function ensureUser(playwright: Playwright, baseURL: string, role: E2ERole): Promise<void> {
  if (role === "admin") return;
  const admin = await newApiContext(playwright, baseURL);
  try {
    await apiSignIn(admin, "admin");
    const { email, password, name } = E2E_USERS[role];
    const response = await admin.post("/api/auth/admin/create-user", { data: { email, password, name, role } });
    if (!response.ok()) {
      const body = await response.text();
      if (!/already exists|USER_ALREADY_EXISTS/i.test(body)) throw new Error(`Creating the ${role} failed: ${response.status()} ${body}`);
    }
  } finally {
    await admin.dispose();
  }
}

async function storageStateFor(playwright: Playwright, baseURL: string, role: E2ERole): Promise<StorageState> {
  let pending = sessions.get(role);
  if (!pending) {
    pending = (async () => {
      await ensureUser(playwright, baseURL, role);
      const request = await newApiContext(playwright, baseURL);
      try {
        await apiSignIn(request, role);
        return await request.storageState();
      } finally {
        await request.dispose();
      }
    })();
    pending.catch(() => sessions.delete(role));
    sessions.set(role, pending);
  }
  return pending;
}

let userCounter = 0;

/**
 * Creates a throw-away account through the admin, for tests that sign out, get deactivated or change
 * a profile: the shared viewer/editor/admin sessions must stay as they are for the other tests.
 */
async function createThrowawayUser(playwright: Playwright, baseURL: string, role: E2ERole) {
  const admin = await newApiContext(playwright, baseURL);
  try {
    await apiSignIn(admin, "admin");
    const tag = `${Date.now().toString(36)}-${process.pid}-${++userCounter}`;
    const account = { email: `${role}-${tag}@errordesk.test`, password: `pw-${tag}-long`, name: `Temp ${role} ${userCounter}`, role };
    const response = await admin.post("/api/auth/admin/create-user", { data: account });
    if (!response.ok()) throw new Error(`Creating a throw-away ${role} failed: ${response.status()} ${await response.text()}`);
    const { user } = (await response.json()) as { user: { id: string } };
    return { ...account, id: user.id };
  } finally {
    await admin.dispose();
  }
}

/** Fills and submits the sign-in form on the current page (which must be /sign-in). */
/** Loads a page and waits until React has hydrated it (components/ui/hydration-mark.tsx), so typing is not lost. */
export async function gotoHydrated(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** For toHaveURL: the home page, where signing in leads when no other page was asked for. */
export const atHome = (url: URL): boolean => url.pathname === "/" && url.search === "";

export async function signInWithForm(page: Page, email: string, password: string): Promise<void> {
  await page.locator("#sign-in-email").fill(email);
  await page.locator("#sign-in-password").fill(password);
  await page.locator("form").getByRole("button").click();
}

type Fixtures = {
  /** A new page (in its own browser context) already signed in as that role. Call it several times for several users. */
  pageAs: (role: E2ERole, options?: BrowserContextOptions) => Promise<Page>;
  /** A new account with that role that only this test uses: `{ id, email, password, name, role }`. */
  newUser: (role: E2ERole) => Promise<{ id: string; email: string; password: string; name: string; role: E2ERole }>;
};

export const test = base.extend<Fixtures>({
  // The default `page` and `request` of each test also get their own client address (see uniqueClientIp).
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, "x-forwarded-for": uniqueClientIp() });
  },
  pageAs: async ({ browser, playwright, baseURL }, use) => {
    if (!baseURL) throw new Error("pageAs needs `use.baseURL` in playwright.config.ts");
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async (role, options = {}) => {
      const storageState = await storageStateFor(playwright, baseURL, role);
      const context = await browser.newContext({
        ...options,
        storageState,
        extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp(), ...options.extraHTTPHeaders },
      });
      // A browser locale asked for is the page's language: the language cookie says so, whatever an earlier test left
      // in the role's profile (which sign-in restores into that cookie).
      if (options.locale) {
        const locale = options.locale.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
        await context.addCookies([{ name: "errordesk-locale", value: locale, url: baseURL }]);
      }
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  newUser: async ({ playwright, baseURL }, use) => {
    if (!baseURL) throw new Error("newUser needs `use.baseURL` in playwright.config.ts");
    await use((role) => createThrowawayUser(playwright, baseURL, role));
  },
});

/**
 * Runs axe on the page once its title is in (after a client-side navigation Next streams the new page's metadata
 * after its content) and fails on any serious or critical finding, listing each one.
 */
export async function expectNoSeriousA11yViolations(page: Page, options: { include?: string; exclude?: string[] } = {}): Promise<void> {
  await expect(page).toHaveTitle(/\S/);
  let builder = new AxeBuilder({ page });
  if (options.include) builder = builder.include(options.include);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious.map((v) => `${v.impact}: ${v.id} — ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(report, `axe found serious/critical accessibility problems on ${page.url()}`).toEqual([]);
}
