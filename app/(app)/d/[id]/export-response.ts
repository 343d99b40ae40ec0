import "server-only";
import { getTranslations } from "next-intl/server";
import { matchReason } from "./_components/engine-notes";
import { getCurrentUser } from "@/app/_lib/auth";
import { can } from "@/domain/auth/permissions";
import type { RenderOptions } from "@/domain/diagnosis-service";
import type { DiagnosisRecord } from "@/domain/diagnosis-service/types";
import { isLocale } from "@/i18n/locale";
import { currentLocale, loadDiagnosis, shareLink } from "./load";

type Render = (record: DiagnosisRecord, options: RenderOptions) => string;

/**
 * The two exports of /d/<id> as plain text for a browser tab, a download or curl with a session cookie.
 * `?lang=en|zh-CN` picks the language (support cases are often filed in English), `?download=1` saves a file.
 */
export async function exportResponse(
  request: Request,
  id: string,
  render: Render,
  file: { contentType: string; extension: string },
): Promise<Response> {
  const t = await getTranslations("diagnosis.export");
  const plain = (status: number, message: string) =>
    new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  const user = await getCurrentUser();
  if (!user) return plain(401, t("signedOut"));
  if (!can(user, "diagnosis.run")) return plain(403, t("forbidden"));
  const record = await loadDiagnosis(id);
  if (!record) return plain(404, t("notFound"));

  const wanted = new URL(request.url).searchParams.get("lang");
  const locale = isLocale(wanted) ? wanted : await currentLocale();
  const reasons = await getTranslations({ locale, namespace: "diagnosis" });
  const body = render(record, { locale, link: await shareLink(record.id), explain: (match) => matchReason(match, reasons).text });
  const download = new URL(request.url).searchParams.get("download") === "1";
  const filename = `diagnosis-${record.id}.${file.extension}`;
  return new Response(body, {
    headers: {
      "content-type": `${file.contentType}; charset=utf-8`,
      "content-disposition": `${download ? "attachment" : "inline"}; filename="${filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
