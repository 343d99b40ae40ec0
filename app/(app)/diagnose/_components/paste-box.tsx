"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { ChangeEvent, RefObject } from "react";
import { Alert } from "@/components/ui/alert";
import { submitOnCtrlEnter, controlBorderClass } from "@/components/ui/field";
import { inputBytes, MAX_INPUT_BYTES } from "@/domain/diagnosis-service/limits";
import type { DiagnoseFailure } from "../actions";
import { UnknownRequestId } from "./unknown-request-id";

/** Large pastes get a size counter; below this it is noise. */
const SHOW_SIZE_FROM = 64 * 1024;

/** The paste box: label, hint, the text area (Ctrl+Enter submits), the size of a large paste, and its error. */
export function PasteBox({
  value,
  onChange,
  error,
  unknownRequestId,
  inputRef,
}: {
  value: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  error: string | null;
  unknownRequestId?: DiagnoseFailure["unknownRequestId"];
  inputRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const t = useTranslations("diagnosis.form");
  const format = useFormatter();
  const bytes = value.length >= SHOW_SIZE_FROM / 4 ? inputBytes(value) : 0;
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <label htmlFor="diagnose-input" className="block font-medium text-slate-900">
          {t("inputLabel")}
        </label>
        <p className="text-xs text-slate-600" aria-hidden="true">
          {t("shortcut")}
        </p>
      </div>
      <p id="diagnose-input-hint" className="mt-0.5 text-sm text-slate-600">
        {t("inputHint")}
      </p>
      <textarea
        id="diagnose-input"
        ref={inputRef}
        name="input"
        value={value}
        onChange={onChange}
        onKeyDown={submitOnCtrlEnter}
        rows={11}
        spellCheck={false}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: the paste box is the page's one task; the shortcut hint tells screen readers.
        autoFocus
        aria-invalid={error ? true : undefined}
        aria-describedby={["diagnose-input-hint", "diagnose-input-shortcut", error ? "diagnose-input-error" : null]
          .filter(Boolean)
          .join(" ")}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        placeholder={t.raw("inputPlaceholder") as string}
        className={`mt-2 block min-h-48 w-full resize-y rounded-md border bg-white px-3 py-2 font-mono text-[13px] leading-relaxed text-slate-900 placeholder:text-slate-500 ${controlBorderClass(
          !!error,
        )}`}
      />
      <p id="diagnose-input-shortcut" className="sr-only">
        {t("shortcut")}
      </p>
      {bytes >= SHOW_SIZE_FROM ? (
        <p className={`mt-1 text-xs ${bytes > MAX_INPUT_BYTES ? "text-red-700" : "text-slate-600"}`}>
          {t("size", { size: format.number(bytes / 1024, { maximumFractionDigits: 0 }) })}
        </p>
      ) : null}
      {error ? (
        <Alert id="diagnose-input-error" className="mt-2">
          <p className="break-words">{error}</p>
          {unknownRequestId ? <UnknownRequestId {...unknownRequestId} /> : null}
        </Alert>
      ) : null}
    </div>
  );
}
