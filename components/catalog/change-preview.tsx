"use client";

import { useTranslations } from "next-intl";
import { type CatalogChangePreview, describeFieldValue, type FieldChange } from "@/domain/catalog/change-preview";

/**
 * What applying would do, before anything is written: counts, then each new entry with its values, each
 * changed entry field by field (before → after), and the unchanged codes folded away. The same preview
 * `catalog:import --dry-run` prints as text.
 */
export function ChangePreview({ preview, headingId }: { preview: CatalogChangePreview; headingId: string }) {
  const t = useTranslations("curation.preview");
  return (
    <section aria-labelledby={headingId} className="mt-4 rounded-md border border-slate-300 bg-white p-3">
      <h3 id={headingId} className="font-semibold text-slate-900">
        {t("summary", { added: preview.added.length, changed: preview.changed.length, unchanged: preview.unchanged.length })}
      </h3>
      {preview.added.length + preview.changed.length === 0 ? <p className="mt-1 text-sm text-slate-700">{t("nothingToDo")}</p> : null}
      <ul className="mt-2 space-y-3">
        {preview.added.map(({ code, fields }) => (
          <EntryChanges key={`new-${code}`} code={code} fields={fields} isNew />
        ))}
        {preview.changed.map(({ code, fields }) => (
          <EntryChanges key={`changed-${code}`} code={code} fields={fields} isNew={false} />
        ))}
      </ul>
      {preview.unchanged.length ? (
        <details className="mt-3 text-sm text-slate-700">
          <summary className="cursor-pointer">{t("unchangedList", { count: preview.unchanged.length })}</summary>
          <p className="mt-1 font-mono break-words">{preview.unchanged.join(", ")}</p>
        </details>
      ) : null}
    </section>
  );
}

function EntryChanges({ code, fields, isNew }: { code: string; fields: FieldChange[]; isNew: boolean }) {
  const t = useTranslations("curation.preview");
  return (
    <li className="rounded border border-slate-200 p-2">
      <p className="text-sm">
        <span
          className={`mr-2 rounded px-1.5 py-0.5 text-xs font-medium ${isNew ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-800"}`}
        >
          {isNew ? t("new") : t("changed")}
        </span>
        <code className="font-mono font-semibold break-all">{code}</code>
      </p>
      <dl className="mt-1 grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]">
        {fields.map(({ field, before, after }) => (
          <div key={field} className="contents">
            <dt className="font-medium text-slate-700">{t(`fields.${field}`)}</dt>
            <dd className="min-w-0">
              {isNew ? null : (
                <p className="break-words whitespace-pre-wrap text-red-800">
                  <span className="sr-only">{t("before")} </span>
                  <span aria-hidden="true">− </span>
                  {describeFieldValue(field, before) || t("empty")}
                </p>
              )}
              <p className={`break-words whitespace-pre-wrap ${isNew ? "text-slate-800" : "text-emerald-800"}`}>
                {isNew ? null : (
                  <>
                    <span className="sr-only">{t("after")} </span>
                    <span aria-hidden="true">+ </span>
                  </>
                )}
                {describeFieldValue(field, after) || t("empty")}
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
