import Link from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import type { DiagnosisInputKind, Outcome, PersonRef } from "@/domain/diagnosis-service/types";

/** One row of /d, as the server page hands it over. */
export type TeamDiagnosisTableRow = {
  id: string;
  createdAt: Date;
  createdBy: PersonRef;
  inputKind: DiagnosisInputKind;
  ticketRef: string | null;
  requestId: string | null;
  outcome: Outcome | null;
  codes: string[];
};

const column = createColumnHelper<ServerTableFeatures, TeamDiagnosisTableRow>();

const COLUMN_CLASSES: Record<string, string> = {
  createdAt: "w-[11rem]",
  codes: "w-[28%]",
  createdBy: "w-[9rem]",
  ticketRef: "w-[8rem]",
  requestId: "",
  outcome: "w-[9rem]",
};

export function teamColumnClass(id: string): string {
  return COLUMN_CLASSES[id] ?? "";
}

/** The columns of /d: when, what (linking to the diagnosis), who, ticket, RequestId, outcome; only the date sorts. */
export function useTeamDiagnosisColumns() {
  const t = useTranslations("team");
  const tDiagnosis = useTranslations("diagnosis");
  const format = useFormatter();
  return useMemo(
    () =>
      column.columns([
        column.accessor("createdAt", {
          header: () => t("columns.createdAt"),
          // Newest first is the default order: the first click shows the oldest first, the next the newest again.
          sortDescFirst: true,
          cell: (info) => <time dateTime={info.getValue().toISOString()}>{format.dateTime(info.getValue(), "minute")}</time>,
        }),
        column.accessor("codes", {
          header: () => t("columns.codes"),
          enableSorting: false,
          cell: (info) => {
            const codes = info.getValue();
            return (
              <Link
                href={`/d/${info.row.original.id}`}
                className="font-mono text-[13px] font-medium break-all text-blue-800 underline-offset-2 hover:underline"
              >
                {codes.length ? codes.slice(0, 4).join(", ") + (codes.length > 4 ? " …" : "") : tDiagnosis("list.nothingFound")}
              </Link>
            );
          },
        }),
        column.accessor("createdBy", {
          header: () => t("columns.author"),
          enableSorting: false,
          cell: (info) => info.getValue()?.name ?? <span className="text-slate-600">{t("viaProgram")}</span>,
        }),
        column.accessor("ticketRef", {
          header: () => t("columns.ticket"),
          enableSorting: false,
          cell: (info) => <span className="break-all">{info.getValue()}</span>,
        }),
        column.accessor("requestId", {
          header: () => t("columns.requestId"),
          enableSorting: false,
          cell: (info) => <span className="font-mono text-xs break-all">{info.getValue()}</span>,
        }),
        column.accessor("outcome", {
          header: () => t("columns.outcome"),
          enableSorting: false,
          cell: (info) => {
            const outcome = info.getValue();
            return outcome ? (
              <Badge tone={outcome === "solved" ? "green" : "amber"}>{tDiagnosis(`outcome.values.${outcome}`)}</Badge>
            ) : (
              <span className="text-slate-600">{t("noOutcome")}</span>
            );
          },
        }),
      ]),
    [t, tDiagnosis, format],
  );
}
