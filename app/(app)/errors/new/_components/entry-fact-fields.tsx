"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { ENTRY_LIMITS } from "@/domain/catalog/entry-limits";
import { SECTIONS, type Section } from "@/domain/catalog/types";
import { TextField } from "../../[code]/edit/_components/guide-text-field";

export type FactDraft = { code: string; httpStatus: string; section: Section; messages: string };

/** Code, HTTP status, section and messages (one per line) of a new entry: what the vendor's table would give. */
export function EntryFactFields({
  facts,
  errors,
  onChange,
}: {
  facts: FactDraft;
  errors: Record<string, string>;
  onChange: (change: Partial<FactDraft>) => void;
}) {
  const t = useTranslations("curation.newEntry");
  const tc = useTranslations("catalog");
  const sectionId = useId();
  const messageError = errors.messages ?? Object.entries(errors).find(([field]) => field.startsWith("messages."))?.[1];
  return (
    <fieldset className="grid gap-4 rounded border border-slate-200 bg-white p-4 md:grid-cols-3">
      <TextField
        label={t("code")}
        hint={t("codeHint")}
        value={facts.code}
        maxLength={ENTRY_LIMITS.code}
        error={errors.code}
        onChange={(code) => onChange({ code })}
        required
      />
      <TextField
        label={t("httpStatus")}
        value={facts.httpStatus}
        maxLength={3}
        error={errors.httpStatus}
        onChange={(httpStatus) => onChange({ httpStatus })}
        required
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={sectionId} className="text-sm text-slate-700">
          {t("section")}
        </label>
        <select
          id={sectionId}
          value={facts.section}
          onChange={(e) => onChange({ section: e.target.value as Section })}
          className="rounded border border-slate-300 px-2 py-1.5 text-sm"
        >
          {SECTIONS.map((section) => (
            <option key={section} value={section}>
              {tc(`sections.${section}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="md:col-span-3">
        <TextField
          label={t("messages")}
          hint={t("messagesHint")}
          value={facts.messages}
          maxLength={ENTRY_LIMITS.message * ENTRY_LIMITS.messages}
          error={messageError}
          onChange={(messages) => onChange({ messages })}
          multiline
          required
        />
      </div>
    </fieldset>
  );
}
