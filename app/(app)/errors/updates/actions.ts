"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import * as z from "zod";
import { type ActionFailure, type ActionResult, defineAction, type Refusal } from "@/app/_lib/action";
import { getDb } from "@/db";
import { applyChanges, type ChangeSource, previewChanges } from "@/db/mutations/catalog-changes";
import { parseCatalogFile } from "@/domain/catalog/catalog-file";
import type { CatalogChangePreview } from "@/domain/catalog/change-preview";
import { parseVendorErrorPage } from "@/domain/catalog/vendor-doc";
import { redactText } from "@/domain/redaction";
import { storable } from "@/domain/text/storable-schema";
import { fileProblemMessage } from "./file-problem-message";

export type ChangeKind = ChangeSource["kind"];

type ChangeFailure = ActionFailure<string, { message: string }>;
type StaleFailure = ActionFailure<"stale", { message: string; preview: CatalogChangePreview; fingerprint: string }>;
export type PreviewState = ActionResult<{ preview: CatalogChangePreview; fingerprint: string }, ChangeFailure>;
export type ApplyState = ActionResult<{ preview: CatalogChangePreview }, StaleFailure | ChangeFailure>;

/** What a form may send: the pasted or uploaded text (the action body limit, 4 MB, bounds it first). */
const MAX_CONTENT = 3_000_000;
const content = storable(z.string().min(1).max(MAX_CONTENT));
const previewInput = z.object({ kind: z.enum(["vendorPage", "catalogFile"]), content });
const applyInput = previewInput.extend({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/) });

async function refuse(refusal: Refusal): Promise<ChangeFailure> {
  const t = await getTranslations("curation.errors");
  const error = refusal.error === "invalid" && refusal.fieldErrors.content ? "contentInvalid" : refusal.error;
  return { ok: false, error, message: t(error as "forbidden"), fieldErrors: refusal.fieldErrors };
}

/** The text as a change source, or the localized reason it is refused (nothing is written either way). */
async function sourceOf(kind: ChangeKind, text: string): Promise<{ ok: true; source: ChangeSource } | ChangeFailure> {
  const t = await getTranslations("curation.errors");
  if (kind === "vendorPage") {
    // A pasted page is stored as messages, so it goes through redaction like every paste. A catalog file is
    // the team's documentation (it names PEM headers and key formats on purpose) and is kept verbatim, as the editor keeps it.
    const facts = parseVendorErrorPage(redactText(text));
    if (facts.length === 0) return { ok: false, error: "noVendorRows", message: t("noVendorRows"), fieldErrors: {} };
    return { ok: true, source: { kind, facts } };
  }
  const parsed = parseCatalogFile(text);
  if (!parsed.ok) return { ok: false, error: "invalidFile", message: await fileProblemMessage(parsed), fieldErrors: {} };
  return { ok: true, source: { kind, entries: parsed.entries } };
}

/** What a preview or an apply touched, for the audit log: the codes, never the text. */
function changedCodes(result: { readonly [field: string]: unknown } | undefined) {
  const preview = result?.preview as CatalogChangePreview | undefined;
  if (!preview) return undefined;
  return { added: preview.added.map((e) => e.code), changed: preview.changed.map((e) => e.code), unchanged: preview.unchanged.length };
}

/** Writes nothing, but is logged (as every action is): who reviewed which page, and what it would change. */
export const previewCatalogChangesAction = defineAction(
  {
    action: "catalog.import",
    input: previewInput,
    raw: (kind: ChangeKind, text: string) => ({ kind, content: text }),
    refuse,
    event: "catalog.preview",
    target: (input) => input.kind,
    changes: (_input, result) => changedCodes(result),
  },
  async (_actor, input): Promise<PreviewState> => {
    const source = await sourceOf(input.kind, input.content);
    if (!source.ok) return source;
    return { ok: true, ...(await previewChanges(await getDb(), source.source)) };
  },
);

export const applyCatalogChangesAction = defineAction(
  {
    action: "catalog.import",
    input: applyInput,
    raw: (kind: ChangeKind, text: string, fingerprint: string) => ({ kind, content: text, fingerprint }),
    refuse,
    event: "catalog.apply",
    target: (input) => input.kind,
    changes: (_input, result) => changedCodes(result),
  },
  async (actor, input): Promise<ApplyState> => {
    const source = await sourceOf(input.kind, input.content);
    if (!source.ok) return source;
    const result = await applyChanges(await getDb(), actor, source.source, input.fingerprint);
    if (!result.ok) {
      const t = await getTranslations("curation.errors");
      if (result.error === "stale") return { ...result, message: t("stale"), fieldErrors: {} };
      return { ok: false, error: result.error, message: t(result.error), fieldErrors: {} };
    }
    revalidatePath("/errors", "layout");
    return { ok: true, preview: result.preview };
  },
);
