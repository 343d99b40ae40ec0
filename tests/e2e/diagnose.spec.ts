import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

/**
 * The /diagnose box and the result it leads to, in a real browser against the running app: pastes in several
 * formats, RequestId look-ups (malformed, unknown, known), secrets, the keyboard path and accessibility.
 */
test.use({ locale: "en-US" });

const requestId = () => randomUUID().toUpperCase();

/** What the Node.js Tea SDK prints for a CreateApi call without GroupId (console.error of the thrown error). */
function nodeTeaError(rid: string): string {
  return `Error: MissingGroupId: code: 400, GroupId is mandatory for this action. request id: ${rid.toLowerCase()}
    at ResponseError (/app/node_modules/@alicloud/tea-typescript/dist/tea.js:70:9)
    at Client.createApiWithOptions (/app/node_modules/@alicloud/cloudapi20160714/dist/client.js:100:23) {
  code: 'MissingGroupId',
  data: {
    Code: 'MissingGroupId',
    HostId: 'apigateway.cn-hangzhou.aliyuncs.com',
    Message: 'GroupId is mandatory for this action.',
    RequestId: '${rid}',
    statusCode: 400
  },
  statusCode: 400
}`;
}

async function submitPaste(page: Page, text: string, options: { ticket?: string; keyboard?: boolean } = {}) {
  await page.goto("/diagnose");
  const box = page.getByLabel("Error text or RequestId");
  await box.fill(text);
  if (options.ticket) await page.getByLabel("Ticket reference (optional)").fill(options.ticket);
  if (options.keyboard) await box.press("Control+Enter");
  else await page.getByRole("button", { name: "Diagnose", exact: true }).click();
}

async function diagnoseToLink(page: Page, text: string, options: { ticket?: string; keyboard?: boolean } = {}): Promise<string> {
  await submitPaste(page, text, options);
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeVisible();
  return page.url();
}

test("a Node Tea SDK error for MissingGroupId lands on its share link with Missing%s, GroupId filled in and the checklist", async ({
  pageAs,
}) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  const rid = requestId();
  await diagnoseToLink(page, nodeTeaError(rid), { ticket: "INC-1001" });

  const findings = page.getByTestId("finding");
  await expect(findings).toHaveCount(1);
  const finding = findings.first();
  const heading = finding.getByRole("heading", { level: 3 });
  await expect(heading).toContainText("MissingGroupId");
  await expect(heading).toContainText("Required parameter GroupId is missing");
  await expect(finding).toContainText("Node.js Tea/Darabonba SDK exception");
  await expect(finding).toContainText("Code template Missing%s · 95%");
  await expect(finding.getByTestId("match-reason")).toContainText(
    "Code MissingGroupId matches template Missing%s; parameter GroupId; the message names the same parameter",
  );
  await expect(finding).toContainText(rid);
  await expect(finding).toContainText("apigateway.cn-hangzhou.aliyuncs.com");
  await expect(finding).toContainText("cn-hangzhou");
  await expect(finding).toContainText("CreateApi");
  await expect(finding.getByTestId("retry-advice")).toContainText("Do not simply retry");
  await expect(finding.getByRole("checkbox")).toHaveCount(3);
  await expect(finding.getByRole("checkbox", { name: /Check the required parameters in the API reference/ })).not.toBeChecked();
  await expect(finding.getByRole("link", { name: "Catalog entry Missing%s" })).toHaveAttribute("href", "/errors/Missing%25s");
  await expect(finding.getByRole("link", { name: /Alibaba Cloud troubleshooting/ })).toHaveAttribute(
    "href",
    /^https:\/\/api\.aliyun\.com\/troubleshoot\?q=MissingGroupId&/,
  );
  await expect(page.getByTestId("diagnosis-meta")).toContainText("Ticket INC-1001");
  await expect(page.getByTestId("diagnosis-meta")).toContainText("E2E Viewer");

  // The same link opens in each colleague's own language.
  const chinese = await pageAs("editor", { locale: "zh-CN" });
  await chinese.goto(page.url());
  await expect(chinese.getByTestId("finding").getByRole("heading", { level: 3 })).toContainText("GroupId");
  await expect(chinese.getByRole("heading", { level: 1, name: "诊断结果" })).toBeVisible();
  await expect(chinese.getByTestId("finding")).toContainText("排查清单");
  await expect(chinese.getByTestId("match-reason")).toHaveText(
    "匹配依据：错误码 MissingGroupId 符合模板 Missing%s，参数为 GroupId；报错信息中提到的参数与之相同",
  );
});

test("near misses say in the reader's language why each suggestion is offered", async ({ pageAs }) => {
  const english = await pageAs("viewer", { locale: "en-US" });
  const link = await diagnoseToLink(
    english,
    `{"Code":"Forbidden.RAM","Message":"User not authorized to operate on the specified resource.","RequestId":"${requestId()}"}`,
  );
  const suggestions = english.getByTestId("suggestions");
  await expect(suggestions).toContainText(
    "Forbidden.RAM is not in this catalog: it is the RAM-denied code shared by all Alibaba Cloud products",
  );

  const chinese = await pageAs("editor", { locale: "zh-CN" });
  await chinese.goto(link);
  const zhSuggestions = chinese.getByTestId("suggestions");
  await expect(zhSuggestions.getByRole("listitem").filter({ hasText: "NoPermission" })).toContainText(
    "Forbidden.RAM 不是本目录的错误码，它是阿里云各产品共用的 RAM 鉴权拒绝错误码；本目录中 RAM 鉴权失败的错误码是 NoPermission",
  );
  await expect(zhSuggestions).not.toContainText("is not in this catalog");
});

test("a ticket with two errors lists both, in the order they appear", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  const [first, second] = [requestId(), requestId()];
  const ticket = `Customer ticket 4711: two calls failed this morning.
First call: {"RequestId":"${first}","HostId":"apigateway.cn-hangzhou.aliyuncs.com","Code":"MissingGroupId","Message":"GroupId is mandatory for this action."}
Second call: {"RequestId":"${second}","HostId":"apigateway.cn-shanghai.aliyuncs.com","Code":"InvalidFormatRequestConfig","Message":"The specified parameter RequestConfig value is not well formatted."}`;
  await diagnoseToLink(page, ticket);

  await expect(page.getByRole("heading", { level: 2, name: "2 errors found" })).toBeVisible();
  const findings = page.getByTestId("finding");
  await expect(findings).toHaveCount(2);
  await expect(findings.nth(0)).toContainText("Error 1 of 2");
  await expect(findings.nth(0).getByRole("heading", { level: 3 })).toContainText("MissingGroupId");
  await expect(findings.nth(0)).toContainText(first);
  await expect(findings.nth(1)).toContainText("Error 2 of 2");
  await expect(findings.nth(1).getByRole("heading", { level: 3 })).toContainText("InvalidFormatRequestConfig");
  await expect(findings.nth(1)).toContainText("InvalidFormat%s");
  await expect(findings.nth(1)).toContainText(second);
  await expect(findings.nth(1)).toContainText("cn-shanghai");
});

test("secrets in a paste are replaced by visible markers and never reach the page", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  const accessKeyId = "LTAI5tQx7GfE2Lk9PzW3mR8v";
  const signature = "kRA2cnpJVacIhDMzg4xhvNO2A5c%3D";
  const paste = `${nodeTeaError(requestId())}
GET https://apigateway.cn-hangzhou.aliyuncs.com/?Action=CreateApi&AccessKeyId=${accessKeyId}&SignatureMethod=HMAC-SHA1&Signature=${signature}`;
  await diagnoseToLink(page, paste);

  const input = page.getByTestId("redacted-input");
  await expect(input).toContainText("AccessKeyId=[REDACTED:AccessKeyId]");
  await expect(input).toContainText("Signature=[REDACTED:Signature]");
  await expect(page.getByTestId("redaction-note")).toContainText("2 secrets were removed before saving");
  const html = await page.content();
  expect(html).not.toContain(accessKeyId);
  expect(html).not.toContain(signature);
  expect(html).not.toContain("kRA2cnpJVacIhDMzg4xhvNO2A5c");
  const markdown = await page.request.get(`${page.url()}/export.md`);
  expect(await markdown.text()).not.toContain(accessKeyId);
});

test("nothing found says so, shows what was recognised and what to paste instead", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  await diagnoseToLink(page, "Hello, the customer says the gateway does not work since yesterday. Please help.");
  const nothing = page.getByTestId("nothing-found");
  await expect(page.getByRole("heading", { level: 2, name: "No errors found" })).toBeVisible();
  await expect(nothing).toContainText("No Alibaba Cloud error was found in this text.");
  await expect(nothing).toContainText("What was recognised");
  await expect(nothing).toContainText("The full error body the API returned");
  await expect(nothing).toContainText("The SDK exception text as printed");
  await expect(nothing).toContainText("only the RequestId");

  // A RequestId alone in running text is recognised, and offered for a look-up.
  const rid = requestId();
  await diagnoseToLink(page, `customer only sent this: RequestId: ${rid}, no other output`);
  await expect(page.getByTestId("recognized")).toContainText(rid);
  await page.getByRole("link", { name: `Look up RequestId ${rid}` }).click();
  await expect(page.getByLabel("Error text or RequestId")).toHaveValue(rid);
});

test("RequestId look-up: a malformed one names the expected shape, an unknown one says so and keeps the box filled", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  await submitPaste(page, "5C1D2B3A-12G4-4ABC-9DEF-0123456789AX");
  const error = page.locator("#diagnose-input-error");
  await expect(error).toContainText("“5C1D2B3A-12G4-4ABC-9DEF-0123456789AX” is not a valid RequestId");
  await expect(error).toContainText("hexadecimal digits");
  await expect(error).toContainText("5C1D2B3A-1234-4ABC-9DEF-0123456789AB");
  await expect(page).toHaveURL(/\/diagnose$/);
  await expect(page.getByLabel("Error text or RequestId")).toHaveValue("5C1D2B3A-12G4-4ABC-9DEF-0123456789AX");
  await expect(page.getByLabel("Error text or RequestId")).toBeFocused();

  const unknown = requestId();
  await submitPaste(page, `RequestId: ${unknown.toLowerCase()}`);
  await expect(page.locator("#diagnose-input-error")).toContainText(`No request with RequestId ${unknown} is on record.`);
  await expect(page.locator("#diagnose-input-error")).toContainText("Paste the full error text instead");
  await expect(page).toHaveURL(/\/diagnose$/);
  await expect(page.getByLabel("Error text or RequestId")).toHaveValue(`RequestId: ${unknown.toLowerCase()}`);
  await expectNoSeriousA11yViolations(page);

  await submitPaste(page, "   ");
  await expect(page.locator("#diagnose-input-error")).toContainText("Paste an error text or enter a RequestId first.");
});

test("a known RequestId finds its event, diagnoses it and lists earlier diagnoses of the same request", async ({ pageAs }) => {
  const admin = await pageAs("admin", { locale: "en-US" });
  const rid = requestId();
  // The events API takes an admin's session as well as an API key (tests/e2e/api.spec.ts covers keys).
  const stored = await admin.request.post("/api/v1/events", {
    headers: { "content-type": "application/json" },
    data: JSON.stringify([
      {
        requestId: rid,
        eventTime: "2026-05-12T06:06:51Z",
        eventName: "CreateApi",
        apiVersion: "2016-07-14",
        acsRegion: "cn-shanghai",
        errorCode: "MissingGroupId",
        errorMessage: "GroupId is mandatory for this action.",
      },
    ]),
  });
  expect(stored.status(), await stored.text()).toBe(200);
  expect(await stored.json()).toMatchObject({ inserted: 1 });

  const page = await pageAs("viewer", { locale: "en-US" });
  const firstLink = await diagnoseToLink(page, rid.toLowerCase());
  const event = page.getByTestId("request-event");
  await expect(event).toContainText(rid);
  await expect(event).toContainText("CreateApi");
  await expect(event).toContainText("cn-shanghai");
  await expect(event).toContainText("MissingGroupId");
  const finding = page.getByTestId("finding");
  await expect(finding).toHaveCount(1);
  await expect(finding.getByRole("heading", { level: 3 })).toContainText("Required parameter GroupId is missing");
  await expect(page.getByRole("heading", { level: 2, name: "RequestId looked up" })).toBeVisible();

  await diagnoseToLink(page, rid);
  expect(page.url()).not.toBe(firstLink);
  const earlier = page.getByRole("region", { name: "Earlier diagnoses of the same RequestId" });
  await expect(earlier.getByRole("link")).toHaveCount(1);
  await expect(earlier.getByRole("link")).toHaveAttribute("href", new URL(firstLink).pathname);
});

test("keyboard: Ctrl+Enter submits from the box and focus lands on the result heading", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  await page.goto("/diagnose");
  await expect(page.getByLabel("Error text or RequestId")).toBeFocused();
  await page.keyboard.insertText(nodeTeaError(requestId()));
  await page.keyboard.press("Control+Enter");
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Diagnosis" })).toBeFocused();
});

test("an input over 1 MB gets a clear message instead of a diagnosis", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  await page.goto("/diagnose");
  await page.getByLabel("Error text or RequestId").fill("x".repeat(1024 * 1024 + 1));
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(page.locator("#diagnose-input-error")).toContainText("The text is larger than 1 MB");
  await expect(page).toHaveURL(/\/diagnose$/);
});

test("/ is the home page with the diagnose box, Diagnose leads the navigation, and a recent diagnosis is listed under the box", async ({
  pageAs,
}) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Support workspace" })).toBeVisible();
  await expect(page.getByLabel("Error text or RequestId")).toBeVisible();
  await page.goto("/diagnose");
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await expect(nav.getByRole("link").first()).toHaveText("Diagnose");
  await expect(nav.getByRole("link", { name: "Diagnose", exact: true })).toHaveAttribute("aria-current", "page");

  const link = await diagnoseToLink(page, nodeTeaError(requestId()), { ticket: "INC-RECENT" });
  await page.goto("/diagnose");
  const recent = page.getByRole("region", { name: "Your recent diagnoses" });
  await expect(recent.getByRole("link").first()).toHaveAttribute("href", new URL(link).pathname);
  await expect(recent).toContainText("INC-RECENT");
});

test("axe finds no serious problems on /diagnose and /d/<id>, in English and Chinese", async ({ pageAs }) => {
  for (const locale of ["en-US", "zh-CN"]) {
    const page = await pageAs("viewer", { locale });
    await page.goto("/diagnose");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.locator("#diagnose-input").fill(`${nodeTeaError(requestId())}\nSignature=kRA2cnpJVacIhDMzg4xhvNO2A5c%3D`);
    await page.locator("#diagnose-input").press("Control+Enter");
    await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
    await expect(page.getByTestId("finding")).toHaveCount(1);
    await expectNoSeriousA11yViolations(page);
    await page.goto("/d/AAAAAAAAAAAA");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});

test("an unknown diagnosis id is a 404 page", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  const response = await page.goto("/d/AAAAAAAAAAAA");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Diagnosis not found" })).toBeVisible();
  expect((await page.request.get("/d/AAAAAAAAAAAA/export.md")).status()).toBe(404);
  expect((await page.request.get("/d/not-an-id!/escalation.txt")).status()).toBe(404);
});
