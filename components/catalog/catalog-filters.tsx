"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { RETRYABLE_FILTERS, type CatalogListParams } from "@/domain/catalog/listing";
import { SECTIONS, type Section } from "@/domain/catalog/types";
import type { CatalogPatch } from "./use-catalog-navigation";

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** A checkbox that looks like a pill; still a real checkbox, so Space toggles it and screen readers say "checked". */
function FilterChip({ checked, onChange, children }: { checked: boolean; onChange: () => void; children: React.ReactNode }) {
  return (
    <label
      className={`relative inline-flex cursor-pointer items-center rounded-full border px-2.5 py-1 text-sm whitespace-nowrap select-none has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-blue-600 ${
        checked ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 bg-white text-slate-800 hover:bg-slate-100"
      }`}
    >
      {/* Transparent over the whole pill: clicks land on the real checkbox, which keeps its native semantics. */}
      <input
        type="checkbox"
        className="absolute inset-0 h-full w-full cursor-pointer appearance-none rounded-full opacity-0"
        checked={checked}
        onChange={onChange}
      />
      {children}
    </label>
  );
}

export function CatalogFilters({
  params,
  statuses,
  onChange,
}: {
  params: CatalogListParams;
  /** The statuses the catalog holds, from the database. */
  statuses: number[];
  onChange: (patch: CatalogPatch) => void;
}) {
  const t = useTranslations("catalog");
  const retryableId = useId();
  // A status only in the URL (an old link) stays visible so it can be switched off.
  const shownStatuses = [...new Set([...statuses, ...params.status])].sort((a, b) => a - b);
  return (
    <div className="flex flex-wrap items-center gap-x-5 gap-y-2">
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="float-left mr-1.5 text-sm font-medium text-slate-700">{t("filters.status")}</legend>
        {shownStatuses.map((status) => (
          <FilterChip
            key={status}
            checked={params.status.includes(status)}
            onChange={() => onChange({ status: toggle(params.status, status).sort((a, b) => a - b) })}
          >
            {status}
          </FilterChip>
        ))}
      </fieldset>
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="float-left mr-1.5 text-sm font-medium text-slate-700">{t("filters.section")}</legend>
        {SECTIONS.map((section: Section) => (
          <FilterChip
            key={section}
            checked={params.section.includes(section)}
            onChange={() =>
              onChange({ section: SECTIONS.filter((s) => (s === section ? !params.section.includes(s) : params.section.includes(s))) })
            }
          >
            {t(`sections.${section}`)}
          </FilterChip>
        ))}
      </fieldset>
      <div className="flex items-center gap-1.5">
        <label htmlFor={retryableId} className="text-sm font-medium text-slate-700">
          {t("filters.retryable")}
        </label>
        <select
          id={retryableId}
          className="h-8 rounded-md border border-slate-400 bg-white px-2 text-sm"
          value={params.retryable ?? ""}
          onChange={(event) => {
            const value = event.target.value;
            onChange({
              retryable: (RETRYABLE_FILTERS as readonly string[]).includes(value) ? (value as CatalogListParams["retryable"]) : null,
            });
          }}
        >
          <option value="">{t("filters.retryableAny")}</option>
          {RETRYABLE_FILTERS.map((value) => (
            <option key={value} value={value}>
              {t(`retryable.${value}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
