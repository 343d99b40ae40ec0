import { CLASSIC_KEY_PREFIX, isGatewayClassicKey } from "../diagnosis/related-codes";
import type { Section, VendorFacts } from "./types";

/**
 * Reads the vendor's error-code page (the Chinese CloudAPI documentation, one table row per line with
 * `|` separators) into facts. Codes and messages are kept verbatim except that the common table's
 * `{ParameterName}` placeholder becomes `%s`, the placeholder the rest of the page and the API use, so
 * `Missing{ParameterName}` and `Missing%s` are one entry carrying both message wordings.
 */
export function parseVendorErrorPage(page: string): VendorFacts[] {
  const byCode = new Map<string, VendorFacts>();
  let section: Section | null = null;
  for (const rawLine of page.split(/\r?\n/)) {
    const line = rawLine.trim();
    const heading = SECTION_HEADINGS[line];
    if (heading) {
      section = heading;
      continue;
    }
    if (!section || !line.includes("|")) continue;
    const cells = line.split("|").map((c) => c.trim());
    if (cells[0] === "错误代码" || cells[0] === "报错场景") continue;
    const [code, message, status] = section === "common" ? [cells[1], cells[2], cells[3]] : [cells[0], cells[1], cells[2]];
    if (!code || !message || !status || !/^\d{3}$/.test(status)) continue;
    const normalizedCode = unifyPlaceholder(code);
    const normalizedMessage = unifyPlaceholder(message);
    const existing = byCode.get(normalizedCode);
    if (existing) {
      if (!existing.messages.includes(normalizedMessage)) existing.messages.push(normalizedMessage);
      continue;
    }
    byCode.set(normalizedCode, { code: normalizedCode, section, httpStatus: Number(status), messages: [normalizedMessage] });
  }
  return [...byCode.values()];
}

const SECTION_HEADINGS: Record<string, Section> = {
  服务端错误码: "server",
  客户端错误码: "client",
  客户端公用错误码: "common",
};

function unifyPlaceholder(text: string): string {
  return text.replaceAll("{ParameterName}", "%s");
}

/**
 * Reads API Gateway's data-plane error-code tables (db/seed/gateway-error-page.txt, one row a line) into facts: the
 * VPC instances' `CODE | status | Message |` (six-character X-Ca-Error-Code) and the classic instances'
 * `key | status | X-Ca-Error-Message |`, whose error is named by the message itself (key: gatewayClassicKey). Codes
 * and messages stay verbatim, `${HeaderName}`-style placeholders and `%s` included: the diagnosis engine reads those
 * as parameters. A key given twice adds the second row's text as another message of the same entry.
 */
export function parseGatewayErrorPage(page: string): VendorFacts[] {
  const facts: VendorFacts[] = [];
  for (const line of page.split(/\r?\n/)) {
    const [code, status, message] = line.split("|").map((c) => c.trim());
    if (!code || !message || !status || !/^\d{3}$/.test(status)) continue;
    if (!/^[A-Z]\d{3}[A-Z]{2}$/.test(code) && !isGatewayClassicKey(code)) continue;
    const existing = facts.find((f) => f.code === code);
    if (existing) existing.messages.push(message);
    else facts.push({ code, section: "gateway", httpStatus: Number(status), messages: [message] });
  }
  return facts;
}

/**
 * ErrorDesk's key for a classic instance's error, whose vendor name (`Throttled by APP Flow Control`) cannot be an
 * entry code (codes hold no spaces): `Classic.` and the name's words, each with its first letter in upper case, run
 * together without `%s` and punctuation (`Classic.ThrottledByAPPFlowControl`, `Classic.InvalidContentMD5`).
 */
export function gatewayClassicKey(name: string): string {
  const words = name
    .replaceAll("%s", " ")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return `${CLASSIC_KEY_PREFIX}${words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("")}`;
}

/**
 * The team's default for "does retrying help": server-side failures and throttling by call rate are transient. The
 * classic DOMAIN flow control is a daily cap (1,000 calls a day on the shared subdomain): retrying soon does not help.
 */
export function isRetryableByDefault(facts: Pick<VendorFacts, "code" | "httpStatus">): boolean {
  return facts.httpStatus >= 500 || facts.code.startsWith("Throttling") || RATE_THROTTLED_CLASSIC.test(facts.code);
}

const RATE_THROTTLED_CLASSIC = /^Classic\.ThrottledBy(?:API|APP|USER|GROUP)FlowControl$/;
