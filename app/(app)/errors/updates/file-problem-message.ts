import "server-only";
import { getTranslations } from "next-intl/server";
import type { FileRefusal } from "@/domain/catalog/catalog-file";

/** A refused catalog file in the reader's language: the line, then the reason. */
export async function fileProblemMessage({ line, problem }: FileRefusal): Promise<string> {
  const t = await getTranslations("curation.fileProblems");
  const reason =
    problem.kind === "invalidField"
      ? t(`invalidField.${problem.issue}`, { field: problem.field, limit: problem.limit ?? 0 })
      : problem.kind === "syntax"
        ? t("syntax", { format: problem.format.toUpperCase(), detail: problem.detail })
        : problem.kind === "missingColumn" || problem.kind === "unknownColumn"
          ? t(problem.kind, { column: problem.column })
          : problem.kind === "duplicateCode"
            ? t("duplicateCode", { code: problem.code, firstLine: problem.firstLine })
            : t(problem.kind);
  return t("atLine", { line, reason });
}
