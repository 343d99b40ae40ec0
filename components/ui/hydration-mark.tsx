"use client";
import { useEffect } from "react";

/**
 * Marks `<html data-hydrated>` once React has hydrated the page. Browser tests wait for it before typing into a
 * freshly loaded form: text typed earlier is replaced by the server-rendered value when the controlled field hydrates.
 */
export function HydrationMark() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
