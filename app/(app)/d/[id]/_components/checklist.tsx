"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import type { DiagnosisActionResult } from "../actions";

export type ChecklistStepView = { title: string; titleLang?: string; detail: ReactNode };
export type StepCheck = { stepIndex: number; done: boolean; by: string | null; at: string };

type Toggle = (input: { diagnosisId: string; findingIndex: number; stepIndex: number; done: boolean }) => Promise<DiagnosisActionResult>;

/**
 * A finding's checklist as checkboxes anyone signed in can tick. The tick shows at once (optimistic) with the
 * current user as its author; the server's answer then replaces it, or the box springs back with a message.
 */
export function Checklist({
  diagnosisId,
  findingIndex,
  steps,
  checks,
  currentUserName,
  toggle,
}: {
  diagnosisId: string;
  findingIndex: number;
  steps: ChecklistStepView[];
  checks: StepCheck[];
  currentUserName: string;
  toggle: Toggle;
}) {
  const t = useTranslations("diagnosis.checklist");
  const format = useFormatter();
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const [optimistic, applyOptimistic] = useOptimistic(checks, (state: StepCheck[], change: StepCheck) => [
    ...state.filter((c) => c.stepIndex !== change.stepIndex),
    change,
  ]);
  const done = steps.filter((_, i) => optimistic.find((c) => c.stepIndex === i)?.done).length;

  return (
    <div>
      <p className="text-sm text-slate-600" aria-live="polite" data-testid={`checklist-progress-${findingIndex}`}>
        {t("progress", { done, total: steps.length })}
      </p>
      {error ? <Alert className="mt-2">{error}</Alert> : null}
      <ol className="mt-2 space-y-2" data-testid={`checklist-${findingIndex}`}>
        {steps.map((step, stepIndex) => {
          const check = optimistic.find((c) => c.stepIndex === stepIndex);
          const ticked = check?.done === true;
          const id = `step-${findingIndex}-${stepIndex}`;
          return (
            <li
              key={stepIndex}
              className={`flex gap-3 rounded-md border p-3 ${ticked ? "border-emerald-300 bg-emerald-50/60" : "border-slate-200 bg-white"}`}
            >
              <input
                id={id}
                type="checkbox"
                checked={ticked}
                aria-describedby={`${id}-detail`}
                onChange={(event) => {
                  const next = event.target.checked;
                  setError(null);
                  startTransition(async () => {
                    applyOptimistic({ stepIndex, done: next, by: currentUserName, at: new Date().toISOString() });
                    const result = await toggle({ diagnosisId, findingIndex, stepIndex, done: next });
                    if (result && !result.ok) setError(result.message);
                  });
                }}
                className="mt-0.5 h-5 w-5 shrink-0 cursor-pointer accent-blue-700"
              />
              <div className="min-w-0 flex-1">
                <label
                  htmlFor={id}
                  className={`cursor-pointer font-medium ${ticked ? "text-slate-700" : "text-slate-900"}`}
                  lang={step.titleLang}
                >
                  <span className="sr-only">{t("step", { n: stepIndex + 1 })} </span>
                  {step.title}
                </label>
                <div id={`${id}-detail`} className="mt-1 text-sm text-slate-700">
                  {step.detail}
                </div>
                {ticked && check ? (
                  <p className="mt-1.5 text-xs text-emerald-800" data-testid="tick-info">
                    {check.by ? t("tickedBy", { name: check.by }) : t("ticked")}
                    {" · "}
                    <time dateTime={check.at}>{format.dateTime(new Date(check.at), "minute")}</time>
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
