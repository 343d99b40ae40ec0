import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/catalog/copy-button";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import type { DiagnosisRecord } from "@/domain/diagnosis-service/types";
import { MinuteTime } from "./minute-time";

/** The page heading with who ran the diagnosis and when, its ticket and outcome, and the share and export buttons. */
export async function DiagnosisHeader({ record, markdown, escalation }: { record: DiagnosisRecord; markdown: string; escalation: string }) {
  const t = await getTranslations("diagnosis");
  const creator =
    record.createdBy?.name ??
    (record.result.via?.kind === "api-key" ? t("page.viaApiKey", { name: record.result.via.name }) : t("page.formerUser"));
  const copyLabels = { copiedLabel: t("page.copied"), failedLabel: t("page.copyFailed") };
  // Each export as a file to download (`?download=1`: attachment, not raw text in place of the page) and as text to copy.
  const exports = [
    { href: `/d/${record.id}/export.md?download=1`, label: t("page.exportMarkdown"), text: markdown, copyLabel: t("page.copyMarkdown") },
    {
      href: `/d/${record.id}/escalation.txt?download=1`,
      label: t("page.escalation"),
      text: escalation,
      copyLabel: t("page.copyEscalation"),
    },
  ];

  return (
    <header className="mb-5 border-b border-slate-200 pb-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 id="result-heading" tabIndex={-1} className="text-2xl font-semibold text-slate-900 focus:outline-none">
            {t("page.heading")}
          </h1>
          <p className="mt-1 text-sm text-slate-700" data-testid="diagnosis-meta">
            {t.rich("page.createdBy", { name: creator, time: () => <MinuteTime value={record.createdAt} /> })}
            {" · "}
            {t(`inputKinds.${record.inputKind}`)}
            {record.ticketRef ? (
              <>
                {" · "}
                <span className="break-all">{t("list.ticket", { ticket: record.ticketRef })}</span>
              </>
            ) : null}
            {record.outcome ? (
              <>
                {" "}
                <Badge tone={record.outcome.value === "solved" ? "green" : "amber"}>{t(`outcome.values.${record.outcome.value}`)}</Badge>
              </>
            ) : null}
          </p>
        </div>
        <Link href="/diagnose" className={buttonClasses({ variant: "primary" })}>
          {t("page.newDiagnosis")}
        </Link>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons and links, not form fields (fieldset). */}
      <div
        className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2"
        role="group"
        aria-label={t("page.shareAndExport")}
        data-print="hide"
      >
        <CopyButton currentUrl label={t("page.copyLink")} {...copyLabels} />
        {exports.map((file) => (
          <span key={file.href} className="inline-flex items-center gap-1">
            <a href={file.href} className={buttonClasses({ size: "sm" })}>
              {file.label}
            </a>
            <CopyButton text={file.text} label={t("page.copy")} ariaLabel={file.copyLabel} variant="ghost" {...copyLabels} />
          </span>
        ))}
      </div>
    </header>
  );
}
