"use client";

import { useTranslations } from "next-intl";
import { ServerTable } from "@/components/data-table/server-table";
import { useUrlNavigation } from "@/components/data-table/use-url-navigation";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  EMPTY_TEAM_FILTERS,
  hasTeamFilters,
  serializeTeamDiagnosisParams,
  TEAM_SORT_KEYS,
  type TeamDiagnosisParams,
} from "@/domain/diagnosis-service/team-listing";
import { parseRequestId } from "@/domain/events";
import { teamColumnClass, useTeamDiagnosisColumns, type TeamDiagnosisTableRow } from "./team-diagnosis-columns";
import { TeamDiagnosisFilters } from "./team-diagnosis-filters";

/** Filters, table and pager of /d; everything they show comes from the URL (`params`). */
export function TeamDiagnosesBrowser({
  params: fromUrl,
  rows,
  total,
  more,
  authors,
}: {
  params: TeamDiagnosisParams;
  rows: TeamDiagnosisTableRow[];
  total: number;
  /** Counting stopped at `total`: there are more. */
  more: boolean;
  authors: { id: string; name: string }[];
}) {
  const t = useTranslations("team");
  const { params, navigate, pending } = useUrlNavigation(fromUrl, serializeTeamDiagnosisParams);
  const columns = useTeamDiagnosisColumns();
  const filtered = hasTeamFilters(params);
  const clearAll = () => navigate({ ...EMPTY_TEAM_FILTERS });
  const requestIdError =
    params.requestId && !parseRequestId(params.requestId).ok ? t("filters.requestIdInvalid", { value: params.requestId }) : undefined;
  const datesReversed = Boolean(params.from && params.to && params.from > params.to);

  return (
    <div className="space-y-3">
      <TeamDiagnosisFilters
        key={serializeTeamDiagnosisParams({ ...params, page: 1, sort: null }).toString()}
        params={params}
        authors={authors}
        requestIdError={requestIdError}
        onApply={(patch) => navigate(patch)}
      />
      {datesReversed ? <Alert>{t("filters.datesReversed")}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-700" aria-live="polite" aria-atomic="true">
          <span className={pending ? "opacity-60" : ""}>{more ? t("countMore", { total }) : t("count", { total })}</span>
          {pending ? <span className="sr-only"> {t("updating")}</span> : null}
        </p>
        {filtered ? (
          <Button variant="ghost" size="sm" onClick={clearAll} className="text-blue-800 underline-offset-2 hover:underline">
            {t("filters.clear")}
          </Button>
        ) : null}
      </div>
      <ServerTable
        columns={columns}
        rows={rows}
        getRowId={(row) => row.id}
        sortKeys={TEAM_SORT_KEYS}
        state={params}
        defaultSorting={[{ id: "createdAt", desc: true }]}
        total={total}
        totalLabel={more ? t("moreLabel", { total }) : undefined}
        pending={pending}
        onChange={navigate}
        caption={t("caption")}
        columnClass={teamColumnClass}
        empty={
          <div className="px-6 py-10 text-center">
            <p className="font-medium text-slate-800">{t("empty.title")}</p>
            <p className="mt-1 text-sm text-slate-600">{filtered ? t("empty.withFilters") : t("empty.none")}</p>
          </div>
        }
      />
    </div>
  );
}
