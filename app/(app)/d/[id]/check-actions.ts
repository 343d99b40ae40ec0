"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { type ActionFailure, type ActionResult, defineAction, type Refusal } from "@/app/_lib/action";
import { dnsResolver } from "@/adapters/checks-node";
import { getDb } from "@/db";
import { saveCheckRun } from "@/db/mutations/check-runs";
import type { MutationFailure } from "@/db/mutations/diagnoses";
import { reportCheckInput, runCheckInput } from "@/domain/checks/input";
import { runServerCheck } from "@/domain/checks/run";
import type { CheckResult } from "@/domain/checks/types";

/** A check's answer for the panel: the result (also saved on the diagnosis), or why it was not run, translated. */
type CheckActionFailure = ActionFailure<string, { message: string }>;
export type CheckActionResult = ActionResult<{ result: CheckResult; at: number }, CheckActionFailure>;
export type CheckActionState = CheckActionResult | null;

async function refuse(refusal: Refusal | MutationFailure): Promise<CheckActionFailure> {
  const t = await getTranslations("diagnosis.checks.errors");
  if (refusal.error !== "invalid") {
    const error = refusal.error === "not_found" ? "notFound" : refusal.error;
    return { ok: false, error, message: t(error), fieldErrors: {} };
  }
  // `check.domain` → `domain`: the panel marks its own fields.
  const fieldErrors = Object.fromEntries(
    Object.entries(refusal.fieldErrors).map(([path, key]) => [
      path.replace(/^check\./, ""),
      t.has(`fields.${key}`) ? t(`fields.${key}` as "fields.required") : t("invalid"),
    ]),
  );
  return { ok: false, error: "invalid", message: Object.values(fieldErrors)[0] ?? t("invalid"), fieldErrors };
}

async function saved(
  actor: { id: string; role: string },
  diagnosisId: string,
  findingIndex: number,
  result: CheckResult,
): Promise<CheckActionResult> {
  const stored = await saveCheckRun(await getDb(), actor, { diagnosisId, findingIndex, result });
  if (!stored.ok) return refuse(stored);
  refresh();
  return { ok: true, result, at: Date.now() };
}

function resultOf(answer: { readonly [field: string]: unknown } | undefined): CheckResult | undefined {
  return answer?.result as CheckResult | undefined;
}

/** Runs a check on the server (DNS lookups, timestamp, strings to sign, the UI-only checks) and saves its result. */
export const runCheckAction = defineAction(
  {
    action: "diagnosis.annotate",
    input: runCheckInput,
    raw: (input: { diagnosisId: string; findingIndex: number; check: Record<string, unknown> }) => input,
    refuse,
    event: "diagnosis.run-check",
    target: (parsed) => parsed.diagnosisId,
    // The kind and verdict only: the check's fields hold pasted strings to sign and policies.
    changes: (parsed, answer) => ({ findingIndex: parsed.findingIndex, check: parsed.check.kind, ok: resultOf(answer)?.ok }),
  },
  async (actor, { diagnosisId, findingIndex, check }) =>
    saved(actor, diagnosisId, findingIndex, await runServerCheck(check, { dns: dnsResolver(), now: () => new Date() })),
);

/** Saves a result computed in the browser (the cert check: the private key never leaves it); only the result arrives. */
export const reportCheckAction = defineAction(
  {
    action: "diagnosis.annotate",
    input: reportCheckInput,
    raw: (input: { diagnosisId: string; findingIndex: number; result: CheckResult }) => input,
    refuse,
    event: "diagnosis.report-check",
    target: (parsed) => parsed.diagnosisId,
    changes: (parsed) => ({ findingIndex: parsed.findingIndex, check: parsed.result.check, ok: parsed.result.ok }),
  },
  async (actor, { diagnosisId, findingIndex, result }) => saved(actor, diagnosisId, findingIndex, result as CheckResult),
);
