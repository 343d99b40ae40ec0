import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { AuditFilters } from "@/domain/audit";

const CONTROL = "h-9 w-full rounded-md border border-slate-400 bg-white px-2 text-sm";

/**
 * A plain GET form: submitting puts the filters in the URL, so a filtered view can be bookmarked and shared,
 * works without JavaScript and goes back with the browser's Back button.
 */
export async function AuditFiltersForm({
  filters,
  people,
  kinds,
}: {
  filters: AuditFilters;
  people: { id: string; label: string }[];
  kinds: string[];
}) {
  const t = await getTranslations("audit.filters");
  return (
    <form
      method="get"
      action="/admin/audit"
      aria-label={t("label")}
      className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
    >
      <label className="text-sm font-medium text-slate-800">
        {t("person")}
        <select name="person" defaultValue={filters.person} className={CONTROL}>
          <option value="">{t("anyone")}</option>
          {people.map((person) => (
            <option key={person.id} value={person.id}>
              {person.label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        {t("kind")}
        <select name="kind" defaultValue={filters.kind} className={CONTROL}>
          <option value="">{t("anyKind")}</option>
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium text-slate-800">
        {t("from")}
        <input type="date" name="from" defaultValue={filters.from} className={CONTROL} />
      </label>
      <label className="text-sm font-medium text-slate-800">
        {t("to")}
        <input type="date" name="to" defaultValue={filters.to} className={CONTROL} />
      </label>
      <div className="flex items-center gap-3">
        <button type="submit" className="h-9 rounded-md bg-blue-700 px-4 text-sm font-medium text-white hover:bg-blue-800">
          {t("apply")}
        </button>
        <Link href="/admin/audit" className="text-sm text-blue-800 underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
