"use client";

import { useEffect } from "react";

/**
 * Moves keyboard focus to an element (a result heading with tabIndex -1) when the page opens, so after
 * Ctrl+Enter the keyboard and the screen reader start at the result instead of the top of the page.
 */
export function FocusOnMount({ targetId }: { targetId: string }) {
  useEffect(() => {
    document.getElementById(targetId)?.focus({ preventScroll: false });
  }, [targetId]);
  return null;
}
