// biome-ignore-all lint/correctness/useJsxKeyInIterable: the rows are [label, value] tuples, not lists of children.
import { getFormatter, getTranslations } from "next-intl/server";
import { Section } from "@/components/ui/section";
import type { EventSnapshot } from "@/domain/diagnosis-service/types";
import { Facts, type FactRow } from "./facts";

/** What the gateway or ActionTrail recorded about the looked-up request, as it was when the diagnosis was saved. */
export async function EventCard({ event }: { event: EventSnapshot }) {
  const [t, format] = await Promise.all([getTranslations("diagnosis.event"), getFormatter()]);
  const occurred = event.occurredAt ? new Date(event.occurredAt) : null;
  const rows: FactRow[] = [
    [t("requestId"), event.requestId, true],
    [
      t("occurredAt"),
      occurred && !Number.isNaN(occurred.getTime()) ? (
        <time dateTime={occurred.toISOString()}>{format.dateTime(occurred, "second")}</time>
      ) : null,
      false,
    ],
    [t("product"), event.product, false],
    [t("action"), event.action ? `${event.action}${event.apiVersion ? ` (${event.apiVersion})` : ""}` : null, true],
    [t("region"), event.region, true],
    [t("httpStatus"), event.httpStatus, true],
    [t("code"), event.code, true],
    [t("message"), event.message ? <span lang="en">{event.message}</span> : null, false],
    [t("caller"), event.caller, false],
    [t("sourceIp"), event.sourceIp, true],
    [t("userAgent"), event.userAgent, true],
  ];
  return (
    <Section
      id="event-heading"
      heading={t("heading")}
      className="rounded-lg border border-blue-200 bg-blue-50/50 p-4"
      data-testid="request-event"
    >
      <p className="mt-0.5 text-sm text-slate-700">{t("intro")}</p>
      <Facts rows={rows} className="mt-3" />
    </Section>
  );
}
