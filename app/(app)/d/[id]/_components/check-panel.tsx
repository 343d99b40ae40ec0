"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { controlBorderClass, Field } from "@/components/ui/field";
import type { CheckKind } from "@/domain/checks/registry";
import type { CheckResult } from "@/domain/checks/types";
import type { CheckActionState } from "../check-actions";
import { CHECK_FIELDS } from "./check-fields";
import { CheckResultView } from "./check-result";
import { SignWithSecret } from "./sign-with-secret";

export type RunCheck = (input: { diagnosisId: string; findingIndex: number; check: Record<string, unknown> }) => Promise<CheckActionState>;
export type ReportCheck = (input: { diagnosisId: string; findingIndex: number; result: CheckResult }) => Promise<CheckActionState>;

type Props = {
  diagnosisId: string;
  findingIndex: number;
  kind: CheckKind;
  prefill: Record<string, string>;
  saved: CheckResult | null;
  lastRun: string | null;
  run: RunCheck;
  report: ReportCheck;
};

/**
 * One check of a finding: its form, run on the server (or, for the certificate and key, in this browser, and only
 * the result sent), and the last result, which is saved on the diagnosis and shown to everyone with the link.
 */
export function CheckPanel({ diagnosisId, findingIndex, kind, prefill, saved, lastRun, run, report }: Props) {
  const t = useTranslations("diagnosis.checks");
  const [values, setValues] = useState<Record<string, string>>(prefill);
  const [state, setState] = useState<CheckActionState>(null);
  const [pending, startTransition] = useTransition();
  const idPrefix = `check-${findingIndex}-${kind}`;
  const result = state?.ok ? state.result : saved;
  const errors = state && !state.ok ? state.fieldErrors : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      if (kind !== "cert") {
        setState(await run({ diagnosisId, findingIndex, check: { kind, ...values } }));
        return;
      }
      try {
        // The X.509 code (about 60 KB) loads when someone runs this check, not with every diagnosis.
        const [{ checkCertificate }, { browserCertificateReader }] = await Promise.all([
          import("@/domain/checks/cert"),
          import("@/components/checks/browser-crypto"),
        ]);
        // The key is read here and dropped with this closure; only the result (no key material) is sent.
        const computed = await checkCertificate(
          {
            cert: values.cert ?? "",
            key: values.key?.trim() ? values.key : undefined,
            domain: values.domain?.trim() || undefined,
            at: new Date(),
          },
          browserCertificateReader,
        );
        setState(await report({ diagnosisId, findingIndex, result: computed }));
      } catch {
        setState({ ok: false, error: "browser", message: t("errors.browser"), fieldErrors: {} });
      }
    });
  };

  return (
    <details className="rounded-md border border-slate-200" open={!!saved || undefined} data-testid={`check-${kind}`}>
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-900">{t(`kinds.${kind}`)}</summary>
      <form onSubmit={submit} noValidate className="space-y-3 px-3 pb-3">
        {kind === "cert" ? <p className="text-xs text-slate-600">{t("browserOnly")}</p> : null}
        {CHECK_FIELDS[kind].map((field) => (
          <Field
            key={field.name}
            id={`${idPrefix}-${field.name}`}
            label={t(`fields.${field.label ?? field.name}`)}
            error={errors[field.name]}
            alert
          >
            {(control) => {
              const common = {
                ...control,
                name: field.name,
                value: values[field.name] ?? "",
                onChange: (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field.name]: event.target.value })),
                className: `mt-1 block w-full rounded-md border bg-white px-2 py-1.5 font-mono text-xs ${controlBorderClass(!!errors[field.name])}`,
                spellCheck: false,
                autoComplete: "off",
              };
              return field.multiline ? (
                <textarea {...common} rows={4} />
              ) : (
                <input {...common} type="text" inputMode={field.numeric ? "numeric" : undefined} />
              );
            }}
          </Field>
        ))}
        {state && !state.ok && Object.keys(state.fieldErrors).length === 0 ? (
          <p role="alert" className="text-sm text-red-700">
            {state.message}
          </p>
        ) : null}
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? t("running") : t("run")}
        </Button>
        {result ? <CheckResultView result={result} /> : null}
        {result && !state?.ok ? <p className="text-xs text-slate-600">{lastRun}</p> : null}
      </form>
      {kind === "signature" ? <SignWithSecret idPrefix={idPrefix} initial={values.client ?? ""} /> : null}
    </details>
  );
}
