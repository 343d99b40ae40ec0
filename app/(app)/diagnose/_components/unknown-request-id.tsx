"use client";

import Link from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import type { EarlierDiagnosis } from "../actions";

/** Under an unknown RequestId's message: what to do, and the diagnoses others made of pasted text with that id. */
export function UnknownRequestId({ requestId, earlier }: { requestId: string; earlier: EarlierDiagnosis[] }) {
  const t = useTranslations("diagnosis.form");
  const format = useFormatter();
  return (
    <div className="mt-1 text-slate-800">
      <p>{t("unknownRequestIdHelp")}</p>
      {earlier.length ? (
        <div className="mt-2">
          <p className="font-medium">{t("unknownRequestIdEarlier", { requestId })}</p>
          <ul className="mt-1 list-disc pl-5">
            {earlier.map((d) => (
              <li key={d.id}>
                <Link href={`/d/${d.id}`} className="text-blue-800 underline underline-offset-2">
                  {d.codes.length ? d.codes.join(", ") : t("noCodes")}
                </Link>{" "}
                <span className="text-slate-700">
                  ({d.by ? `${d.by}, ` : ""}
                  {format.dateTime(new Date(d.createdAt), "minute")})
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
