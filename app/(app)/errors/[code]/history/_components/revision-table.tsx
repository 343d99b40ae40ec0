import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import { Badge } from "@/components/ui/badge";
import type { RevisionSummary } from "@/db/queries/revisions";

/** Every revision, newest first: number, author (and approver), time, reason, and links to see what it changed. */
export async function RevisionTable({
  code,
  revisions,
  currentRevision,
}: {
  code: string;
  revisions: RevisionSummary[];
  currentRevision: number;
}) {
  const [t, format] = await Promise.all([getTranslations("history"), getFormatter()]);
  const history = `${entryHref(code)}/history`;
  const link = "text-blue-800 underline-offset-2 hover:underline";
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="revision-table">
        <caption className="px-4 py-3 text-left font-semibold text-slate-900">{t("tableCaption")}</caption>
        <thead className="border-y border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            {(["revision", "author", "time", "reason", "actions"] as const).map((column) => (
              <th key={column} scope="col" className="px-4 py-2 font-medium">
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {revisions.map((r) => (
            <tr key={r.revision} data-revision={r.revision}>
              <th scope="row" className="px-4 py-2 font-mono font-medium whitespace-nowrap">
                r{r.revision} {r.revision === currentRevision ? <Badge tone="green">{t("current")}</Badge> : null}
              </th>
              <td className="px-4 py-2">
                {r.authorName ?? (r.revision === 1 ? t("seedAuthor") : t("formerUser"))}
                {r.approverName ? <span className="block text-xs text-slate-600">{t("approvedBy", { name: r.approverName })}</span> : null}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">{format.dateTime(r.createdAt, "minute")}</td>
              <td className="px-4 py-2 break-words">{r.reason}</td>
              <td className="px-4 py-2">
                <div className="flex flex-col gap-1">
                  {r.revision > 1 ? (
                    <Link className={link} href={`${history}?from=${r.revision - 1}&to=${r.revision}#compare-heading`}>
                      {t("showChanges", { revision: r.revision })}
                    </Link>
                  ) : null}
                  {r.revision !== currentRevision ? (
                    <Link className={link} href={`${history}?from=${r.revision}&to=${currentRevision}#compare-heading`}>
                      {t("compareWithCurrent", { revision: r.revision })}
                    </Link>
                  ) : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
