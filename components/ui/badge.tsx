import type { HTMLAttributes } from "react";

type Tone = "neutral" | "green" | "amber" | "red" | "blue";

// Text shades are the -800s so every tone keeps WCAG AA contrast on its own tinted background.
const TONES: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-700 ring-slate-300",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  amber: "bg-amber-50 text-amber-800 ring-amber-300",
  red: "bg-red-50 text-red-800 ring-red-300",
  blue: "bg-blue-50 text-blue-800 ring-blue-300",
};

export function Badge({ tone = "neutral", className = "", ...props }: HTMLAttributes<HTMLSpanElement> & { tone?: Tone }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[tone]} ${className}`}
      {...props}
    />
  );
}
