"use server";

import { revalidatePath } from "next/cache";
import * as z from "zod";
import { defineAction, type ActionFailure, type ActionResult } from "@/app/_lib/action";
import { getDb } from "@/db";
import { setSetting } from "@/db/mutations/settings";

export type SettingsResult = ActionResult<object, ActionFailure>;
export type SettingsState = SettingsResult | null;

// A checkbox posts "on" when ticked and nothing when not.
const settingsInput = z.object({ requireDraftApproval: z.literal("on").optional() });

/** Admins only: the wrapper checks before reading any input, and the mutation checks again. */
export const saveSettingsAction = defineAction(
  {
    action: "settings.manage",
    input: settingsInput,
    page: "/admin/settings",
    refuse: (refusal): ActionFailure => refusal,
    event: "settings.update",
    target: () => "catalog.requireDraftApproval",
    changes: (input) => ({ requireDraftApproval: input.requireDraftApproval === "on" }),
  },
  async (actor, input): Promise<SettingsResult> => {
    const result = await setSetting(await getDb(), actor, "catalog.requireDraftApproval", input.requireDraftApproval === "on");
    if (!result.ok) return { ok: false, error: result.error, fieldErrors: {} };
    revalidatePath("/", "layout");
    return { ok: true };
  },
);
