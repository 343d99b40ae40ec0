import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import { fillParam, localized } from "@/domain/catalog/localized";
import type { Locale, LocalizedText, Section } from "@/domain/catalog/types";
import { entryHref } from "./entry-href";

export type CatalogTableRow = {
  code: string;
  title: LocalizedText;
  httpStatus: number;
  section: Section;
  retryable: boolean;
  firstMessage: string | null;
};

const column = createColumnHelper<ServerTableFeatures, CatalogTableRow>();

const COLUMN_CLASSES: Record<string, string> = {
  code: "w-[15rem]",
  title: "",
  httpStatus: "w-[5.5rem]",
  section: "w-[8.5rem]",
  retryable: "w-[7rem]",
  firstMessage: "w-[25%]",
};

/** The width class of a column's header cell (the table is fixed-layout). */
export function columnClass(id: string): string {
  return COLUMN_CLASSES[id] ?? "";
}

/** The catalogue's columns: each one's header text and how its cells render, in the reader's language. */
export function useCatalogColumns() {
  const t = useTranslations("catalog");
  const locale = useLocale() as Locale;
  return useMemo(
    () =>
      column.columns([
        column.accessor("code", {
          header: () => t("columns.code"),
          cell: (info) => (
            <Link
              href={entryHref(info.getValue())}
              className="font-mono text-[13px] font-medium break-all text-blue-800 underline-offset-2 hover:underline"
            >
              {info.getValue()}
            </Link>
          ),
        }),
        column.accessor("title", {
          header: () => t("columns.title"),
          cell: (info) => {
            const title = localized(info.getValue(), locale);
            if (!title) return null;
            return <span lang={title.fellBack ? title.lang : undefined}>{fillParam(title.text, t.raw("paramPlaceholder") as string)}</span>;
          },
        }),
        column.accessor("httpStatus", {
          header: () => t("columns.httpStatus"),
          cell: (info) => <span className="font-mono tabular-nums">{info.getValue()}</span>,
        }),
        column.accessor("section", {
          header: () => t("columns.section"),
          cell: (info) => t(`sections.${info.getValue()}`),
        }),
        column.accessor("retryable", {
          header: () => t("columns.retryable"),
          enableSorting: false,
          cell: (info) => (info.getValue() ? <Badge tone="green">{t("retryable.yes")}</Badge> : <Badge>{t("retryable.no")}</Badge>),
        }),
        column.accessor("firstMessage", {
          header: () => t("columns.message"),
          enableSorting: false,
          cell: (info) => {
            const message = info.getValue();
            return message ? (
              // The vendor's messages are English whatever the UI language.
              <span lang="en" title={message} className="block truncate text-slate-700">
                {message}
              </span>
            ) : null;
          },
        }),
      ]),
    [t, locale],
  );
}
