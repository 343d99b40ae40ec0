import { getTranslations } from "next-intl/server";

/** Links taken from pasted text are shown only when they are plain web addresses (never `javascript:` and the like). */
export function safeWebUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Opens in a new tab (the support engineer keeps the diagnosis), and says so to screen readers. */
export async function ExternalLink({ href, children, className = "" }: { href: string; children: React.ReactNode; className?: string }) {
  const t = await getTranslations("diagnosis");
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={className || "text-blue-800 underline underline-offset-2"}>
      {children}
      <span className="sr-only"> {t("opensInNewTab")}</span>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="ml-1 inline h-3 w-3 fill-current align-baseline">
        <path d="M11 3h6v6h-1.5V5.56l-6.72 6.72-1.06-1.06 6.72-6.72H11V3ZM4.5 5A1.5 1.5 0 0 0 3 6.5v9A1.5 1.5 0 0 0 4.5 17h9a1.5 1.5 0 0 0 1.5-1.5V11h-1.5v4.5h-9v-9H9V5H4.5Z" />
      </svg>
    </a>
  );
}
