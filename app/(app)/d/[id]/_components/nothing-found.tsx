import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { FORMAT_IDS, type FormatId, type Recognized } from "@/domain/diagnosis";
import type { EventSnapshot } from "@/domain/diagnosis-service/types";

/** No error in the input: say so, show what was recognised all the same, and what would have worked. */
export async function NothingFound({ recognized, event }: { recognized: Recognized[]; event: EventSnapshot | undefined }) {
  const t = await getTranslations("diagnosis");
  const shown = recognized.filter((r) => r.kind !== "input");
  const requestIds = [...new Set(recognized.filter((r) => r.kind === "requestId").map((r) => r.value))];
  return (
    <div className="space-y-4 rounded-lg border border-slate-300 bg-white p-4" data-testid="nothing-found">
      <p className="font-medium text-slate-900">
        {event ? t("nothing.eventWithoutError", { requestId: event.requestId }) : t("nothing.title")}
      </p>
      {!event ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-900">{t("nothing.recognized")}</h3>
          {shown.length ? (
            <ul className="mt-1 space-y-0.5 text-sm" data-testid="recognized">
              {shown.map((item, index) => (
                <li key={index}>
                  <span className="text-slate-600">{t(`recognizedKinds.${item.kind}`)}:</span>{" "}
                  <span className="font-mono text-[13px] break-all text-slate-900">
                    {item.kind === "format" && isFormat(item.value) ? t(`formats.${item.value}`) : item.value}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-slate-700">{t("nothing.recognizedNone")}</p>
          )}
        </div>
      ) : null}
      {requestIds.length && !event ? (
        <ul className="text-sm">
          {requestIds.map((rid) => (
            <li key={rid}>
              <Link href={`/diagnose?input=${encodeURIComponent(rid)}`} className="text-blue-800 underline underline-offset-2">
                {t("nothing.lookUp", { requestId: rid })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <h3 className="text-sm font-semibold text-slate-900">{t("nothing.whatToPaste")}</h3>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-800">
          <li>{t("nothing.pasteBody")}</li>
          <li>{t("nothing.pasteSdk")}</li>
          <li>{t("nothing.pasteRequestId")}</li>
        </ul>
      </div>
      <Link href="/diagnose" className="inline-block text-sm font-medium text-blue-800 underline underline-offset-2">
        {t("nothing.tryAgain")}
      </Link>
    </div>
  );
}

function isFormat(value: string): value is FormatId {
  return (FORMAT_IDS as readonly string[]).includes(value);
}
