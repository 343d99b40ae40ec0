"use client";

import { useTranslations } from "next-intl";
import type { SignatureDifference } from "@/domain/checks/signature";
import type { CheckResult } from "@/domain/checks/types";

/** Facts worth a line under the problems, per kind; the rest stays in the saved JSON. */
const FACTS = ["cnameChain", "resolvesTo", "read", "skewSeconds", "names", "validTo", "certificates", "unmapped"] as const;

function show(value: unknown, none: string): string {
  if (Array.isArray(value)) return value.length ? value.join(" → ") : none;
  return value === null || value === undefined ? none : String(value);
}

function Differences({ differences }: { differences: SignatureDifference[] }) {
  const t = useTranslations("diagnosis.checks.differences");
  return (
    <div className="overflow-x-auto">
      <table className="mt-2 w-full text-left text-xs">
        <caption className="text-left font-medium text-slate-800">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("part")}</th>
            <th scope="col">{t("server")}</th>
            <th scope="col">{t("client")}</th>
            <th scope="col">{t("kind")}</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {differences.map((d) => (
            <tr key={d.part} className="border-t border-slate-200 align-top">
              <th scope="row" className="pr-2 font-medium">
                {d.part}
              </th>
              <td className="pr-2 break-all">{d.server ?? t("absent")}</td>
              <td className="pr-2 break-all">{d.client ?? t("absent")}</td>
              <td className="font-sans">
                {t(`kinds.${d.kind}`)}
                {d.note ? <span className="block text-slate-600">{d.note}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A check's result in the reader's language: each problem by its code, then the facts that matter. */
export function CheckResultView({ result }: { result: CheckResult }) {
  const t = useTranslations("diagnosis.checks");
  const problem = (code: string, message: string, params?: Record<string, string | number>) => {
    const key = `problems.${result.check}.${code}`;
    return t.has(key) ? t(key as "ok", params) : message;
  };
  const differences = Array.isArray(result.differences) ? (result.differences as SignatureDifference[]) : [];
  return (
    <div data-testid={`check-result-${result.check}`} className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      {result.ok ? (
        <p className="font-medium text-green-800">{t("ok")}</p>
      ) : (
        <>
          <p className="font-medium text-red-800">{t("problemsFound", { count: result.problems.length })}</p>
          <ul className="mt-1 list-disc pl-5">
            {result.problems.map((p) => (
              <li key={p.code + p.message} data-code={p.code}>
                {problem(p.code, p.message, p.params)}
              </li>
            ))}
          </ul>
        </>
      )}
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        {FACTS.filter((fact) => fact in result).map((fact) => (
          <div key={fact} className="contents">
            <dt className="text-slate-600">{t(`facts.${fact}`)}</dt>
            <dd className="font-mono break-all">{show(result[fact], t("facts.none"))}</dd>
          </div>
        ))}
      </dl>
      {differences.length ? <Differences differences={differences} /> : null}
      {result.policy ? (
        <div className="mt-2">
          <p className="text-xs text-slate-600">{t("facts.policy")}</p>
          <pre className="mt-1 overflow-x-auto rounded bg-white p-2 text-xs">{JSON.stringify(result.policy, null, 2)}</pre>
        </div>
      ) : null}
    </div>
  );
}
