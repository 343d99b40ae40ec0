import Link from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { DiagnosisSummary } from "@/domain/diagnosis-service/types";

/** Saved diagnoses as a compact list: the user's recent ones on /diagnose, earlier ones of a RequestId on /d/<id>. */
export async function DiagnosisList({ items, showAuthor = true }: { items: DiagnosisSummary[]; showAuthor?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("diagnosis"), getFormatter()]);
  return (
    <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="diagnosis-list">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm">
          <Link href={`/d/${item.id}`} className="min-w-0 font-mono font-medium break-all text-blue-800 underline-offset-2 hover:underline">
            {linkText(item, t)}
          </Link>
          <span className="text-slate-600">
            {item.apiKey ? t("list.viaApiKey", { name: item.apiKey }) : t(`inputKinds.${item.inputKind}`)}
          </span>
          {item.ticketRef ? <span className="break-all text-slate-700">{t("list.ticket", { ticket: item.ticketRef })}</span> : null}
          {item.outcome ? <Badge tone={item.outcome === "solved" ? "green" : "amber"}>{t(`outcome.values.${item.outcome}`)}</Badge> : null}
          <span className="ml-auto text-slate-600">
            {showAuthor && item.createdBy ? `${item.createdBy.name} · ` : ""}
            <time dateTime={item.createdAt.toISOString()}>{format.dateTime(item.createdAt, "minute")}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The codes found, else how many errors without a code, else "no error found". */
function linkText(item: DiagnosisSummary, t: (key: string, values?: Record<string, string | number>) => string): string {
  const codes = item.codes.slice(0, 4).join(", ") + (item.codes.length > 4 ? " …" : "");
  const uncoded = item.uncodedErrors ? t("list.uncodedErrors", { count: item.uncodedErrors }) : "";
  if (codes && uncoded) return `${codes} + ${uncoded}`;
  return codes || uncoded || t("list.nothingFound");
}
