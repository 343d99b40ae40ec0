"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** navigator.clipboard exists only on https or localhost; an internal http host needs the old selection trick. */
async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy failed");
}

export function CopyButton({
  text,
  currentUrl = false,
  label,
  ariaLabel,
  copiedLabel,
  failedLabel,
  size = "sm",
  variant = "secondary",
}: {
  /** What to copy; ignored when `currentUrl` is set. */
  text?: string;
  /** Copy the page's own address (the server does not know the host the user reached it by). */
  currentUrl?: boolean;
  label: string;
  ariaLabel?: string;
  copiedLabel: string;
  failedLabel: string;
  size?: "sm" | "md";
  variant?: "primary" | "secondary" | "ghost";
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const reset = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (reset.current) clearTimeout(reset.current);
    },
    [],
  );

  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size={size}
        variant={variant}
        aria-label={ariaLabel}
        onClick={async () => {
          try {
            await copyText(currentUrl ? window.location.href : (text ?? ""));
            setState("copied");
          } catch {
            setState("failed");
          }
          if (reset.current) clearTimeout(reset.current);
          reset.current = setTimeout(() => setState("idle"), 2500);
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3.5 w-3.5 fill-current">
          <path d="M7 3.5A1.5 1.5 0 0 1 8.5 2h7A1.5 1.5 0 0 1 17 3.5v9a1.5 1.5 0 0 1-1.5 1.5H14v-1.5h1.5v-9h-7V5H7V3.5ZM3 7.5A1.5 1.5 0 0 1 4.5 6h7A1.5 1.5 0 0 1 13 7.5v9a1.5 1.5 0 0 1-1.5 1.5h-7A1.5 1.5 0 0 1 3 16.5v-9Zm1.5 0v9h7v-9h-7Z" />
        </svg>
        {label}
      </Button>
      <span role="status" className={`text-xs ${state === "failed" ? "text-red-700" : "text-emerald-800"}`}>
        {state === "copied" ? copiedLabel : state === "failed" ? failedLabel : ""}
      </span>
    </span>
  );
}
