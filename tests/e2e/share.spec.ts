import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test, uniqueClientIp } from "./fixtures";

/**
 * Share links: a diagnosis made by one engineer is carried on by a colleague with another role (a viewer),
 * and both see the same state; the Markdown and escalation exports reflect it.
 */
test.use({ locale: "en-US" });

const STEP_ONE = /Check the required parameters in the API reference/;

function paste(rid: string): string {
  return `2026-05-12 14:06:51 ERROR create api failed: {"RequestId":"${rid}","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Code":"MissingGroupId","Message":"GroupId is mandatory for this action.","Recommend":"https://api.aliyun.com/troubleshoot?q=MissingGroupId&product=CloudAPI&requestId=${rid}"}`;
}

async function diagnose(page: Page, text: string, ticket: string): Promise<string> {
  await page.goto("/diagnose");
  await page.getByLabel("Error text or RequestId").fill(text);
  await page.getByLabel("Ticket reference (optional)").fill(ticket);
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  return page.url();
}

test("a viewer opens an editor's link, ticks a step, adds a note and sets the outcome; the author sees it all after reload", async ({
  pageAs,
}) => {
  const rid = randomUUID().toUpperCase();
  const author = await pageAs("editor", { locale: "en-US" });
  const link = await diagnose(author, paste(rid), "INC-2002");
  const authorHeading = await author.getByTestId("finding").getByRole("heading", { level: 3 }).textContent();

  const colleague = await pageAs("viewer", { locale: "en-US" });
  await colleague.goto(link);
  const finding = colleague.getByTestId("finding");
  await expect(finding.getByRole("heading", { level: 3 })).toHaveText(authorHeading ?? "");
  await expect(colleague.getByTestId("diagnosis-meta")).toContainText("By E2E Editor");
  await expect(colleague.getByTestId("diagnosis-meta")).toContainText("Ticket INC-2002");
  // Colleagues read one link from different places: the time names its zone.
  await expect(colleague.getByTestId("diagnosis-meta").locator("time")).toContainText("GMT+8");
  await expectNoSeriousA11yViolations(colleague);

  // Ticking shows at once, with who did it.
  await finding.getByRole("checkbox", { name: STEP_ONE }).check();
  await expect(finding.getByRole("checkbox", { name: STEP_ONE })).toBeChecked();
  await expect(finding.getByTestId("tick-info")).toContainText("Ticked by E2E Viewer");
  await expect(colleague.getByTestId("checklist-progress-0")).toHaveText("1 of 3 steps done");

  // Notes: an empty one is refused with a message, a real one is listed.
  await colleague.getByRole("button", { name: "Add note" }).click();
  await expect(colleague.getByText("Write the note first.")).toBeVisible();
  await colleague.getByLabel("Add a note").fill("Customer's CI template leaves GroupId empty for the staging stage.");
  await colleague.getByRole("button", { name: "Add note" }).click();
  await expect(colleague.getByTestId("notes")).toContainText("Customer's CI template leaves GroupId empty");
  await expect(colleague.getByTestId("notes")).toContainText("E2E Viewer");
  await expect(colleague.getByLabel("Add a note")).toHaveValue("");

  // "Did not solve it" needs a reason.
  await colleague.getByRole("radio", { name: "Did not solve it" }).check();
  await colleague.getByRole("button", { name: "Save outcome" }).click();
  await expect(colleague.getByText("Say why it did not solve the problem")).toBeVisible();
  await expect(colleague.getByLabel("Why not? (required)")).toBeFocused();
  await colleague.getByLabel("Why not? (required)").fill("GroupId is set now, but the API still fails with a different error.");
  await colleague.getByRole("button", { name: "Save outcome" }).click();
  await expect(colleague.getByTestId("outcome-current")).toContainText("Did not solve it");
  await expect(colleague.getByTestId("outcome-current")).toContainText("GroupId is set now");

  // The author sees everything the colleague did.
  await author.reload();
  const authorFinding = author.getByTestId("finding");
  await expect(authorFinding.getByRole("checkbox", { name: STEP_ONE })).toBeChecked();
  await expect(authorFinding.getByTestId("tick-info")).toContainText("Ticked by E2E Viewer");
  await expect(author.getByTestId("notes")).toContainText("Customer's CI template leaves GroupId empty");
  await expect(author.getByTestId("outcome-current")).toContainText("Did not solve it");
  await expect(author.getByTestId("outcome-current")).toContainText("E2E Viewer");

  // The author carries on: unticking is recorded too, and "solved" needs no reason.
  await authorFinding.getByRole("checkbox", { name: /Confirm the parameter is actually sent/ }).check();
  await expect(author.getByTestId("checklist-progress-0")).toHaveText("2 of 3 steps done");
  await author.getByRole("radio", { name: "Solved it" }).check();
  await author.getByLabel("Comment (optional)").fill("");
  await author.getByRole("button", { name: "Save outcome" }).click();
  await expect(author.getByTestId("outcome-current")).toContainText("Solved it");
  await colleague.reload();
  await expect(colleague.getByTestId("outcome-current")).toContainText("Solved it");
  await expect(colleague.getByTestId("checklist-progress-0")).toHaveText("2 of 3 steps done");
});

test("the Markdown export carries the code, the ticks and the notes; the escalation summary the RequestId, HostId and region", async ({
  pageAs,
}) => {
  const rid = randomUUID().toUpperCase();
  const author = await pageAs("editor", { locale: "en-US" });
  const link = await diagnose(author, paste(rid), "INC-3003");

  const viewer = await pageAs("viewer", { locale: "en-US" });
  await viewer.goto(link);
  await viewer.getByTestId("finding").getByRole("checkbox", { name: STEP_ONE }).check();
  await expect(viewer.getByTestId("tick-info")).toContainText("Ticked by E2E Viewer");
  await viewer.getByLabel("Add a note").fill("Checked the API reference with the customer.");
  await viewer.getByRole("button", { name: "Add note" }).click();
  await expect(viewer.getByTestId("notes")).toContainText("Checked the API reference");

  // API requests carry no Accept-Language, so the export's language is chosen explicitly (the default is the reader's).
  const markdown = await viewer.request.get(`${link}/export.md?lang=en`);
  expect(markdown.status()).toBe(200);
  expect(markdown.headers()["content-type"]).toMatch(/^text\/markdown/);
  const md = await markdown.text();
  expect(md).toContain(`# ErrorDesk diagnosis ${new URL(link).pathname.slice(3)}`);
  expect(md).toContain(link);
  expect(md).toContain("`MissingGroupId`");
  expect(md).toContain("Missing%s");
  expect(md).toContain("**Ticket**: INC-3003");
  expect(md).toMatch(/- \[x\] Check the required parameters in the API reference _\(E2E Viewer, /);
  expect(md).toContain("- [ ] Confirm the parameter is actually sent");
  expect(md).toContain("Checked the API reference with the customer.");
  expect(md).toContain("- **Why**: Code MissingGroupId matches template Missing%s; parameter GroupId");
  // In Chinese the reason is the one the Chinese finding card shows.
  const chineseMd = await (await viewer.request.get(`${link}/export.md?lang=zh-CN`)).text();
  expect(chineseMd).toContain("- **依据**：错误码 MissingGroupId 符合模板 Missing%s，参数为 GroupId");

  const escalation = await viewer.request.get(`${link}/escalation.txt?lang=en`);
  expect(escalation.status()).toBe(200);
  expect(escalation.headers()["content-type"]).toMatch(/^text\/plain/);
  const text = await escalation.text();
  expect(text).toContain(`RequestId: ${rid}`);
  expect(text).toContain("HostId: apigateway.cn-hangzhou.aliyuncs.com");
  expect(text).toContain("Region: cn-hangzhou");
  expect(text).toContain("Time window:");
  expect(text).toContain("Check the required parameters in the API reference (E2E Viewer");

  // The page offers both, as links and as copy buttons; the language can be chosen for the export.
  await expect(viewer.getByRole("link", { name: "Markdown for a ticket" })).toHaveAttribute(
    "href",
    `${new URL(link).pathname}/export.md?download=1`,
  );
  await expect(viewer.getByRole("link", { name: "Escalation summary" })).toHaveAttribute(
    "href",
    `${new URL(link).pathname}/escalation.txt?download=1`,
  );
  await expect(viewer.getByRole("button", { name: "Copy the Markdown" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Copy the escalation summary" })).toBeVisible();
  const chinese = await (await viewer.request.get(`${link}/escalation.txt?lang=zh-CN`)).text();
  expect(chinese).toContain("提交阿里云技术支持");
  expect(chinese).toContain(`RequestId：${rid}`);
});

test("share links and exports need a session; a viewer's own replayed actions are checked on the server", async ({
  pageAs,
  playwright,
  baseURL,
}) => {
  const author = await pageAs("viewer", { locale: "en-US" });
  const link = await diagnose(author, paste(randomUUID().toUpperCase()), "INC-4004");

  const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": uniqueClientIp() } });
  const page = await anonymous.get(link, { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toContain("/sign-in");
  const exported = await anonymous.get(`${link}/export.md`, { maxRedirects: 0 });
  expect([307, 401]).toContain(exported.status());
  await anonymous.dispose();

  // A note longer than the limit is refused by the server even when the browser's maxlength is bypassed.
  await author.getByLabel("Add a note").evaluate((el) => el.removeAttribute("maxlength"));
  await author.getByLabel("Add a note").fill("x".repeat(5001));
  await author.getByRole("button", { name: "Add note" }).click();
  await expect(author.getByText("The note is too long: use at most 5000 characters.")).toBeVisible();
  await expect(author.getByTestId("notes")).toHaveCount(0);
});

test("the link keeps the entry as it was, and says so when an editor has revised it since", async ({ pageAs }) => {
  const author = await pageAs("editor", { locale: "en-US" });
  const link = await diagnose(
    author,
    `{"RequestId":"${randomUUID().toUpperCase()}","Code":"RepeatedCommit","Message":"Resubmit request."}`,
    "INC-5005",
  );
  const heading = author.getByTestId("finding").getByRole("heading", { level: 3 });
  const before = (await heading.textContent()) ?? "";
  await expect(author.getByTestId("entry-changed")).toHaveCount(0);

  await author.goto("/errors/RepeatedCommit/edit");
  await author.getByLabel("Title · English", { exact: true }).fill("Request submitted twice (e2e revision)");
  await author.getByLabel("Reason for this change").fill("Shorter title");
  await author.getByRole("button", { name: "Save revision" }).click();
  // Saving keeps the editor open and says what it saved.
  await expect(author.getByRole("status").filter({ hasText: "Saved as revision" })).toBeVisible();

  const viewer = await pageAs("viewer", { locale: "en-US" });
  await viewer.goto(link);
  await expect(viewer.getByTestId("entry-changed")).toContainText(
    /The catalog entry RepeatedCommit has changed since this diagnosis: it was revision \d+, now it is revision \d+/,
  );
  await expect(viewer.getByTestId("finding").getByRole("heading", { level: 3 })).toHaveText(before);
  await viewer.getByTestId("entry-changed").getByRole("link", { name: "Open the current entry" }).click();
  await expect(viewer.getByRole("heading", { level: 1 })).toContainText("(e2e revision)");
});

test("the checklist action checks the session and the step on the server: replays signed out or with a made-up step change nothing", async ({
  pageAs,
  playwright,
  baseURL,
}) => {
  const viewer = await pageAs("viewer", { locale: "en-US" });
  const link = await diagnose(viewer, paste(randomUUID().toUpperCase()), "INC-6006");
  const box = viewer.getByTestId("finding").getByRole("checkbox", { name: STEP_ONE });
  const [request] = await Promise.all([viewer.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]), box.check()]);
  await expect(viewer.getByTestId("tick-info")).toContainText("Ticked by E2E Viewer");
  const headers = request.headers();
  const body = request.postData() ?? "";
  expect(body).toContain('"stepIndex":0');
  const replay = (client: { post: typeof viewer.request.post }, data: string) =>
    client.post(request.url(), {
      headers: {
        "next-action": headers["next-action"]!,
        "content-type": headers["content-type"]!,
        accept: "text/x-component",
        "accept-language": "en",
      },
      data,
      maxRedirects: 0,
    });

  // A forged cookie passes the proxy's quick check; the action itself finds no session and refuses.
  const forged = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { cookie: "better-auth.session_token=forged.value", "x-forwarded-for": uniqueClientIp() },
  });
  const untick = await replay(forged, body.replace('"done":true', '"done":false'));
  expect(await untick.text()).toContain("Your session has ended");
  await forged.dispose();

  // The viewer's own session with a step the checklist does not have: a clear refusal, not a 500.
  const madeUp = await replay(viewer.request, body.replace('"stepIndex":0', '"stepIndex":99'));
  expect(madeUp.status()).toBe(200);
  expect(await madeUp.text()).toContain("This checklist step does not exist");

  await viewer.goto(link);
  await expect(viewer.getByTestId("finding").getByRole("checkbox", { name: STEP_ONE })).toBeChecked();
  await expect(viewer.getByTestId("checklist-progress-0")).toHaveText("1 of 3 steps done");
});
