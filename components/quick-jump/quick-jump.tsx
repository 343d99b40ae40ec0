"use client";

import { Command } from "cmdk";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { JumpTarget } from "@/domain/quick-jump";

/** Typing is answered after this pause, so each keystroke does not cost a request. */
const DEBOUNCE_MS = 120;

/**
 * The quick-jump palette: Ctrl/⌘+K anywhere (or the header button) opens it; type a code, words of an entry, a
 * RequestId or a share link's id, then Enter goes there. The answers come from /api/jump (db/queries/quick-jump.ts).
 */
export function QuickJump() {
  const t = useTranslations("common.quickJump");
  const format = useFormatter();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [targets, setTargets] = useState<JumpTarget[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "k" || !(event.metaKey || event.ctrlKey) || event.altKey) return;
      event.preventDefault();
      setOpen((wasOpen) => !wasOpen);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

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
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="inline-flex items-center gap-2 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm text-slate-700 hover:bg-slate-50 print:hidden"
      >
        {t("open")}
        <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs text-slate-600">Ctrl K</kbd>
      </button>
      <Command.Dialog
        open={open}
        onOpenChange={setOpen}
        label={t("label")}
        shouldFilter={false}
        overlayClassName="fixed inset-0 z-40 bg-slate-900/40"
        contentClassName="fixed top-[12vh] left-1/2 z-50 w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xl"
      >
        <Command.Input
          value={query}
          onValueChange={setQuery}
          placeholder={t("placeholder")}
          className="w-full border-b border-slate-200 px-4 py-3 text-base text-slate-900 outline-none placeholder:text-slate-500"
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
    </>
  );
}
