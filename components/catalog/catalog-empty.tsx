import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/** Shown in place of rows when nothing matches; offers to clear the search and filters when any are active. */
export function CatalogEmpty({ onClearAll }: { onClearAll?: () => void }) {
  const t = useTranslations("catalog");
  return (
    <div className="px-6 py-10 text-center">
      <p className="font-medium text-slate-800">{t("empty.title")}</p>
      {onClearAll ? (
        <>
          <p className="mt-1 text-sm text-slate-600">{t("empty.withFilters")}</p>
          <Button variant="primary" size="sm" className="mt-3" onClick={onClearAll}>
            {t("empty.clear")}
          </Button>
        </>
      ) : null}
    </div>
  );
}
