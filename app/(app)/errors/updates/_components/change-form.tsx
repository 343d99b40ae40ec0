"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState, useTransition } from "react";
import { ChangePreview } from "@/components/catalog/change-preview";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { CatalogChangePreview } from "@/domain/catalog/change-preview";
import { applyCatalogChangesAction, type ChangeKind, previewCatalogChangesAction } from "../actions";

const ACCEPTED_FILES: Record<ChangeKind, string> = {
  vendorPage: ".txt,.md,text/plain,text/markdown",
  catalogFile: ".json,.csv,application/json,text/csv",
};

type Shown = { preview: CatalogChangePreview; fingerprint: string } | null;

/**
 * Paste or choose a file, preview, then apply: the apply sends the preview's fingerprint, so what is
 * written is what was reviewed (a catalog changed meanwhile comes back as a new preview).
 */
export function ChangeForm({ kind }: { kind: ChangeKind }) {
  const t = useTranslations(`curation.${kind}`);
  const tc = useTranslations("curation");
  const id = useId();
  const router = useRouter();
  const [text, setText] = useState("");
  const [shown, setShown] = useState<Shown>(null);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<CatalogChangePreview | null>(null);
  const [pending, startTransition] = useTransition();

  function edit(value: string) {
    setText(value);
    setShown(null);
    setApplied(null);
  }

  async function chooseFile(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (file) edit(await file.text());
  }

  function preview(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await previewCatalogChangesAction(kind, text);
      setApplied(null);
      setError(result.ok ? null : result.message);
      setShown(result.ok ? result : null);
    });
  }

  function apply() {
    if (!shown) return;
    startTransition(async () => {
      const result = await applyCatalogChangesAction(kind, text, shown.fingerprint);
      if (result.ok) {
        setShown(null);
        setError(null);
        setApplied(result.preview);
        router.refresh();
        return;
      }
      setError(result.message);
      setShown("preview" in result ? { preview: result.preview, fingerprint: result.fingerprint } : null);
    });
  }

  const hasChanges = shown ? shown.preview.added.length + shown.preview.changed.length > 0 : false;
  return (
    <form onSubmit={preview} className="mt-2 space-y-3">
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <div>
        <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-900">
          {t("textLabel")}
        </label>
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(event) => edit(event.target.value)}
          rows={8}
          spellCheck={false}
          className="mt-1 w-full rounded-md border border-slate-300 p-2 font-mono text-sm"
        />
      </div>
      <div>
        <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-900">
          {t("fileLabel")}
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept={ACCEPTED_FILES[kind]}
          onChange={chooseFile}
          className="mt-1 block max-w-full text-sm"
        />
      </div>
      <Button type="submit" variant={shown ? "secondary" : "primary"} disabled={pending || !text.trim()}>
        {pending && !shown ? tc("working") : tc("previewButton")}
      </Button>
      {error ? <Alert>{error}</Alert> : null}
      {shown ? (
        <>
          <ChangePreview preview={shown.preview} headingId={`${id}-preview`} />
          {hasChanges ? (
            <Button variant="primary" onClick={apply} disabled={pending}>
              {pending ? tc("working") : t("apply")}
            </Button>
          ) : null}
        </>
      ) : null}
      {applied ? (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {t("applied", { added: applied.added.length, changed: applied.changed.length })}
        </p>
      ) : null}
    </form>
  );
}
