import { useId } from "react";

/** A labelled text input or textarea with an optional hint and error, both tied to it by `aria-describedby`. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  lang?: string;
  multiline?: boolean;
  error?: string;
  hint?: string;
  required?: boolean;
}) {
  const id = useId();
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
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm text-slate-700">
        {props.label}
      </label>
      {props.multiline ? (
        <textarea {...common} rows={4} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => props.onChange(e.target.value)} />
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
