"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import type { JumpTarget } from "@/domain/quick-jump";
import { PALETTE_CONTENT_CLASS, PALETTE_INPUT_CLASS, PALETTE_OVERLAY_CLASS } from "./palette-style";

/** Typing is answered after this pause, so each keystroke does not cost a request. */
const DEBOUNCE_MS = 120;

/** What the opener (quick-jump.tsx) holds, so the stand-in and the palette share it. */
export type PaletteState = { open: boolean; setOpen: (open: boolean) => void; query: string; setQuery: (query: string) => void };

/**
 * The palette itself (quick-jump.tsx opens it): type a code, words of an entry, a RequestId or a share link's id,
 * then Enter goes there. The answers come from /api/jump (db/queries/quick-jump.ts).
 */
export function QuickJumpDialog({ open, setOpen, query, setQuery }: PaletteState) {
  const t = useTranslations("common.quickJump");
  const format = useFormatter();
  const router = useRouter();
  const [targets, setTargets] = useState<JumpTarget[]>([]);
  const [failed, setFailed] = useState(false);
  // On first use this replaces the stand-in the user may already have typed into. The dialog focuses its input and
  // then, in the same turn, selects the text, so the next key would replace it: the first focus puts the caret at the
  // end right after that turn (a microtask: a timer could run after a key already typed).
  const firstFocus = useRef(true);
  const caretToEndOnFirstFocus = (event: React.FocusEvent<HTMLInputElement>) => {
    if (!firstFocus.current) return;
    firstFocus.current = false;
    const input = event.currentTarget;
    queueMicrotask(() => input.setSelectionRange(input.value.length, input.value.length));
  };

  useEffect(() => {
    if (!open || !query.trim()) {
      setTargets([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/jump?q=${encodeURIComponent(query)}`, { signal: controller.signal, cache: "no-store" })
        .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
        .then((body: { targets: JumpTarget[] }) => {
          setTargets(body.targets);
          setFailed(false);
        })
        .catch(() => {
          if (!controller.signal.aborted) setFailed(true);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, query]);

  const go = (href: string) => {
    setOpen(false);
    setQuery("");
    router.push(href);
  };

  const detailOf = (target: JumpTarget) =>
    target.kind === "diagnosis" && target.detail ? format.dateTime(new Date(target.detail), "minute") : target.detail;

  return (
    <Command.Dialog
      open={open}
      onOpenChange={setOpen}
      label={t("label")}
      shouldFilter={false}
      overlayClassName={PALETTE_OVERLAY_CLASS}
      contentClassName={PALETTE_CONTENT_CLASS}
    >
      <Command.Input
        value={query}
        onValueChange={setQuery}
        onFocus={caretToEndOnFirstFocus}
        placeholder={t("placeholder")}
        className={PALETTE_INPUT_CLASS}
      />
      <Command.List className="max-h-[60vh] overflow-y-auto p-2">
        {query.trim() && !targets.length ? (
          <Command.Empty className="px-2 py-3 text-sm text-slate-600">{failed ? t("failed") : t("searching")}</Command.Empty>
        ) : null}
        {!query.trim() ? <p className="px-2 py-3 text-sm text-slate-600">{t("hint")}</p> : null}
        {targets.map((target) => (
          <Command.Item
            key={`${target.kind}:${target.href}`}
            value={`${target.kind}:${target.href}`}
            onSelect={() => go(target.href)}
            className="flex cursor-pointer flex-wrap items-baseline gap-x-2 rounded-md px-2 py-2 text-sm text-slate-800 data-[selected=true]:bg-blue-50 data-[selected=true]:text-blue-900"
          >
            <span className="shrink-0 text-xs font-medium text-slate-600 uppercase">{t(`kinds.${target.kind}`)}</span>
            <span className="min-w-0 font-mono break-all">{target.label}</span>
            {detailOf(target) ? <span className="min-w-0 text-slate-600">{detailOf(target)}</span> : null}
          </Command.Item>
        ))}
      </Command.List>
    </Command.Dialog>
  );
}
