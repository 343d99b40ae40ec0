import { storableText } from "../text/storable";

/**
 * The audit page's filters, parsed from and written to the URL (its only state), like the catalog's listing.
 * Unknown or malformed values are dropped, so a hand-edited link still opens.
 */
export type AuditFilters = {
  /** An actor id (user or key), or "" for everyone. */
  person: string;
  /** An event kind (`entry.edit`, `auth.sign-in-failed`…), or "" for all. */
  kind: string;
  /** Days (YYYY-MM-DD, inclusive, in the page's time zone); "" for no bound. */
  from: string;
  to: string;
  page: number;
};

export const AUDIT_PAGE_SIZE = 50;
/** The page's time zone (i18n/formats.ts shows times in Asia/Shanghai), so a day filter means the day the reader sees. */
export const AUDIT_DAY_OFFSET = "+08:00";

type RawParams = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00${AUDIT_DAY_OFFSET}`));

export function parseAuditFilters(raw: RawParams): AuditFilters {
  const text = (name: string) => storableText(first(raw[name])).trim().slice(0, 100);
  const from = first(raw.from);
  const to = first(raw.to);
  const page = Number(first(raw.page));
  return {
    person: text("person"),
    kind: text("kind"),
    from: isDay(from) ? from : "",
    to: isDay(to) ? to : "",
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

/** The inverse of parseAuditFilters, leaving empty values out so links stay short. */
export function serializeAuditFilters(filters: Partial<AuditFilters>): URLSearchParams {
  const out = new URLSearchParams();
  for (const name of ["person", "kind", "from", "to"] as const) if (filters[name]) out.set(name, filters[name]);
  if (filters.page && filters.page > 1) out.set("page", String(filters.page));
  return out;
}

/** The instants a day filter stands for: from the start of `from` to the end of `to`, in the page's time zone. */
export function auditTimeRange(filters: Pick<AuditFilters, "from" | "to">): { since?: Date; until?: Date } {
  const since = filters.from ? new Date(`${filters.from}T00:00:00${AUDIT_DAY_OFFSET}`) : undefined;
  const until = filters.to ? new Date(Date.parse(`${filters.to}T00:00:00${AUDIT_DAY_OFFSET}`) + 86_400_000) : undefined;
  return { ...(since ? { since } : {}), ...(until ? { until } : {}) };
}
