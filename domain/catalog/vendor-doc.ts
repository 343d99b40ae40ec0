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
 * Reads API Gateway's data-plane error-code table (db/seed/gateway-error-page.txt: `CODE | status | Message |`, one row
 * a line) into facts. Codes and messages stay verbatim, `${HeaderName}`-style placeholders included: the diagnosis
 * engine reads those as parameters, as it reads `%s`.
 */
export function parseGatewayErrorPage(page: string): VendorFacts[] {
  const facts: VendorFacts[] = [];
  for (const line of page.split(/\r?\n/)) {
    const [code, status, message] = line.split("|").map((c) => c.trim());
    if (!code || !message || !status || !/^[A-Z]\d{3}[A-Z]{2}$/.test(code) || !/^\d{3}$/.test(status)) continue;
    const existing = facts.find((f) => f.code === code);
    if (existing) existing.messages.push(message);
    else facts.push({ code, section: "gateway", httpStatus: Number(status), messages: [message] });
  }
  return facts;
}

/** The team's default for "does retrying help": server-side failures and throttling are transient. */
export function isRetryableByDefault(facts: Pick<VendorFacts, "code" | "httpStatus">): boolean {
  return facts.httpStatus >= 500 || facts.code.startsWith("Throttling");
}
