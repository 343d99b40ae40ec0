import type { Recommend, RecommendGeneration } from "./types";

/**
 * Field normalisers shared by every extractor, so a RequestId or a Recommend link reads the same whichever
 * format it came from.
 */

/** Upper case; placeholders such as `***`, `xxx`, `...` and `fixture`-like words are not request ids. */
export function normalizeRequestId(value: string | undefined): string | undefined {
  if (!value) return undefined;
  // Most ids arrive clean (letters, digits, dashes, a digit among them): nothing to trim, nothing a placeholder
  // could be, so the checks below would all pass.
  if (isPlainId(value)) return value.toUpperCase();
  const trimmed = value.trim().replace(/^["'`[(]+|["'`\]),.;:]+$/g, "");
  // Real ids always contain digits; `xxx`, `***`, `...`, `fixture` are placeholders left by the poster.
  if (!/[0-9]/.test(trimmed) || trimmed.length > 80) return undefined;
  if (/^(?:x+|\*+|\.+|-+|none|null|nil|undefined|requestid)$/i.test(trimmed)) return undefined;
  if (!/^[0-9A-Za-z][0-9A-Za-z\-_*.]*$/.test(trimmed)) return undefined;
  return trimmed.toUpperCase();
}

/** Letters, digits and dashes only, starting with a letter or digit, holding a digit, at most 80 long. */
function isPlainId(value: string): boolean {
  if (value.length > 80 || value.charCodeAt(0) === 45) return false;
  let digit = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45)) return false;
  }
  return digit;
}

export function normalizeHost(value: string | undefined): string | undefined {
  const trimmed = value
    ?.trim()
    .replace(/^["'`]+|["'`,;:.]+$/g, "")
    .toLowerCase();
  if (!trimmed || !/^[a-z0-9][a-z0-9.-]*\.[a-z]{2,}(?::\d+)?$/.test(trimmed)) return undefined;
  return trimmed;
}

const REGION = /^(?:cn|us|eu|ap|me|ru|sa|na|af|ce|la)-[a-z]+(?:-[a-z0-9]+){0,4}$/;
/** Labels a host adds beside the region (`cn-hangzhou-internal`, `vpc-cn-shanghai`). */
const NETWORK_WORDS = ["internal", "vpc", "intranet"];
const NETWORK_WORD = new RegExp(NETWORK_WORDS.join("|"));
const REGION_TAIL = /(?:^|-)((?:cn|us|eu|ap|me|ru|sa|na|af|ce|la)-[a-z]+(?:-[a-z0-9]+){0,4})$/;

/**
 * `cloudapi.cn-hangzhou.aliyuncs.com` → cn-hangzhou, `apigateway.cn-shanghai.aliyuncs.com` → cn-shanghai,
 * `ecs-cn-hangzhou.aliyuncs.com` → cn-hangzhou. Global hosts (`alidns.aliyuncs.com`) have none.
 */
export function regionFromHost(host: string | undefined): string | undefined {
  if (!host?.includes("-")) return undefined;
  for (const label of host.toLowerCase().split(".")) {
    if (!label.includes("-")) continue;
    // The region is the label's tail from some dash on, without the network words (`cn-hangzhou-internal`); the
    // first (longest) such tail that reads as a region wins.
    // Split and joined again only when a network word may be in it: otherwise the join gives the label back.
    const tail = NETWORK_WORD.test(label)
      ? label
          .split("-")
          .filter((p) => !NETWORK_WORDS.includes(p))
          .join("-")
      : label;
    const region = REGION_TAIL.exec(tail)?.[1];
    if (region) return region;
  }
  return undefined;
}

export function isRegionId(value: string): boolean {
  return REGION.test(value);
}

function decode(value: string): string {
  if (!value.includes("%") && !value.includes("+")) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

/** Query parameters of a URL-ish string; tolerant of junk around it. */
export function parseQuery(url: string): Record<string, string> {
  const query: Record<string, string> = {};
  const q = url.indexOf("?");
  if (q === -1) return query;
  for (const part of url
    .slice(q + 1)
    .split("#")[0]!
    .split("&")) {
    if (!part) continue;
    const eq = part.indexOf("=");
    const key = decode(eq === -1 ? part : part.slice(0, eq));
    if (!key || key in query) continue;
    query[key] = decode(eq === -1 ? "" : part.slice(eq + 1));
  }
  return query;
}

/** Where a URL stops inside a paste: whitespace, quotes, a CDATA end, a closing tag or an escaped quote. */
export function urlEnd(text: string, start: number, limit = text.length): number {
  let i = start;
  const stop = Math.min(limit, start + 4096);
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (isJsSpace(c) || c === 34 || c === 39 || c === 60 || c === 62 || c === 96) break;
    if (c === 93 && text.startsWith("]]>", i)) break;
    if (c === 92) {
      const n = text.charCodeAt(i + 1);
      if (n === 34 || n === 39 || n === 110) break;
    }
    i++;
  }
  while (i > start && /[.,;:)\]}]/.test(text[i - 1]!)) i--;
  return i;
}

/** What `\s` matches in a regular expression, as a char-code test for loops that run over every character. */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * The three Recommend generations: error-center `?Keyword=<Code>&source=PopGw` (≤2021),
 * `troubleshoot.api.aliyun.com?q=<Code>&product=<P>` (~2022), `api.aliyun.com/troubleshoot?q=<Code>&product=<P>&requestId=<id>`.
 * The Go SDK glues a comment in front (`comment+recommend`); that text becomes `note`.
 */
export function parseRecommend(raw: string | undefined): Recommend | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  if (!text) return undefined;
  const at = text.search(/https?:\/\//);
  if (at === -1) return { url: "", query: {}, generation: "other", note: text };
  const url = text.slice(at, urlEnd(text, at));
  const query = parseQuery(url);
  const generation: RecommendGeneration = url.includes("error-center.aliyun.com")
    ? "error-center"
    : url.includes("troubleshoot.api.aliyun.com")
      ? "troubleshoot-legacy"
      : url.includes("api.aliyun.com/troubleshoot")
        ? "troubleshoot"
        : "other";
  const code = query.Keyword ?? query.q;
  const product = query.product;
  const requestId = normalizeRequestId(query.requestId);
  const note = text.slice(0, at).trim();
  return {
    url,
    query,
    generation,
    ...(code ? { code } : {}),
    ...(product ? { product } : {}),
    ...(requestId ? { requestId } : {}),
    ...(note ? { note } : {}),
  };
}

/** `GetMainDomainName`, `CreateApi`: an API action name is a PascalCase word of letters and digits. */
export function isActionName(value: string): boolean {
  return /^[A-Z][A-Za-z0-9]{2,80}$/.test(value) && /[a-z]/.test(value);
}

/** `Timestamp=2019-05-12T14%253A06%253A51Z` (double-encoded in a string-to-sign) → 2019-05-12T14:06:51Z. */
export function decodeTimestamp(value: string): string {
  let out = value;
  for (let i = 0; i < 3 && out.includes("%"); i++) out = decode(out);
  return out;
}

export function parseStatus(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d{3}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}
