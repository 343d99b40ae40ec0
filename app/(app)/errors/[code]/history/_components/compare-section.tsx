import { getTranslations } from "next-intl/server";
import { entryHref } from "@/components/catalog/entry-href";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import type { GuideSnapshot } from "@/domain/catalog/guide-snapshot";
import { diffGuides } from "@/domain/catalog/revision-diff";
import type { ComparePick } from "../compare-params";
import { RevertForm } from "./revert-form";
import { RevisionDiffView } from "./revision-diff-view";

/** The two-version picker (a plain GET form, so a comparison has a link), the word diff, and a revert to the older one. */
export async function CompareSection(props: {
  code: string;
  revisions: number[];
  hasDraft: boolean;
  pick: { from: ComparePick; to: ComparePick };
  before: GuideSnapshot | null;
  after: GuideSnapshot | null;
  currentRevision: number;
  canEdit: boolean;
}) {
  const t = await getTranslations("history");
  const name = (side: ComparePick) => (side === "draft" ? t("compare.draft") : `r${side}`);
  const options = [...(props.hasDraft ? ["draft" as const] : []), ...props.revisions];
  const select = "rounded border border-slate-300 bg-white px-2 py-1.5 text-sm";
  const { from } = props.pick;
  return (
    <Section id="compare-heading" heading={t("compare.heading")} className="space-y-4">
      <form method="get" action={`${entryHref(props.code)}/history#compare-heading`} className="flex flex-wrap items-end gap-3">
        {(["from", "to"] as const).map((side) => (
          <label key={side} className="flex flex-col gap-1 text-sm text-slate-700">
            {t(`compare.${side}`)}
            <select name={side} defaultValue={String(props.pick[side])} className={select}>
              {options.map((option) => (
                <option key={option} value={String(option)}>
                  {name(option)}
                </option>
              ))}
            </select>
          </label>
        ))}
        <Button type="submit">{t("compare.submit")}</Button>
      </form>

      {props.before && props.after ? (
        <div>
          <h3 className="mb-2 font-mono font-medium">{t("compare.title", { from: name(props.pick.from), to: name(props.pick.to) })}</h3>
          <RevisionDiffView
            diffs={diffGuides(props.before, props.after)}
            beforeLabel={name(props.pick.from)}
            afterLabel={name(props.pick.to)}
          />
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t("compare.notFound")}</p>
      )}

      {props.canEdit && typeof from === "number" && from !== props.currentRevision && props.before ? (
        <RevertForm code={props.code} toRevision={from} baseRevision={props.currentRevision} />
      ) : null}
    </Section>
  );
}
