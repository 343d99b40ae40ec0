import { useTranslations } from "next-intl";
import { useId } from "react";
import dynamic from "next/dynamic";

// Loaded only where a field shows a preview, so pages with plain fields (retire, rename) do not ship the Markdown renderer.
const Markdown = dynamic(() => import("@/components/catalog/markdown").then((m) => m.Markdown));

/**
 * A labelled text input or textarea with an optional hint and error, both tied to it by `aria-describedby`.
 * A textarea grows with its text (CSS field-sizing) and, with `preview`, shows the rendered Markdown beside it
 * as the reader will see it (below it where the column is narrow).
 */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  lang?: string;
  multiline?: boolean;
  preview?: boolean;
  error?: string;
  hint?: string;
  required?: boolean;
}) {
  const id = useId();
  const t = useTranslations("editor");
  const placeholder = useTranslations("catalog").raw("paramPlaceholder") as string;
  const describedBy = [props.error ? `${id}-error` : null, props.hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    lang: props.lang,
    value: props.value,
    maxLength: props.maxLength,
    required: props.required,
    "aria-invalid": props.error ? true : undefined,
    "aria-describedby": describedBy,
    className: `w-full rounded border px-2 py-1.5 text-sm ${props.error ? "border-red-500" : "border-slate-300"}`,
  };
  const field = props.multiline ? (
    <textarea
      {...common}
      className={`${common.className} min-h-24 [field-sizing:content]`}
      rows={4}
      onChange={(e) => props.onChange(e.target.value)}
    />
  ) : (
    <input {...common} type="text" onChange={(e) => props.onChange(e.target.value)} />
  );
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm text-slate-700">
        {props.label}
      </label>
      {props.preview ? (
        <div className="@container">
          <div className="grid gap-2 @xl:grid-cols-2">
            {field}
            <section
              aria-label={t("previewOf", { field: props.label })}
              lang={props.lang}
              className="min-w-0 rounded border border-dashed border-slate-300 bg-slate-50 px-3 py-2 text-sm text-slate-800"
              data-testid="markdown-preview"
            >
              {props.value.trim() ? (
                <Markdown text={props.value} paramPlaceholder={placeholder} />
              ) : (
                <p className="text-slate-600 italic">{t("previewEmpty")}</p>
              )}
            </section>
          </div>
        </div>
      ) : (
        field
      )}
      {props.hint && (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {props.error}
        </p>
      )}
    </div>
  );
}
