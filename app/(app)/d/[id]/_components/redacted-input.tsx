import { getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { Section } from "@/components/ui/section";
import type { RedactionCount } from "@/domain/diagnosis";

const MARKER = /(\[REDACTED:[A-Za-z]+\])/;
/** Longer inputs start collapsed: the findings are what the reader came for. */
const COLLAPSE_LINES = 25;
const COLLAPSE_CHARS = 3000;

/** The stored (redacted) input with each `[REDACTED:Kind]` marker highlighted, and how many secrets were removed. */
export async function RedactedInput({
  text,
  removed,
  inputKind,
}: {
  text: string;
  removed: RedactionCount[];
  inputKind: "text" | "request-id";
}) {
  const t = await getTranslations("diagnosis.input");
  const secrets = removed.reduce((sum, r) => sum + r.count, 0);
  const lines = text.split("\n").length;
  const long = lines > COLLAPSE_LINES || text.length > COLLAPSE_CHARS;
  const body = (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the focusable region needs a name.
    <pre
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (axe scrollable-region-focusable).
      tabIndex={0}
      aria-label={t("preLabel")}
      className="mt-2 max-h-[32rem] overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-[13px] leading-relaxed break-all whitespace-pre-wrap text-slate-900"
      data-testid="redacted-input"
    >
      {text.split(MARKER).map((part, index) =>
        index % 2 === 1 ? (
          <mark key={index} className="rounded bg-amber-200 px-0.5 text-amber-950">
            {part}
          </mark>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </pre>
  );
  return (
    <Section id="input-heading" heading={inputKind === "request-id" ? t("headingRequestId") : t("heading")}>
      {inputKind === "text" || secrets ? (
        <p className="mt-0.5 text-sm text-slate-700" data-testid="redaction-note">
          {secrets ? t("secretsRemoved", { count: secrets, kinds: removed.map((r) => r.kind).join(", ") }) : t("noSecrets")}
        </p>
      ) : null}
      {long ? (
        <details className="mt-1">
          <summary className="cursor-pointer text-sm font-medium text-blue-800">
            {t("showAll", { lines, size: Math.ceil(text.length / 1024) })}
          </summary>
          {body}
        </details>
      ) : (
        body
      )}
    </Section>
  );
}
