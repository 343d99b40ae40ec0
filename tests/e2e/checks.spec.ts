import type { Locator, Page } from "@playwright/test";
import { E2E_DNS_PORT } from "../../playwright.config";
import { makeChain, makeCertificate } from "../support/certificates";
import { type LoopbackDns, startLoopbackDns } from "../support/loopback-dns";
import { expect, expectNoSeriousA11yViolations, test } from "./fixtures";

/**
 * Checks run from a diagnosis: each finding whose code has a check shows its panel; the result is saved on the
 * diagnosis, so a colleague with the link sees it. The certificate check reads the private key in the browser only.
 */
test.use({ locale: "en-US" });

const GROUP = "7c2f1e0d9a8b-cn-hangzhou.alicloudapi.com";
const body = (n: number, code: string, message: string, extra = "") =>
  `{"RequestId":"11111111-2222-4333-8444-5555555555${String(n).padStart(2, "0")}","Code":"${code}","Message":"${message}"${extra}}`;
const PASTE = [
  body(1, "DomainNotResolved", "The specified domain has not been resolved."),
  body(2, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired."),
  body(
    3,
    "SignatureDoesNotMatch",
    "Specified signature is not matched with our calculation. server string to sign is:GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeApis%26Format%3DJSON",
  ),
  body(4, "CertificateKeyNotMatch", "The certificate and private key do not match."),
  body(5, "InvalidUserDefault", "The UserDefault value must bigger than the AppDefault and smaller than the ApiDefault."),
  body(6, "InvalidParamMapping", "Parameters must be fully mapped."),
  body(
    7,
    "NoPermission",
    "User is not authorized to operate on the specified resource.",
    ',"AccessDeniedDetail":{"NoPermissionType":"ImplicitDeny","AuthAction":"apigateway:DescribeApis"}',
  ),
].join("\n");

let dns: LoopbackDns;
test.beforeAll(async () => {
  dns = await startLoopbackDns(
    {
      "api.example.com": { cname: GROUP },
      [GROUP]: { a: ["203.0.113.10"] },
      "old.example.com": { cname: "other-cn-beijing.alicloudapi.com" },
      "other-cn-beijing.alicloudapi.com": { a: ["198.51.100.7"] },
    },
    E2E_DNS_PORT,
  );
});
test.afterAll(() => dns.close());

async function run(page: Page, kind: string, fields: Record<string, string>): Promise<Locator> {
  const details = await open(page, kind);
  for (const [label, value] of Object.entries(fields)) await details.getByLabel(label).fill(value);
  await details.getByRole("button", { name: "Run check" }).click();
  return details;
}

function panel(page: Page, kind: string): Locator {
  return page.getByTestId(`check-${kind}`);
}

async function open(page: Page, kind: string): Promise<Locator> {
  const details = panel(page, kind);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator("summary").click();
  return details;
}

test("each check runs from its finding, its result is saved and a colleague sees it; the private key never reaches the server", async ({
  pageAs,
}) => {
  const editor = await pageAs("editor", { locale: "en-US" });
  const posted: string[] = [];
  editor.on("request", (request) => posted.push(request.postData() ?? ""));
  await editor.goto("/diagnose");
  await editor.getByLabel("Error text or RequestId").fill(PASTE);
  await editor.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(editor).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  const link = editor.url();

  const dnsPanel = await open(editor, "dns");
  await dnsPanel.getByLabel("Custom domain").fill("old.example.com");
  await dnsPanel.getByLabel(/Group's second-level domain/).fill(GROUP);
  await dnsPanel.getByRole("button", { name: "Run check" }).click();
  await expect(dnsPanel.getByTestId("check-result-dns")).toContainText(
    `old.example.com is a CNAME of other-cn-beijing.alicloudapi.com, not of ${GROUP}.`,
  );
  await dnsPanel.getByLabel("Custom domain").fill("api.example.com");
  await dnsPanel.getByRole("button", { name: "Run check" }).click();
  await expect(dnsPanel.getByTestId("check-result-dns")).toContainText("No problem found.");
  await expect(dnsPanel.getByTestId("check-result-dns")).toContainText("203.0.113.10");

  const timestamp = await open(editor, "timestamp");
  await timestamp.getByLabel("Timestamp or Date the request sent").fill("2024-05-12T10:03:04+08:00");
  await timestamp.getByLabel(/When the API received it/).fill("2024-05-12T02:30:00Z");
  await timestamp.getByRole("button", { name: "Run check" }).click();
  await expect(timestamp.locator('[data-code="format"]')).toContainText("the API wants: 2024-05-12T02:03:04Z");
  await expect(timestamp.locator('[data-code="skew"]')).toContainText("-1,616 seconds");

  const signature = await open(editor, "signature");
  await expect(signature.getByLabel(/Server's string to sign/)).toHaveValue(
    "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeApis%26Format%3DJSON",
  );
  await signature.getByLabel(/Client's string to sign/).fill("GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeApiGroups%26Format%3DJSON");
  await signature.getByRole("button", { name: "Run check" }).click();
  await expect(signature.locator('[data-code="differs"]')).toContainText("The strings to sign differ first at query:Action.");
  await expect(signature.getByRole("table")).toContainText("DescribeApiGroups");

  const { ca, leaf } = await makeChain(["api.example.com"]);
  const other = await makeCertificate({ subject: "CN=other" });
  const cert = await open(editor, "cert");
  await cert.getByLabel(/^Certificate \(PEM/).fill(leaf.pem + ca.pem);
  await cert.getByLabel(/^Private key/).fill(other.keyPem);
  await cert.getByLabel("Domain (optional)").fill("www.example.com");
  await cert.getByRole("button", { name: "Run check" }).click();
  await expect(cert.locator('[data-code="key_mismatch"]')).toContainText("The private key does not belong to the certificate.");
  await expect(cert.locator('[data-code="domain_mismatch"]')).toContainText("The certificate is for api.example.com, not www.example.com.");

  await run(editor, "flowControl", { ApiDefault: "100", "UserDefault (optional)": "200", "AppDefault (optional)": "" });
  await expect(panel(editor, "flowControl").locator('[data-code="user_over_api"]')).toContainText(
    "UserDefault 200 is greater than ApiDefault 100.",
  );
  await run(editor, "paramMapping", {
    "Request parameters (names, or CreateApi's RequestParameters JSON)": "GroupId, ApiName, Stage",
    "Backend mappings (names, or ServiceParametersMap JSON)": "GroupId -> group",
  });
  await expect(panel(editor, "paramMapping").locator('[data-code="unmapped"]')).toContainText("No backend mapping for: ApiName, Stage.");
  const permission = await open(editor, "permission");
  await expect(permission.getByLabel(/AccessDeniedDetail/)).toHaveValue(/apigateway:DescribeApis/);
  await permission.getByRole("button", { name: "Run check" }).click();
  await expect(permission.locator('[data-code="implicit_deny"]')).toContainText("No policy allows apigateway:DescribeApis");
  await expect(permission.getByTestId("check-result-permission").locator("pre")).toContainText('"Effect": "Allow"');
  await expect(permission.getByTestId("check-result-permission").locator("pre")).toContainText('"apigateway:DescribeApis"');

  // A field left empty is refused with a message beside it, and nothing is lost.
  await dnsPanel.getByLabel("Custom domain").fill("");
  await dnsPanel.getByRole("button", { name: "Run check" }).click();
  await expect(dnsPanel.getByText("Fill this in first.")).toBeVisible();
  await expect(dnsPanel.getByLabel(/Group's second-level domain/)).toHaveValue(GROUP);

  await expectNoSeriousA11yViolations(editor);
  const keyBody = other.keyPem.split("\n")[1]!;
  expect(posted.filter((data) => data.includes(keyBody.slice(0, 24)))).toEqual([]);

  // A colleague with the link sees every result, in Chinese too.
  const viewer = await pageAs("viewer", { locale: "zh-CN" });
  // The language cookie, so a language the viewer chose in an earlier test (kept in the profile) does not apply.
  await viewer.context().addCookies([{ name: "errordesk-locale", value: "zh-CN", url: test.info().project.use.baseURL! }]);
  await viewer.goto(link);
  await expect(viewer.getByTestId("check-result-dns")).toContainText("未发现问题");
  await expect(viewer.getByTestId("check-result-cert").locator('[data-code="key_mismatch"]')).toContainText("私钥与证书不匹配");
  await expect(viewer.getByTestId("check-result-signature")).toContainText("签名字符串首先在 query:Action 处不同");
  await expect(viewer.getByTestId("check-result-flowControl")).toBeVisible();
  await expect(viewer.getByTestId("check-result-paramMapping")).toBeVisible();
  await expect(viewer.getByTestId("check-result-permission")).toBeVisible();
  await expect(viewer.getByTestId("check-result-timestamp")).toBeVisible();
  await expect(viewer.getByText(/E2E Editor/).first()).toBeVisible();
});

test("at 390 px the check panels fit the screen", async ({ pageAs }) => {
  const page = await pageAs("viewer", { locale: "en-US" });
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/diagnose");
  await page.getByLabel("Error text or RequestId").fill(PASTE);
  await page.getByRole("button", { name: "Diagnose", exact: true }).click();
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  const signature = await open(page, "signature");
  // Elements of the panel that reach past the right edge of the screen.
  const outside = await signature.evaluate((panel) =>
    [panel, ...panel.querySelectorAll("*")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .map((e) => `${e.tagName}.${e.className}`),
  );
  expect(outside).toEqual([]);
});
