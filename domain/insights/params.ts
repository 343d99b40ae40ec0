import { storableText } from "../text/storable";

/**
 * The insights page's state, parsed from and written to the URL (like the catalog's listing.ts): the period and
 * the four filters. Every value is allow-listed or cleaned here, so the page, the queries and the tests agree.
 */
export const PERIODS = [7, 30] as const;
export type PeriodDays = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: PeriodDays = 7;

export const FILTER_KEYS = ["product", "action", "region", "caller"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** An unset filter is null; a set one matches that value exactly. */
export type InsightFilters = Record<FilterKey, string | null>;

export type InsightParams = { days: PeriodDays; filters: InsightFilters };

type RawParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Unknown or malformed values are dropped rather than rejected: an old or hand-edited link still opens. */
export function parseInsightParams(raw: RawParams): InsightParams {
  const daysRaw = Number(first(raw.days));
  const days = (PERIODS as readonly number[]).includes(daysRaw) ? (daysRaw as PeriodDays) : DEFAULT_PERIOD;
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => {
      const value = storableText(first(raw[key]) ?? "")
        .trim()
        .slice(0, 200);
      return [key, value || null];
    }),
  ) as InsightFilters;
  return { days, filters };
}

/** The inverse of parseInsightParams, leaving defaults out so links stay short. */
export function serializeInsightParams(params: Partial<InsightParams>): URLSearchParams {
  const out = new URLSearchParams();
  if (params.days && params.days !== DEFAULT_PERIOD) out.set("days", String(params.days));
  for (const key of FILTER_KEYS) {
    const value = params.filters?.[key];
    if (value) out.set(key, value);
  }
  return out;
}

export const NO_FILTERS: InsightFilters = { product: null, action: null, region: null, caller: null };

/** The period being shown and the one just before it, of the same length, ending at `now`. */
export function periodWindows(days: PeriodDays, now: Date): { previousStart: Date; start: Date; end: Date } {
  const dayMs = 86_400_000;
  return { previousStart: new Date(now.getTime() - 2 * days * dayMs), start: new Date(now.getTime() - days * dayMs), end: now };
}
