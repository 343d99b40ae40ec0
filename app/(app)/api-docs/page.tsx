import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requirePermission } from "@/app/_lib/auth";
import { openApiDocument } from "@/domain/api/openapi";
import { Operation, type OperationView } from "./_components/operation";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  await requirePermission("catalog.export", "/api-docs");
  return { title: (await getTranslations("keys.apiDocs"))("title") };
}

/** The OpenAPI document of /api/v1 (the same object /api/v1/openapi.json serves), rendered for people. */
export default async function ApiDocsPage() {
  await requirePermission("catalog.export", "/api-docs");
  const t = await getTranslations("keys.apiDocs");
  const document = openApiDocument();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    (["get", "post", "put", "patch", "delete"] as const).flatMap((method) => {
      const operation = item?.[method];
      return operation ? [{ path, method, operation: operation as OperationView }] : [];
    }),
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
        <p className="mt-2 text-sm">
          <a href="/api/v1/openapi.json" className="text-blue-800 underline">
            {t("rawLink")}
          </a>
        </p>
      </div>
      <p lang="en" className="max-w-3xl text-sm text-slate-800">
        {document.info.description}
      </p>
      <ul className="space-y-4">
        {operations.map(({ path, method, operation }) => (
          <li key={`${method} ${path}`}>
            <Operation path={path} method={method} operation={operation} />
          </li>
        ))}
      </ul>
      <details className="rounded-lg border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-medium">{t("schemas")}</summary>
        <pre lang="en" className="mt-3 overflow-x-auto text-xs">
          {JSON.stringify(document.components?.schemas ?? {}, null, 2)}
        </pre>
      </details>
    </div>
  );
}
