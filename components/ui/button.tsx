import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "ghost";
type Size = "sm" | "md";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-blue-700 text-white hover:bg-blue-800 border border-blue-700",
  secondary: "bg-white text-slate-800 hover:bg-slate-100 border border-slate-300",
  ghost: "bg-transparent text-slate-700 hover:bg-slate-100 border border-transparent",
};

const SIZES: Record<Size, string> = {
  sm: "px-2.5 text-sm",
  md: "px-3.5 text-sm",
};

/** One line at the size's height, or (`wrap`) at least that height and as many lines as a long label needs on a phone. */
const HEIGHTS: Record<Size, { line: string; wrap: string }> = {
  sm: { line: "h-8 whitespace-nowrap", wrap: "min-h-8 py-1 text-center whitespace-normal" },
  md: { line: "h-9 whitespace-nowrap", wrap: "min-h-9 py-1.5 text-center whitespace-normal" },
};

/** Shared by <Button> and links that should look like one (an <a> must stay an <a> for middle-click and "open in new tab"). */
export function buttonClasses({
  variant = "secondary",
  size = "md",
  wrap = false,
  className = "",
}: {
  variant?: Variant;
  size?: Size;
  /** For long labels (a sentence, a translated phrase) that must not stick out of a narrow card. */
  wrap?: boolean;
  className?: string;
} = {}): string {
  return [
    "inline-flex items-center justify-center gap-1.5 rounded-md font-medium transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-50",
    VARIANTS[variant],
    SIZES[size],
    wrap ? HEIGHTS[size].wrap : HEIGHTS[size].line,
    className,
  ].join(" ");
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: Size }) {
  return <button type={type} className={buttonClasses({ variant, size, className })} {...props} />;
}
