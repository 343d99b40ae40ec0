import Link from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { entryHref } from "@/components/catalog/entry-href";
import { Button } from "@/components/ui/button";

/**
 * The editor's buttons: save as a new revision (unless an admin requires approval) or as a draft, and what the
 * last save did, announced to screen readers with a link to where it can be seen.
 */
export function EditorActions(props: {
  code: string;
  pending: boolean;
  approvalRequired: boolean;
  saved: { ok: true; revision: number } | { ok: true; draft: true } | null;
  baseRevision: number;
  onSaveDraft: () => void;
}) {
  const t = useTranslations("editor");
  const entry = entryHref(props.code);
  const link = "text-blue-800 underline";
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-3">
        {props.approvalRequired ? null : (
          <Button type="submit" variant="primary" disabled={props.pending}>
            {props.pending ? t("saving") : t("save")}
          </Button>
        )}
        <Button
          type={props.approvalRequired ? "submit" : "button"}
          variant={props.approvalRequired ? "primary" : "secondary"}
          disabled={props.pending}
          onClick={props.approvalRequired ? undefined : props.onSaveDraft}
        >
          {t("saveDraft")}
        </Button>
        <Link href={entry} className={link}>
          {t("cancel")}
        </Link>
      </div>
      {props.approvalRequired ? <p className="text-sm text-slate-700">{t("approvalRequiredNote")}</p> : null}
      <p role="status" className="text-sm text-green-800">
        {props.saved && "revision" in props.saved ? (
          <>
            {t("saved", { revision: props.saved.revision })}{" "}
            <Link href={entry} className={link}>
              {t("viewEntry")}
            </Link>
          </>
        ) : props.saved ? (
          <>
            {t("draftSaved", { revision: props.baseRevision })}{" "}
            <Link href={`${entry}/history#draft-heading`} className={link}>
              {t("reviewDraft")}
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
