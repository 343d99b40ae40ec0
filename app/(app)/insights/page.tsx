import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { Section } from "@/components/ui/section";
import { getDb } from "@/db";
import { listFilterOptions, listStepSolveRates, listThrottledRequests, listTopCodes, RATE_WINDOW_MINUTES } from "@/db/queries/insights";
import { parseInsightParams, serializeInsightParams } from "@/domain/insights";
import { InsightFilters } from "./_components/insight-filters";
import { StepRatesTable } from "./_components/step-rates-table";
import { ThrottledTable } from "./_components/throttled-table";
import { TopCodesChartSlot } from "./_components/top-codes-chart-slot";
import { TopCodesTable } from "./_components/top-codes-table";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requirePermission("insights.view");
  return { title: (await getTranslations("insights"))("pageTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function InsightsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = parseInsightParams(raw);
  const canonical = serializeInsightParams(params).toString();
  await requirePermission("insights.view", `/insights?${canonical}`);
  // The filter form posts every field, empty ones too: one redirect gives the short URL worth sharing.
  const given = new URLSearchParams(Object.entries(raw).flatMap(([key, value]) => [value ?? []].flat().map((v) => [key, v]))).toString();
  if (given !== canonical) redirect(canonical ? `/insights?${canonical}` : "/insights");
  const db = await getDb();
  const now = new Date();
  const [top, options, steps, throttled, t] = await Promise.all([
    listTopCodes(db, params, { now }),
    listFilterOptions(db, params, { now }),
    listStepSolveRates(db, params, { now }),
    listThrottledRequests(db, params, { now }),
    getTranslations("insights"),
  ]);
  const none = (text: string) => <p className="mt-2 text-sm text-slate-600">{text}</p>;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold text-slate-900">{t("heading")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("intro")}</p>
      </header>
      <InsightFilters params={params} options={options} />
      <Section id="top-codes-heading" heading={t("top.heading")}>
        {top.length ? (
          <>
            <TopCodesChartSlot
              rows={top.map(({ code, current, previous }) => ({ code, current, previous }))}
              labels={{ current: t("top.current"), previous: t("top.previous"), description: t("top.chartLabel") }}
            />
            <TopCodesTable rows={top} />
          </>
        ) : (
          none(t("top.none"))
        )}
      </Section>
      <Section id="step-rates-heading" heading={t("steps.heading")}>
        <p className="mt-1 text-sm text-slate-700">{t("steps.intro")}</p>
        {steps.length ? <StepRatesTable rows={steps} /> : none(t("steps.none"))}
      </Section>
      <Section id="throttling-heading" heading={t("throttling.heading")}>
        <p className="mt-1 text-sm text-slate-700">{t("throttling.intro", { minutes: RATE_WINDOW_MINUTES })}</p>
        {throttled.length ? <ThrottledTable rows={throttled} /> : none(t("throttling.none"))}
      </Section>
    </div>
  );
}
