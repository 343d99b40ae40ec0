"use client";

import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";

/**
 * Brief "saved" notices in a corner, read out by screen readers (a polite live region). Written here rather than
 * taken from a toast library: those inject <style> elements and style attributes, which the app's Content Security
 * Policy (style-src with a nonce only) refuses.
 */
type Toast = { id: number; text: string };

const ShowToast = createContext<(text: string) => void>(() => {});

/** How long a notice stays: long enough to read a short sentence, short enough not to pile up. */
const TOAST_MS = 4000;

export function Toasts({ children }: { children: React.ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const show = useCallback((text: string) => {
    const id = next.current++;
    setToasts((shown) => [...shown.slice(-2), { id, text }]);
    setTimeout(() => setToasts((shown) => shown.filter((toast) => toast.id !== id)), TOAST_MS);
  }, []);
  return (
    <ShowToast.Provider value={show}>
      {children}
      <div
        // A live region without role="status": pages keep their own status messages, which tests find by role.
        aria-live="polite"
        data-testid="toasts"
        className="pointer-events-none fixed right-4 bottom-4 z-50 flex flex-col items-end gap-2 print:hidden"
      >
        {toasts.map((toast) => (
          <p key={toast.id} className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 shadow-md">
            {toast.text}
          </p>
        ))}
      </div>
    </ShowToast.Provider>
  );
}

/** Shows `text` ("Saved." by default) each time a form's answer becomes a new success (`useActionState`'s state with `ok: true`). */
export function useToastOnSuccess(state: { ok: boolean } | null | undefined, text?: string): void {
  const show = useContext(ShowToast);
  const t = useTranslations("common.toast");
  const message = text ?? t("saved");
  useEffect(() => {
    if (state?.ok) show(message);
  }, [state, show, message]);
}
