import { getTranslations } from "next-intl/server";
import type { DiffPart, FieldDiff } from "@/domain/catalog/revision-diff";

function Side({ parts, show, lang }: { parts: DiffPart[]; show: "removed" | "added"; lang?: string }) {
  return (
    <div lang={lang} className="min-w-0 rounded border border-slate-200 bg-white p-2 text-sm break-words whitespace-pre-wrap">
      {parts.map((part, index) => {
        if (part.change === "same") return <span key={index}>{part.text}</span>;
        if (part.change !== show) return null;
        return show === "removed" ? (
          <del key={index} className="bg-red-100 text-red-900">
            {part.text}
          </del>
        ) : (
          <ins key={index} className="bg-green-100 text-green-900 no-underline">
            {part.text}
          </ins>
        );
      })}
    </div>
  );
}

/** The changed fields, each language apart, side by side: the older text with its removed words, the newer with its added ones. */
export async function RevisionDiffView({
  diffs,
  beforeLabel,
  afterLabel,
}: {
  diffs: FieldDiff[];
  beforeLabel: string;
  afterLabel: string;
}) {
  const t = await getTranslations("history");
  const changed = diffs.filter((diff) => diff.changed);
  if (changed.length === 0) return <p className="text-sm text-slate-700">{t("compare.noChanges")}</p>;
  const fieldName = (field: string) => {
    const step = /^checklist\.(\d+)\.(title|detail)$/.exec(field);
    if (step) return t(step[2] === "title" ? "fields.checklistTitle" : "fields.checklistDetail", { number: Number(step[1]) });
    return t(`fields.${field as "title"}`);
  };
  return (
    <div className="space-y-4" data-testid="revision-diff">
      {changed.map((diff) => (
        <div key={`${diff.field}.${diff.locale}`}>
          <h4 className="mb-1 text-sm font-medium text-slate-800">
            {fieldName(diff.field)}
            {diff.locale ? ` · ${t(`languages.${diff.locale}`)}` : ""}
          </h4>
          <div className="grid gap-2 md:grid-cols-2">
            <div>
              <p className="text-xs text-slate-600">{`${beforeLabel} · ${t("compare.removed")}`}</p>
              <Side parts={diff.parts} show="removed" lang={diff.locale ?? undefined} />
            </div>
            <div>
              <p className="text-xs text-slate-600">{`${afterLabel} · ${t("compare.added")}`}</p>
              <Side parts={diff.parts} show="added" lang={diff.locale ?? undefined} />
            </div>
          </div>
        </div>
      ))}
      <p className="text-xs text-slate-600">{t("compare.unchanged")}</p>
    </div>
  );
}
