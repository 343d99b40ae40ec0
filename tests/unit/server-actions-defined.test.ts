import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, expectTypeOf, test, vi } from "vitest";
import type { ActionResult } from "@/app/_lib/action";
// Type-only imports: nothing runs, the compiler (npm run typecheck) checks what each action answers.
import type * as localeActions from "@/app/_lib/locale-actions";
import type * as sessionActions from "@/app/_lib/session-actions";
import type * as userActions from "@/app/(app)/admin/users/actions";
import type * as keyActions from "@/app/(app)/admin/keys/actions";
import type * as guideActions from "@/app/(app)/errors/[code]/edit/actions";
import type * as diagnoseActions from "@/app/(app)/diagnose/actions";
import type * as diagnosisActions from "@/app/(app)/d/[id]/actions";
import type * as setupActions from "@/app/(auth)/setup/actions";
import type * as libThemeActionsModule from "@/app/_lib/theme-actions";
import type * as appErrorsCodeActionsModule from "@/app/(app)/errors/[code]/actions";
import type * as appErrorsNewActionsModule from "@/app/(app)/errors/new/actions";
import type * as appAdminSettingsActionsModule from "@/app/(app)/admin/settings/actions";
import type * as appErrorsCodeHistoryActionsModule from "@/app/(app)/errors/[code]/history/actions";
import type * as appErrorsUpdatesActionsModule from "@/app/(app)/errors/updates/actions";
import type * as appDIdCheckActionsModule from "@/app/(app)/d/[id]/check-actions";

vi.mock("server-only", () => ({}));

const { isDefinedAction } = await import("@/app/_lib/action");

/**
 * Outside the wrapper on purpose. Setup: its per-address rate limit and "only while nobody exists" check must run
 * before any input is read, and the anonymous first admin has no actor or permission to check.
 */
const OUTSIDE = new Set(["app/(auth)/setup/actions.ts"]);

const serverActionFiles = readdirSync("app", { recursive: true, encoding: "utf8" })
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => join("app", file))
  .filter((file) => /^\s*["']use server["']/.test(readFileSync(file, "utf8")));

/** Everything the functions a module exports answer (a never-returning action, such as sign-out, adds nothing). */
type AnswersOf<Module> = {
  [Name in keyof Module]: Module[Name] extends (...args: never[]) => Promise<infer Answer> ? Answer : never;
}[keyof Module];

/** `true` when every answer of the module is an ActionResult (no answers at all, as sign-out, passes too). */
type AnswersAreResults<Module> = [AnswersOf<Module>] extends [ActionResult] ? true : false;

/** Each server action file, with the check that all its actions answer the one result shape. Add a new file here. */
const RESULT_SHAPE_CHECKED: Record<string, () => void> = {
  "app/_lib/locale-actions.ts": () => expectTypeOf<AnswersAreResults<typeof localeActions>>().toEqualTypeOf<true>(),
  "app/_lib/session-actions.ts": () => expectTypeOf<AnswersAreResults<typeof sessionActions>>().toEqualTypeOf<true>(),
  "app/(app)/admin/users/actions.ts": () => expectTypeOf<AnswersAreResults<typeof userActions>>().toEqualTypeOf<true>(),
  "app/(app)/admin/keys/actions.ts": () => expectTypeOf<AnswersAreResults<typeof keyActions>>().toEqualTypeOf<true>(),
  "app/(app)/errors/[code]/edit/actions.ts": () => expectTypeOf<AnswersAreResults<typeof guideActions>>().toEqualTypeOf<true>(),
  "app/(app)/diagnose/actions.ts": () => expectTypeOf<AnswersAreResults<typeof diagnoseActions>>().toEqualTypeOf<true>(),
  "app/(app)/d/[id]/actions.ts": () => expectTypeOf<AnswersAreResults<typeof diagnosisActions>>().toEqualTypeOf<true>(),
  "app/(auth)/setup/actions.ts": () => expectTypeOf<AnswersAreResults<typeof setupActions>>().toEqualTypeOf<true>(),
  "app/_lib/theme-actions.ts": () => expectTypeOf<AnswersAreResults<typeof libThemeActionsModule>>().toEqualTypeOf<true>(),
  "app/(app)/errors/[code]/actions.ts": () => expectTypeOf<AnswersAreResults<typeof appErrorsCodeActionsModule>>().toEqualTypeOf<true>(),
  "app/(app)/errors/new/actions.ts": () => expectTypeOf<AnswersAreResults<typeof appErrorsNewActionsModule>>().toEqualTypeOf<true>(),
  "app/(app)/admin/settings/actions.ts": () =>
    expectTypeOf<AnswersAreResults<typeof appAdminSettingsActionsModule>>().toEqualTypeOf<true>(),
  "app/(app)/errors/[code]/history/actions.ts": () =>
    expectTypeOf<AnswersAreResults<typeof appErrorsCodeHistoryActionsModule>>().toEqualTypeOf<true>(),
  "app/(app)/errors/updates/actions.ts": () =>
    expectTypeOf<AnswersAreResults<typeof appErrorsUpdatesActionsModule>>().toEqualTypeOf<true>(),
  "app/(app)/d/[id]/check-actions.ts": () => expectTypeOf<AnswersAreResults<typeof appDIdCheckActionsModule>>().toEqualTypeOf<true>(),
};

describe("server actions", () => {
  test("the scan finds the server action files", () => {
    expect(serverActionFiles.length).toBeGreaterThanOrEqual(7);
  });

  test.each(serverActionFiles.filter((file) => !OUTSIDE.has(file)))(
    "every function %s exports is built with defineAction",
    async (file) => {
      const exported = await import(`@/${file}`);
      const functions = Object.entries(exported).filter(([, value]) => typeof value === "function");
      expect(functions.length).toBeGreaterThan(0);
      expect(functions.filter(([, value]) => !isDefinedAction(value)).map(([name]) => name)).toEqual([]);
    },
  );

  // The type check above proves each listed file's actions answer {ok: true, …} or {ok: false, error, fieldErrors};
  // this keeps the list complete, so a new action file cannot answer some other shape unnoticed.
  test("every server action file has its answers checked against ActionResult (ok: true on success)", () => {
    expect(Object.keys(RESULT_SHAPE_CHECKED).sort()).toEqual([...serverActionFiles].sort());
    for (const check of Object.values(RESULT_SHAPE_CHECKED)) check();
  });
});
