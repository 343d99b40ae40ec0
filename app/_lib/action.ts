import "server-only";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { forbidden } from "next/navigation";
import type * as z from "zod";
import { can, type Action } from "@/domain/auth/permissions";
import { fieldErrorsByPath, type FieldErrors } from "@/domain/validation/field-errors";
import { getCurrentUser, requireUser, type CurrentUser } from "./auth";
import { recordAudit, type AuditEvent } from "./audit";

export type { FieldErrors } from "@/domain/validation/field-errors";

/** The one failure shape every server action answers with; a form may add its own fields (echoed values, a translated message). */
export type ActionFailure<E extends string = string> = { ok: false; error: E; fieldErrors: FieldErrors };

/** What the wrapper itself refuses before the handler runs. */
export type Refusal = ActionFailure<"signedOut" | "forbidden" | "invalid">;

/** Every function defineAction built, so a test can tell them from hand-written actions. */
const definedActions = new WeakSet<object>();

export function isDefinedAction(value: unknown): boolean {
  return typeof value === "function" && definedActions.has(value);
}

type ActorFor<A> = A extends "public" ? CurrentUser | null : CurrentUser;

type Options<A extends Action | "public", S extends z.ZodType, Args extends unknown[], R> = {
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
  refuse: (refusal: Refusal, raw: unknown) => R | Promise<R>;
  /** The audit event's kind when the permission is too coarse (`user.create` under users.manage). */
  event?: string | ((input: z.output<S>) => string);
  /** What the audit event names as the target, from the parsed input (and the result, when it made the thing). */
  target?: (input: z.output<S>, result: R | undefined) => string | undefined;
  /**
   * What changed, for the audit log: a small summary, never a password, a key or pasted text (the log also
   * drops such keys and redacts every value). `result` is undefined when the handler ended in a redirect.
   */
  changes?: (input: z.output<S>, result: R | undefined) => Record<string, unknown> | undefined;
};

/**
 * The one way to write a server action (they are public endpoints): resolves the actor and checks
 * `can(actor, action)`, parses the input with zod, runs the handler with the parsed value, and reports
 * every success (an answer without `ok: false`, or a redirect) to the audit log, with what changed.
 *
 *   export const revokeKeyAction = defineAction({ action: "apiKeys.manage", input: revokeInput, page: "/admin/keys", refuse }, async (actor, input) => …);
 */
export function defineAction<
  A extends Action | "public",
  S extends z.ZodType,
  R,
  Args extends unknown[] = [previous: unknown, formData: FormData],
>(options: Options<A, S, Args, R>, handler: (actor: ActorFor<A>, input: z.output<S>) => Promise<R>): (...args: Args) => Promise<R> {
  const run = async (...args: Args): Promise<R> => {
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
    const audit = (result: R | undefined) => recordAudit(auditEvent(options, actor, parsed.data, result));
    let result: R;
    try {
      result = await handler(actor as ActorFor<A>, parsed.data);
    } catch (error) {
      // A handler that ends by going to its result (a new diagnosis, sign-in after sign-out) succeeded too.
      if (isRedirectError(error)) await audit(undefined);
      throw error;
    }
    if (!isFailure(result)) await audit(result);
    return result;
  };
  definedActions.add(run);
  return run;
}

function auditEvent<A extends Action | "public", S extends z.ZodType, Args extends unknown[], R>(
  options: Options<A, S, Args, R>,
  actor: CurrentUser | null,
  input: z.output<S>,
  result: R | undefined,
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

function isFailure(result: unknown): boolean {
  return typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === false;
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
