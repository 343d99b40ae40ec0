import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import { buttonClasses } from "@/components/ui/button";
import type { SavedFinding } from "@/domain/diagnosis-service/types";
import { ExternalLink, safeWebUrl } from "./external-link";

/** Alibaba Cloud's own troubleshooting page for a code: the link from the paste, or the current-generation one. */
export function recommendUrl(finding: SavedFinding): string | null {
  const pasted = safeWebUrl(finding.recommend?.url);
  if (pasted) return pasted;
  if (!finding.code) return null;
  const query = new URLSearchParams({ q: finding.code, product: finding.recommend?.product ?? "CloudAPI" });
  if (finding.requestId) query.set("requestId", finding.requestId);
  return `https://api.aliyun.com/troubleshoot?${query}`;
}

/** Buttons to the matched catalogue entry and to Alibaba Cloud's troubleshooting page. */
export async function FindingLinks({ finding }: { finding: SavedFinding }) {
  const t = await getTranslations("diagnosis");
  const { match } = finding;
  const recommend = recommendUrl(finding);
  return (
    <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-3">
      {match && match.kind !== "suggestion" ? (
        <Link href={entryHref(match.entry)} className={buttonClasses({ size: "sm", wrap: true })}>
          {t("finding.openEntry", { code: match.entry })}
        </Link>
      ) : null}
      {recommend ? (
        <ExternalLink href={recommend} className={buttonClasses({ size: "sm", wrap: true })}>
          {t("finding.openRecommend")}
        </ExternalLink>
      ) : null}
    </div>
  );
}
