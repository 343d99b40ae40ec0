import "server-only";
import { forbidden, redirect } from "next/navigation";
import type * as z from "zod";
import { can, type Action } from "@/domain/auth/permissions";
import { fieldErrorsByPath, type FieldErrors } from "@/domain/validation/field-errors";
import { getCurrentUser, requireUser, type CurrentUser } from "./auth";
import { type AuditEvent, recordAudit } from "./audit";

export type { FieldErrors } from "@/domain/validation/field-errors";

/** The one success shape every server action answers with: `ok: true` and what the form shows (a name, a new id…). */
export type ActionSuccess<T extends object = object> = { ok: true } & T;

/** The one failure shape every server action answers with; a form may add its own fields (echoed values, a translated message). */
export type ActionFailure<E extends string = string, Extra extends object = object> = {
  ok: false;
  error: E;
  fieldErrors: FieldErrors;
} & Extra;

/** What a server action answers: its success or its failure. A form's `useActionState` adds `null` (nothing sent yet). */
export type ActionResult<T extends object = object, F extends ActionFailure = ActionFailure> = ActionSuccess<T> | F;

/**
 * A success that ends on another page (the new diagnosis, sign-in after sign-out): the wrapper records the audit
 * event and then redirects, so the handler never throws Next's redirect through the audit hook. (A handler that
 * calls redirect() itself would skip the audit: answer a Redirect instead.)
 */
export type Redirect = ActionSuccess<{ redirectTo: string }>;

/** Answers of a defined action, as its caller sees them: a Redirect never comes back. */
type Answer<R> = Exclude<R, Redirect>;

/**
 * The handler's answer as the audit options see it: its fields, untyped. (Typed as the handler's answer, the options
 * would fix the answer's type before the handler is read, and every form would lose its own.)
 */
type AnswerFields = { readonly [field: string]: unknown };

/** What the wrapper itself refuses before the handler runs. */
export type Refusal = ActionFailure<"signedOut" | "forbidden" | "invalid">;

/** Every function defineAction built, so a test can tell them from hand-written actions. */
const definedActions = new WeakSet<object>();

export function isDefinedAction(value: unknown): boolean {
  return typeof value === "function" && definedActions.has(value);
}

type ActorFor<A> = A extends "public" ? CurrentUser | null : CurrentUser;

type Options<A extends Action | "public", S extends z.ZodType, Args extends unknown[], F> = {
  /** The permission (domain/auth/permissions.ts), or "public" for what anyone may call (language, sign-out). */
  action: A;
  input: S;
  /**
   * Forms of pages that need the permission to render: signed out redirects to sign-in and back to this path,
   * a too-low role shows the 403 page. Without it both come back as a Refusal, for forms that report them inline.
   */
  page?: string;
  /** Builds the raw input from the call's arguments. Default: the FormData of `(previousState, formData)` as an object. */
  raw?: (...args: Args) => unknown;
  /** How this form shows a Refusal (translated message, echoed values…). */
  refuse: (refusal: Refusal, raw: unknown) => F | Promise<F>;
  /** The audit event's kind when the permission is too coarse (`user.create` under users.manage). */
  event?: string | ((input: z.output<S>) => string);
  /** What the audit event names as the target, from the parsed input (and the answer, when it made the thing). */
  target?: (input: z.output<S>, result: AnswerFields | undefined) => string | undefined;
  /** What changed, for the audit log: a small summary, never a password, a key or pasted text (the log also drops such keys and redacts every value). */
  changes?: (input: z.output<S>, result: AnswerFields | undefined) => Record<string, unknown> | undefined;
};

/**
 * The one way to write a server action (they are public endpoints): resolves the actor and checks
 * `can(actor, action)`, parses the input with zod, runs the handler with the parsed value, and reports
 * every success (`ok: true`, or a `Redirect` it then follows) to the audit log, with what changed. Answers are ActionResults; one
 * without `ok: true` or `ok: false` is a bug and throws (tests/unit/define-action.test.ts).
 *
 *   export const revokeKeyAction = defineAction({ action: "apiKeys.manage", input: revokeInput, page: "/admin/keys", refuse }, async (actor, input) => …);
 */
export function defineAction<
  A extends Action | "public",
  S extends z.ZodType,
  R extends ActionResult,
  F extends ActionFailure,
  Args extends unknown[] = [previous: unknown, formData: FormData],
>(
  options: Options<A, S, Args, F>,
  handler: (actor: ActorFor<A>, input: z.output<S>) => Promise<R>,
): (...args: Args) => Promise<Answer<R> | F> {
  const run = async (...args: Args): Promise<Answer<R> | F> => {
    const actor = options.action === "public" ? await getCurrentUser() : await signedInActor(options.page);
    if (options.action !== "public") {
      if (!actor) return options.refuse(refusal("signedOut"), undefined);
      if (!can(actor, options.action)) {
        if (options.page) forbidden();
        return options.refuse(refusal("forbidden"), undefined);
      }
    }
    const raw = options.raw ? options.raw(...args) : formObject(args[1]);
    const parsed = options.input.safeParse(raw);
    if (!parsed.success) return options.refuse(refusal("invalid", fieldErrorsByPath(parsed.error)), raw);
    const result = await handler(actor as ActorFor<A>, parsed.data);
    if (!isResult(result)) throw new TypeError(`A server action (${options.action}) answered without ok: true or ok: false`);
    if (!result.ok) return result as Answer<R>;
    await recordAudit(auditEvent(options, actor, parsed.data, result));
    if ("redirectTo" in result && typeof result.redirectTo === "string") redirect(result.redirectTo);
    return result as Answer<R>;
  };
  definedActions.add(run);
  return run;
}

function auditEvent<A extends Action | "public", S extends z.ZodType, Args extends unknown[], F>(
  options: Options<A, S, Args, F>,
  actor: CurrentUser | null,
  input: z.output<S>,
  result: AnswerFields | undefined,
): AuditEvent {
  const target = options.target?.(input, result);
  const changes = options.changes?.(input, result);
  return {
    actor,
    action: options.action,
    ...(options.event ? { event: typeof options.event === "string" ? options.event : options.event(input) } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(changes ? { changes } : {}),
  };
}

async function signedInActor(page: string | undefined): Promise<CurrentUser | null> {
  return page ? requireUser(page) : getCurrentUser();
}

function refusal(error: Refusal["error"], fieldErrors: FieldErrors = {}): Refusal {
  return { ok: false, error, fieldErrors };
}

/** Checked at run time too: a success without `ok: true` would be shown as neither success nor failure by its form. */
function isResult(result: unknown): result is ActionResult {
  if (typeof result !== "object" || result === null) return false;
  const { ok } = result as { ok?: unknown };
  return ok === true || ok === false;
}

/** A FormData as a plain object: one value per name, or all of them when a name repeats (checkbox groups). */
function formObject(value: unknown): Record<string, unknown> {
  if (!(value instanceof FormData)) return {};
  const out: Record<string, unknown> = {};
  for (const name of new Set(value.keys())) {
    const all = value.getAll(name);
    out[name] = all.length === 1 ? all[0] : all;
  }
  return out;
}
