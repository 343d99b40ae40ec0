import { getFormatter, getTranslations } from "next-intl/server";
import type { EventSnapshot } from "@/domain/diagnosis-service/types";

/** What the gateway or ActionTrail recorded about the looked-up request, as it was when the diagnosis was saved. */
export async function EventCard({ event }: { event: EventSnapshot }) {
  const [t, format] = await Promise.all([getTranslations("diagnosis.event"), getFormatter()]);
  const occurred = event.occurredAt ? new Date(event.occurredAt) : null;
  const rows: [string, React.ReactNode, boolean][] = [
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
    <section aria-labelledby="event-heading" className="rounded-lg border border-blue-200 bg-blue-50/50 p-4" data-testid="request-event">
      <h2 id="event-heading" className="text-lg font-semibold text-slate-900">
        {t("heading")}
      </h2>
      <p className="mt-0.5 text-sm text-slate-700">{t("intro")}</p>
      <dl className="mt-3 grid grid-cols-[minmax(7rem,auto)_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        {rows
          .filter(([, value]) => value !== null && value !== undefined && value !== "")
          .map(([label, value, mono]) => (
            <div key={label} className="contents">
              <dt className="text-slate-600">{label}</dt>
              <dd className={`min-w-0 break-words text-slate-900 ${mono ? "font-mono text-[13px]" : ""}`}>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
