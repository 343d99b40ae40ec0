import { getTranslations } from "next-intl/server";
import { LocalizedMarkdown } from "@/components/catalog/markdown";
import { localized } from "@/domain/catalog/localized";
import type { Locale } from "@/domain/catalog/types";
import type { EntrySnapshot } from "@/domain/diagnosis-service/types";

/** The matched entry's retry advice, explanation and remediation, as saved with the diagnosis. */
export async function FindingGuidance({ snapshot, locale }: { snapshot: EntrySnapshot; locale: Locale }) {
  const tc = await getTranslations("catalog");
  const placeholder = tc.raw("paramPlaceholder") as string;
  return (
    <div className="space-y-4">
      <p
        className={`rounded-md border px-3 py-2 text-sm ${
          snapshot.retryable ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-amber-300 bg-amber-50 text-amber-900"
        }`}
        data-testid="retry-advice"
      >
        {snapshot.retryable ? tc("entry.retryAdviceYes") : tc("entry.retryAdviceNo")}
      </p>
      {(["explanation", "remediation"] as const).map((part) => (
        <div key={part}>
          <h4 className="text-sm font-semibold text-slate-900">{tc(`entry.${part}`)}</h4>
          <div className="mt-1 text-sm text-slate-800">
            <LocalizedMarkdown value={localized(snapshot[part], locale)} paramPlaceholder={placeholder} emptyText={tc("entry.noText")} />
          </div>
        </div>
      ))}
    </div>
  );
}
