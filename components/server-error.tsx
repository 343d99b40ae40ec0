"use client";

import { useEffect, useState } from "react";
import { buttonClasses } from "@/components/ui/button";

export type ServerErrorTexts = { title: string; body: string; reference: string | null; retry: string };

/**
 * Whether the database answers, asked of /api/health when an error page shows: in production the page only gets a
 * digest, not the error, and the answer also covers errors that wrap the database's (sign-in checks, actions).
 */
export function useDatabaseDown(error: unknown): boolean {
  const [down, setDown] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: ask the server again for each new error (Retry renders another).
  useEffect(() => {
    let current = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => current && setDown(response.status === 503))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [error]);
  return down;
}

/** What an error page says: a heading, what to do, the log reference, and a retry button. */
export function ServerErrorMessage({ texts, onRetry }: { texts: ServerErrorTexts; onRetry: () => void }) {
  // An error page has no metadata of its own: without this the tab keeps the title of the page that failed.
  useEffect(() => {
    document.title = texts.title;
  }, [texts.title]);
  return (
    <div role="alert" aria-live="polite" className="mx-auto max-w-xl py-10">
      <h1 className="text-2xl font-semibold text-slate-900">{texts.title}</h1>
      <p className="mt-3 text-slate-700">{texts.body}</p>
      {texts.reference ? <p className="mt-2 font-mono text-xs break-all text-slate-600">{texts.reference}</p> : null}
      <button type="button" onClick={onRetry} className={`mt-6 ${buttonClasses({ variant: "primary" })}`}>
        {texts.retry}
      </button>
    </div>
  );
}
