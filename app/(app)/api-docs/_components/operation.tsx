import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: { type?: unknown; maximum?: number } };
export type OperationView = {
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, unknown> };
  responses?: Record<string, { description?: string }>;
};

/** One route and method: what it does, who may call it, its parameters, body types and answers. The texts are the API's own (English). */
export async function Operation({ path, method, operation }: { path: string; method: string; operation: OperationView }) {
  const t = await getTranslations("keys.apiDocs");
  const headingId = `op-${method}-${path.replace(/[^a-z0-9]+/gi, "-")}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="api-operation">
      <h2 id={headingId} className="flex flex-wrap items-center gap-2 text-base font-semibold">
        <Badge tone={method === "get" ? "blue" : "green"}>{method.toUpperCase()}</Badge>
        <code className="break-all">{path}</code>
      </h2>
      <div lang="en">
        {operation.summary && <p className="mt-1 text-sm font-medium text-slate-900">{operation.summary}</p>}
        {operation.description && <p className="mt-1 text-sm text-slate-700">{operation.description}</p>}
      </div>
      {operation.security && operation.security.length > 0 && (
        <p className="mt-2 text-sm text-slate-700">
          {t("auth")}: {operation.security.flatMap((requirement) => Object.keys(requirement)).join(", ")}
        </p>
      )}
      {operation.parameters && operation.parameters.length > 0 && (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">{t("parameters")}</caption>
          <thead className="text-slate-700">
            <tr>
              <th scope="col" className="pr-3">
                {t("parameter")}
              </th>
              <th scope="col" className="pr-3">
                {t("in")}
              </th>
              <th scope="col">{t("description")}</th>
            </tr>
          </thead>
          <tbody lang="en">
            {operation.parameters.map((parameter) => (
              <tr key={`${parameter.in}-${parameter.name}`} className="border-t border-slate-100 align-top">
                <td className="pr-3 font-mono">
                  {parameter.name}
                  {parameter.required ? " *" : ""}
                </td>
                <td className="pr-3">{parameter.in}</td>
                <td>{parameter.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {operation.requestBody?.content && (
        <p className="mt-2 text-sm text-slate-700">
          {t("body")}: <code>{Object.keys(operation.requestBody.content).join(", ")}</code>
        </p>
      )}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {Object.entries(operation.responses ?? {}).map(([status, response]) => (
          <div key={status} className="contents">
            <dt className="font-mono font-medium">{status}</dt>
            <dd lang="en" className="text-slate-700">
              {response.description}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
