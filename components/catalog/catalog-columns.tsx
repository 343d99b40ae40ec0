import Link from "@/components/ui/link";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import type { ServerTableFeatures } from "@/components/data-table/features";
import { Badge } from "@/components/ui/badge";
import { holdsAnyTerm } from "@/domain/catalog/highlight";
import { fillParam, localized } from "@/domain/catalog/localized";
import type { Locale, LocalizedText, Section } from "@/domain/catalog/types";
import { entryHref } from "./entry-href";
import { Highlighted } from "./highlighted";

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

/**
 * The catalogue's columns: each one's header text and how its cells render, in the reader's language. `terms` (the
 * search's) are marked where they occur; a row matched only in text the table does not show (the explanation,
 * remediation or checklist) says so under its title.
 */
export function useCatalogColumns(terms: readonly string[] = []) {
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
              <Highlighted text={info.getValue()} terms={terms} />
            </Link>
          ),
        }),
        column.accessor("title", {
          header: () => t("columns.title"),
          cell: (info) => {
            const title = localized(info.getValue(), locale);
            const row = info.row.original;
            const text = title ? fillParam(title.text, t.raw("paramPlaceholder") as string) : "";
            const hiddenMatch = terms.length > 0 && !holdsAnyTerm([row.code, text, row.firstMessage], terms);
            return (
              <>
                {title ? (
                  <span lang={title.fellBack ? title.lang : undefined}>
                    <Highlighted text={text} terms={terms} />
                  </span>
                ) : null}
                {hiddenMatch ? <span className="mt-0.5 block text-xs text-slate-600">{t("results.matchedInGuide")}</span> : null}
              </>
            );
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
                <Highlighted text={message} terms={terms} />
              </span>
            ) : null;
          },
        }),
      ]),
    [t, locale, terms],
  );
}
