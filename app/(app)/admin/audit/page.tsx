import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { getDb } from "@/db";
import { listAuditEvents, listAuditFilterChoices } from "@/db/queries/audit";
import { AUDIT_PAGE_SIZE, parseAuditFilters } from "@/domain/audit";
import { AdminHeader } from "../admin-parts";
import { AuditFiltersForm } from "./_components/audit-filters";
import { AuditPager } from "./_components/audit-pager";
import { AuditTable, type AuditTableRow } from "./_components/audit-table";
import { ClientMessages } from "@/app/_lib/client-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requirePermission("audit.read", "/admin/audit");
  return { title: (await getTranslations("audit"))("title") };
}

/** Admins read the log here; filters live in the URL (a GET form), and the database filters and pages. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("audit.read", "/admin/audit");
  const filters = parseAuditFilters(await searchParams);
  const db = await getDb();
  const [t, { rows, total }, choices] = await Promise.all([
    getTranslations("audit"),
    listAuditEvents(db, filters),
    listAuditFilterChoices(db),
  ]);
  const tableRows: AuditTableRow[] = rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actor: actorText(t, row.actorKind, row.actorLabel),
    kind: row.kind,
    target: row.target,
    changes: row.changes ? JSON.stringify(row.changes) : null,
    address: row.clientAddress,
  }));
  const from = total === 0 ? 0 : (filters.page - 1) * AUDIT_PAGE_SIZE + 1;
  return (
    <ClientMessages namespaces={["audit"]}>
      <div className="space-y-6">
        <AdminHeader title={t("title")} intro={t("intro")} />
        <AuditFiltersForm
          filters={filters}
          people={choices.people.map((p) => ({ id: p.id, label: p.isKey ? t("filters.keySuffix", { label: p.label }) : p.label }))}
          kinds={choices.kinds}
        />
        <p className="text-sm text-slate-700" data-testid="audit-count">
          {t("showing", { from, to: Math.min(total, filters.page * AUDIT_PAGE_SIZE), total })}
        </p>
        <AuditTable rows={tableRows} />
        <AuditPager filters={filters} pages={Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE))} />
      </div>
    </ClientMessages>
  );
}

function actorText(t: Awaited<ReturnType<typeof getTranslations<"audit">>>, kind: string, label: string | null): string {
  if (kind === "api-key") return t("actor.key", { label: label ?? "" });
  if (kind === "local") return t("actor.local");
  if (kind === "anonymous") return label ? t("actor.anonymousTried", { label }) : t("actor.anonymous");
  return label ?? "";
}
