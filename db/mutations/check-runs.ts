import { eq, sql } from "drizzle-orm";
import { can, type Actor } from "../../domain/auth/permissions";
import { reportedCheckResult } from "../../domain/checks/input";
import { checksForCode } from "../../domain/checks/registry";
import type { CheckResult } from "../../domain/checks/types";
import { fromStoredResult } from "../../domain/diagnosis-service/stored";
import { redactDeep } from "../../domain/redaction";
import { fieldErrorsByField } from "../../domain/validation/field-errors";
import { diagnoses, diagnosisCheckRuns } from "../schema";
import type { Db } from "../types";
import type { MutationFailure } from "./diagnoses";

export type SaveCheckRunInput = { diagnosisId: string; findingIndex: number; result: CheckResult };

/**
 * Keeps a check's result on a finding of a diagnosis (the last run of each kind), so the share link shows it.
 * The kind must serve the finding's code; the result is checked for shape and size and redacted like any stored text.
 */
export async function saveCheckRun(db: Db, actor: Actor, input: SaveCheckRunInput): Promise<{ ok: true } | MutationFailure> {
  if (!can(actor, "diagnosis.annotate")) return { ok: false, error: "forbidden" };
  const parsed = reportedCheckResult.safeParse(input.result);
  if (!parsed.success) return { ok: false, error: "invalid", fieldErrors: fieldErrorsByField(parsed.error) };
  const [row] = await db.select({ result: diagnoses.result }).from(diagnoses).where(eq(diagnoses.id, input.diagnosisId)).limit(1);
  if (!row) return { ok: false, error: "not_found" };
  const finding = fromStoredResult(row.result).findings[input.findingIndex];
  const code = finding?.match?.entry ?? finding?.code;
  if (!code || !checksForCode(code).includes(parsed.data.check)) {
    return { ok: false, error: "invalid", fieldErrors: { findingIndex: "findingInvalid" } };
  }
  const result = redactDeep(parsed.data) as CheckResult;
  const { diagnosisId, findingIndex } = input;
  await db.transaction(async (tx) => {
    await tx
      .insert(diagnosisCheckRuns)
      .values({ diagnosisId, findingIndex, kind: result.check, result, ranBy: actor.id, ranAt: sql`now()` })
      .onConflictDoUpdate({
        target: [diagnosisCheckRuns.diagnosisId, diagnosisCheckRuns.findingIndex, diagnosisCheckRuns.kind],
        set: { result, ranBy: actor.id, ranAt: sql`now()` },
      });
    await tx.update(diagnoses).set({ updatedAt: sql`now()` }).where(eq(diagnoses.id, diagnosisId));
  });
  return { ok: true };
}
