import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import { fillRoute, listPages } from "./app-tree";
import { expect, test } from "./fixtures";

/**
 * Every page at a 390 px phone width, in both languages: nothing wider than the screen, no table cell drawn over its
 * neighbour, no button or link sticking out past the screen's edge (a table may scroll inside its own box).
 * Screenshots go to test-results/phone/ for a look by eye.
 */
const PHONE = { width: 390, height: 844 };
const LOCALES = ["en", "zh-CN"] as const;
const SIGNED_OUT_PAGES = new Set(["/sign-in", "/setup", "/"]);
const ENTRY_CODE = "MissingGroupId";

type Problems = { pageWidth: number; screenWidth: number; overlaps: string[]; outside: string[] };

/** Runs in the page: what is wider than the screen, which cells overlap, which controls stick out. */
function measure(): Problems {
  const rectOf = (node: Node): DOMRect | null => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const rect = node.nodeType === Node.TEXT_NODE ? range.getBoundingClientRect() : (node as Element).getBoundingClientRect();
    return rect.width || rect.height ? rect : null;
  };
  // How far left and right an element draws, its overflowing content included; a clipping box stops at its edges.
  const extent = (element: Element): { left: number; right: number } | null => {
    const own = rectOf(element);
    if (!own) return null;
    let { left, right } = own;
    if (getComputedStyle(element).overflowX !== "visible") return { left, right };
    for (const child of element.childNodes) {
      if (child.nodeType !== Node.ELEMENT_NODE && (child.nodeType !== Node.TEXT_NODE || !child.textContent?.trim())) continue;
      const inner = child.nodeType === Node.ELEMENT_NODE ? extent(child as Element) : rectOf(child);
      if (!inner) continue;
      left = Math.min(left, inner.left);
      right = Math.max(right, inner.right);
    }
    return { left, right };
  };
  const label = (element: Element) => (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);

  const overlaps: string[] = [];
  for (const row of document.querySelectorAll("tr")) {
    const cells = [...row.children].filter((cell) => rectOf(cell)).sort((a, b) => rectOf(a)!.left - rectOf(b)!.left);
    for (let i = 0; i + 1 < cells.length; i++) {
      const [a, b] = [cells[i]!, cells[i + 1]!];
      const drawn = extent(a)!;
      if (drawn.right > rectOf(b)!.left + 1 || rectOf(a)!.width < 24)
        overlaps.push(`"${label(a)}" (${Math.round(rectOf(a)!.width)} px wide) runs into "${label(b)}"`);
    }
  }

  const screen = document.documentElement.clientWidth;
  const scrolls = (element: Element) => element.closest("table, pre, [class*='overflow-x-auto']") !== null;
  const outside = [...document.querySelectorAll("a, button, select, input, textarea")]
    .filter((control) => !scrolls(control) && !control.closest(".sr-only"))
    .filter((control) => {
      const rect = rectOf(control);
      return rect && (rect.right > screen + 1 || rect.left < -1);
    })
    .map((control) => `${control.tagName.toLowerCase()} "${label(control)}"`);

  return { pageWidth: document.documentElement.scrollWidth, screenWidth: window.innerWidth, overlaps, outside };
}

async function useLanguage(page: Page, locale: (typeof LOCALES)[number]) {
  await page.context().addCookies([{ name: "errordesk-locale", value: locale, url: test.info().project.use.baseURL! }]);
}

async function newDiagnosis(page: Page): Promise<string> {
  const rid = randomUUID().toUpperCase();
  await page.goto("/diagnose");
  await page
    .locator("#diagnose-input")
    .fill(
      `ERROR create api failed: {"RequestId":"${rid}","Code":"${ENTRY_CODE}","Message":"GroupId is mandatory for this action.","Recommend":"https://api.aliyun.com/troubleshoot?q=${ENTRY_CODE}&product=CloudAPI&requestId=${rid}"}`,
    );
  await page.locator("#diagnose-input").press("Control+Enter");
  await expect(page).toHaveURL(/\/d\/[0-9A-Za-z]{12}$/);
  return page.url().split("/d/")[1]!;
}

/** What is wrong with one page at phone width, as sentences (none when it fits), and a screenshot of it. */
async function phoneProblems(page: Page, url: string, shot: string): Promise<string[]> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(500);
  await page.waitForLoadState("networkidle");
  const { pageWidth, screenWidth, overlaps, outside } = await page.evaluate(measure);
  await page.screenshot({ path: path.join("test-results", "phone", `${shot}.png`), fullPage: true });
  return [
    ...(pageWidth > screenWidth ? [`${url}: the page is ${pageWidth} px wide on a ${screenWidth} px screen`] : []),
    ...overlaps.map((overlap) => `${url}: table cell ${overlap}`),
    ...outside.map((control) => `${url}: ${control} sticks out past the screen's edge`),
  ];
}

test.use({ viewport: PHONE });

for (const locale of LOCALES) {
  test(`every page fits a 390 px phone in ${locale}: no sideways scrolling, no overlapping table cells`, async ({ pageAs, browser }) => {
    test.setTimeout(240_000);
    const page = await pageAs("admin", { viewport: PHONE });
    await useLanguage(page, locale);
    const id = await newDiagnosis(page);
    const pages = listPages().map((p) => p.route);
    expect(pages).toEqual(expect.arrayContaining(["/admin/users", "/errors", "/d/[id]"]));
    const extra = ["/errors?q=api", "/no-such-page"];
    const problems: string[] = [];
    for (const route of [...pages.filter((r) => !SIGNED_OUT_PAGES.has(r)), ...extra]) {
      const url = fillRoute(route, { id, code: ENTRY_CODE });
      problems.push(...(await phoneProblems(page, url, `${locale}${url.replace(/[/?=]/g, "_")}`)));
    }

    const anonymous = await browser.newContext({ viewport: PHONE });
    const signedOut = await anonymous.newPage();
    await useLanguage(signedOut, locale);
    for (const route of pages.filter((r) => SIGNED_OUT_PAGES.has(r)))
      problems.push(...(await phoneProblems(signedOut, route, `${locale}-out${route.replace(/\//g, "_")}`)));
    await anonymous.close();
    expect(problems).toEqual([]);
  });
}
