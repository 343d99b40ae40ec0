"use client";

import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useState } from "react";
import type { PaletteState } from "./quick-jump-dialog";
import { PALETTE_CONTENT_CLASS, PALETTE_INPUT_CLASS, PALETTE_OVERLAY_CLASS } from "./palette-style";

// The palette (cmdk and its dialog, ~19 KB compressed) is fetched the first time it opens, not with every page:
// bench:lighthouse counts each script a page loads before it is usable.
const QuickJumpDialog = lazy(() => import("./quick-jump-dialog").then((module) => ({ default: module.QuickJumpDialog })));

/** The quick-jump palette's opener: Ctrl/⌘+K anywhere, or the header button. It holds what was typed. */
export function QuickJump() {
  const t = useTranslations("common.quickJump");
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const [query, setQuery] = useState("");
  const palette: PaletteState = { open, setOpen, query, setQuery };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "k" || !(event.metaKey || event.ctrlKey) || event.altKey) return;
      event.preventDefault();
      setOpened(true);
      setOpen((wasOpen) => !wasOpen);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        onClick={() => {
          setOpened(true);
          setOpen(true);
        }}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50 print:hidden"
      >
        {t("open")}
        <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs text-slate-600">Ctrl K</kbd>
      </button>
      {opened ? (
        <Suspense fallback={open ? <LoadingPalette {...palette} /> : null}>
          <QuickJumpDialog {...palette} />
        </Suspense>
      ) : null}
    </>
  );
}

/**
 * Stands in for the palette while its code loads (a moment on first use): the same box and input, so what is typed
 * straight after Ctrl+K is kept and carries over, and Escape still closes it.
 */
function LoadingPalette({ setOpen, query, setQuery }: PaletteState) {
  const t = useTranslations("common.quickJump");
  return (
    <>
      <div className={PALETTE_OVERLAY_CLASS} />
      <div
        role="dialog"
        aria-modal="true"
        aria-label={t("label")}
        className={PALETTE_CONTENT_CLASS}
        onKeyDown={(event) => {
          if (event.key === "Escape") setOpen(false);
        }}
      >
        <input
          // biome-ignore lint/a11y/noAutofocus: the palette was just opened to be typed into, as the real one focuses its input.
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t("placeholder")}
          aria-label={t("label")}
          className={PALETTE_INPUT_CLASS}
        />
        <p className="px-4 py-3 text-sm text-slate-600">{query.trim() ? t("searching") : t("hint")}</p>
      </div>
    </>
  );
}
