/** Shared by the palette and the stand-in shown while the palette's code loads, so the swap does not move anything. */
export const PALETTE_OVERLAY_CLASS = "fixed inset-0 z-40 bg-slate-900/40";
export const PALETTE_CONTENT_CLASS =
  "fixed top-[12vh] left-1/2 z-50 w-[min(40rem,calc(100vw-2rem))] -translate-x-1/2 overflow-hidden rounded-lg border border-slate-200 bg-white shadow-xl";
export const PALETTE_INPUT_CLASS =
  "w-full border-b border-slate-200 px-4 py-3 text-base text-slate-900 outline-none placeholder:text-slate-500";
