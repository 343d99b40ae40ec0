import type { ComponentProps, KeyboardEvent, ReactNode } from "react";

/** What a control needs to be named by its label and described by its hint and error. */
export type FieldControlProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/**
 * A form control with its label, hint and error, wired to it through htmlFor, aria-describedby and aria-invalid,
 * as every form here needs. `children` renders the control (or a row holding it) with those props. With `alert`,
 * the error is announced as it appears (role="alert"): for forms that stay on the page and focus the field.
 */
export function Field({
  id,
  label,
  hint,
  error,
  alert = false,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  alert?: boolean;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-900">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <FieldError id={errorId} alert={alert}>
          {error}
        </FieldError>
      ) : null}
    </div>
  );
}

/** A field's error under it; on its own for controls Field does not lay out (a fieldset of checkboxes or radios). */
export function FieldError({ id, alert = false, children }: { id?: string; alert?: boolean; children: ReactNode }) {
  return (
    <p id={id} role={alert ? "alert" : undefined} className="mt-1 text-sm text-red-700">
      {children}
    </p>
  );
}

/** A labelled text input, the common case of Field. */
export function FormField({
  id,
  label,
  error,
  hint,
  className,
  ...input
}: { id: string; label: string; error?: string; hint?: string } & ComponentProps<"input">) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <input {...control} className={`mt-1 block w-full rounded border px-3 py-2 ${controlBorderClass(!!error)}`} {...input} />
      )}
    </Field>
  );
}

/** Ctrl+Enter (⌘+Enter on a Mac) in a text box submits its form, so a long paste or note needs no reach for the mouse. */
export function submitOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>): void {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    event.currentTarget.form?.requestSubmit();
  }
}

/** The border every text control shows: red while its field has an error, so an invalid field reads the same everywhere. */
export function controlBorderClass(invalid: boolean): string {
  return invalid ? "border-red-600" : "border-slate-400";
}
