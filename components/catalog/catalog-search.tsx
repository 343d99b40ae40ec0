"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState } from "react";

const DEBOUNCE_MS = 250;

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The one search box. While typing, the URL follows (debounced, with `replace` so Back is not flooded with
 * every keystroke); Enter applies at once. `/` anywhere on the page jumps here, as on GitHub and MDN.
 */
export function CatalogSearch({ value, onSearch }: { value: string; onSearch: (q: string, options: { replace: boolean }) => void }) {
  const t = useTranslations("catalog.search");
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The debounce timer fires after later renders; it must call the newest handler, which knows the newest URL.
  const latestOnSearch = useRef(onSearch);
  useEffect(() => {
    latestOnSearch.current = onSearch;
  }, [onSearch]);

  const cancelPending = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  // The URL changed by other means (Back, "clear all", a link): show its query, drop any half-typed one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cancelPending only touches a ref; the effect runs when the URL's query changes.
  useEffect(() => {
    if (value !== committed.current) {
      cancelPending();
      committed.current = value;
      setDraft(value);
    }
  }, [value]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: cancel the timer once, on unmount.
  useEffect(() => cancelPending, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const commit = (q: string) => {
    cancelPending();
    if (q === committed.current) return;
    committed.current = q;
    latestOnSearch.current(q, { replace: true });
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: the <search> element is not yet announced by every screen reader; the role is.
    <form
      role="search"
      className="flex min-w-0 flex-1 items-center"
      onSubmit={(event) => {
        event.preventDefault();
        commit(draft);
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        {t("label")}
      </label>
      <div className="relative w-full">
        <svg
          aria-hidden="true"
          viewBox="0 0 20 20"
          className="pointer-events-none absolute top-1/2 left-3 h-4 w-4 -translate-y-1/2 fill-slate-500"
        >
          <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.83l3.64 3.65a.75.75 0 1 1-1.06 1.06l-3.65-3.64A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
        </svg>
        <input
          ref={input}
          id={inputId}
          type="search"
          name="q"
          value={draft}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hintId}
          aria-keyshortcuts="/"
          placeholder={t("placeholder")}
          className="h-10 w-full rounded-md border border-slate-400 bg-white pr-10 pl-9 text-sm placeholder:text-slate-500"
          onChange={(event) => {
            const next = event.target.value;
            setDraft(next);
            cancelPending();
            timer.current = setTimeout(() => commit(next), DEBOUNCE_MS);
          }}
        />
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <kbd> is not focusable; the shortcut is announced by the input's description. */}
        <kbd
          aria-hidden="true"
          className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs text-slate-600"
        >
          /
        </kbd>
      </div>
      <span id={hintId} className="sr-only">
        {t("shortcut")}
      </span>
    </form>
  );
}
