import { beforeEach, describe, expect, test, vi } from "vitest";
import * as z from "zod";

// The wrapper runs in-process: the signed-in user is `holder.user`, redirect() and forbidden() throw what they would show.
const holder = vi.hoisted(() => ({ user: null as { id: string; role: string; name: string; email: string; locale: null } | null }));
const audit = vi.hoisted(() => vi.fn());
vi.mock("server-only", () => ({}));
vi.mock("@/app/_lib/audit", () => ({ recordAudit: audit }));
vi.mock("@/app/_lib/auth", () => ({
  getCurrentUser: async () => holder.user,
  requireUser: async (next: string) => {
    if (holder.user) return holder.user;
    throw new Error(`redirect /sign-in?next=${next}`);
  },
}));
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  forbidden: () => {
    throw new Error("forbidden page");
  },
}));

const { defineAction } = await import("@/app/_lib/action");
type ActionFailure = import("@/app/_lib/action").ActionFailure;
type ActionResult<T extends object> = import("@/app/_lib/action").ActionResult<T>;
type Redirect = import("@/app/_lib/action").Redirect;

const viewer = { id: "u-viewer", role: "viewer", name: "V", email: "v@example.test", locale: null };
const editor = { id: "u-editor", role: "editor", name: "E", email: "e@example.test", locale: null };

const input = z.object({ code: z.string().trim().min(1, "codeRequired"), steps: z.coerce.number().int().max(3, "tooMany") });
type Result = ActionResult<{ by: string; parsed: z.output<typeof input> }>;
const handler = vi.fn(
  async (actor: { id: string }, parsed: z.output<typeof input>): Promise<Result> => ({ ok: true, by: actor.id, parsed }),
);
const inline = defineAction(
  { action: "entry.edit", input, refuse: (refusal): ActionFailure => refusal, target: (parsed) => parsed.code },
  handler,
);
const onPage = defineAction({ action: "entry.edit", input, page: "/errors/X/edit", refuse: (refusal): ActionFailure => refusal }, handler);

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

beforeEach(() => {
  holder.user = null;
  handler.mockClear();
  audit.mockClear();
});

describe("defineAction", () => {
  test("a role below the action's permission is refused before the input is read or the handler runs", async () => {
    holder.user = viewer;
    expect(await inline(null, form({ code: "X", steps: "1" }))).toEqual({ ok: false, error: "forbidden", fieldErrors: {} });
    await expect(onPage(null, form({ code: "X", steps: "1" }))).rejects.toThrow("forbidden page");
    expect(handler).not.toHaveBeenCalled();
    expect(audit).not.toHaveBeenCalled();
  });

  test("signed out: an inline form gets signedOut, a page's form is sent to sign-in and back", async () => {
    expect(await inline(null, form({ code: "X", steps: "1" }))).toEqual({ ok: false, error: "signedOut", fieldErrors: {} });
    await expect(onPage(null, form({ code: "X", steps: "1" }))).rejects.toThrow("redirect /sign-in?next=/errors/X/edit");
    expect(handler).not.toHaveBeenCalled();
  });

  test("bad input comes back as field errors per field, and nothing runs", async () => {
    holder.user = editor;
    expect(await inline(null, form({ code: "  ", steps: "9" }))).toEqual({
      ok: false,
      error: "invalid",
      fieldErrors: { code: "codeRequired", steps: "tooMany" },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(audit).not.toHaveBeenCalled();
  });

  test("good input reaches the handler parsed, and the audit hook hears the action, the actor and the target", async () => {
    holder.user = editor;
    expect(await inline(null, form({ code: " Throttling ", steps: "2" }))).toEqual({
      ok: true,
      by: "u-editor",
      parsed: { code: "Throttling", steps: 2 },
    });
    expect(handler).toHaveBeenCalledWith(editor, { code: "Throttling", steps: 2 });
    expect(audit).toHaveBeenCalledExactlyOnceWith({ actor: editor, action: "entry.edit", target: "Throttling" });
  });

  test("the audit hears the action's own event name, a target from the result and its summary of what changed", async () => {
    holder.user = editor;
    const saving = defineAction(
      {
        action: "entry.edit",
        input,
        refuse: (refusal) => refusal,
        event: (parsed) => `entry.steps-${parsed.steps}`,
        target: (_parsed, result) => (result?.ok ? `${String(result.by)}:made` : undefined),
        changes: (parsed) => ({ code: parsed.code }),
      },
      handler,
    );
    await saving(null, form({ code: "X", steps: "2" }));
    expect(audit).toHaveBeenCalledExactlyOnceWith({
      actor: editor,
      action: "entry.edit",
      event: "entry.steps-2",
      target: "u-editor:made",
      changes: { code: "X" },
    });
  });

  test("a handler's own failure is returned as is and not audited", async () => {
    holder.user = editor;
    const refusing = defineAction({ action: "entry.edit", input, refuse: (refusal) => refusal }, async () => ({
      ok: false as const,
      error: "conflict",
      fieldErrors: {},
    }));
    expect(await refusing(null, form({ code: "X", steps: "1" }))).toEqual({ ok: false, error: "conflict", fieldErrors: {} });
    expect(audit).not.toHaveBeenCalled();
  });

  test("a handler that answers a redirect is audited, and the redirect still happens", async () => {
    holder.user = viewer;
    const going = defineAction(
      { action: "diagnosis.run", input: z.object({}), refuse: (refusal) => refusal },
      async (): Promise<Redirect> => ({ ok: true, redirectTo: "/d/abc" }),
    );
    await expect(going(null, form({}))).rejects.toMatchObject({ digest: expect.stringContaining("/d/abc") });
    expect(audit).toHaveBeenCalledExactlyOnceWith({ actor: viewer, action: "diagnosis.run" });
  });

  test("a success without ok: true is a bug: it throws instead of reaching the form, and is not audited", async () => {
    holder.user = editor;
    // What the types forbid, as a handler written in plain JavaScript or cast with `as` could still do.
    const shapeless = defineAction({ action: "entry.edit", input, refuse: (refusal) => refusal }, (async () => ({
      revision: 3,
    })) as unknown as () => Promise<ActionResult<{ revision: number }>>);
    await expect(shapeless(null, form({ code: "X", steps: "1" }))).rejects.toThrow("answered without ok: true or ok: false");
    expect(audit).not.toHaveBeenCalled();
  });

  test("a public action runs signed out, with no actor, and is audited as public", async () => {
    type Switched = ActionResult<{ actor: unknown; locale: string }>;
    const open = defineAction(
      { action: "public", input: z.enum(["en", "zh-CN"]), raw: (value: unknown) => value, refuse: (refusal) => refusal },
      async (actor, locale): Promise<Switched> => ({ ok: true, actor, locale }),
    );
    expect(await open("en")).toEqual({ ok: true, actor: null, locale: "en" });
    expect(await open("fr")).toMatchObject({ ok: false, error: "invalid" });
    expect(audit).toHaveBeenCalledExactlyOnceWith({ actor: null, action: "public" });
  });
});
