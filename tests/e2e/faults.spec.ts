import { listActions } from "./app-tree";
import { expect, test } from "./fixtures";

/** Requests Next itself, or the database, once answered with a bare 500. */
test.use({ locale: "en-US" });

test("/errors/Missing%s, typed as the catalog shows the code, opens the entry", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  const response = await page.goto("/errors/Missing%s");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/errors\/Missing%25s$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Required parameter .* is missing/);
});

test("a code with a stray % that matches no entry gets the 404 page with the nearest codes", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  const response = await page.goto("/errors/Missing%sGroup%");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("nearest-codes").getByRole("link", { name: "Missing%s", exact: true })).toBeVisible();
});

test("a NUL in the catalog search is dropped: the page answers with the results, not a 500", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  const response = await page.goto("/errors?q=Missing%00");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("link", { name: "Missing%s", exact: true }).first()).toBeVisible();
});

test("a server action posted from another site's page is refused with 403 and the JSON error, not a 500", async ({ pageAs }) => {
  const page = await pageAs("admin", { locale: "en-US" });
  const action = listActions().find((a) => a.name === "setLocaleAction")!;
  const send = (origin: string) =>
    page.request.post(action.pageRoute, {
      headers: { "next-action": action.id, origin, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
      data: JSON.stringify(["en"]),
      maxRedirects: 0,
    });
  const foreign = await send("https://evil.example");
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toEqual({ error: { code: "forbidden_origin", message: expect.stringContaining("another site") } });
  // The same request from the app's own origin still works.
  expect((await send(new URL(test.info().project.use.baseURL!).origin)).status()).toBe(200);
});
