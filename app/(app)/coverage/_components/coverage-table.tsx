import Link from "@/components/ui/link";
import type { ReactNode } from "react";
import { Section } from "@/components/ui/section";

/** One section of the coverage queue: heading, what it lists, and a small table (or a line saying it is empty). */
export function CoverageSection({
  id,
  heading,
  intro,
  columns,
  rows,
  empty,
}: {
  id: string;
  heading: string;
  intro: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
  empty: string;
}) {
  return (
    <Section id={id} heading={heading} className="mt-8">
      <p className="mt-1 text-sm text-slate-600">{intro}</p>
      {rows.length === 0 ? (
        <p className="mt-3 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">{empty}</p>
      ) : (
        <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="w-full border-collapse text-sm" aria-labelledby={id}>
            <thead className="border-b border-slate-200 bg-slate-50 text-left">
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col" className="px-3 py-2 font-semibold text-slate-700">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-b border-slate-100 last:border-0">
                  {row.cells.map((cell, index) => (
                    <td key={columns[index]} className="px-3 py-2 align-top">
                      {cell}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

const LINK = "text-blue-800 underline underline-offset-2 hover:text-blue-900";

export function CoverageLink({ href, children, label }: { href: string; children: ReactNode; label?: string }) {
  return (
    <Link href={href} className={LINK} aria-label={label}>
      {children}
    </Link>
  );
}

/** The latest diagnoses of a row, as short links to their share pages. */
export function ExampleLinks({ ids, label }: { ids: string[]; label: (id: string) => string }) {
  return (
    <ul className="flex flex-wrap gap-x-2 gap-y-1">
      {ids.map((id) => (
        <li key={id}>
          <CoverageLink href={`/d/${id}`} label={label(id)}>
            <span className="font-mono text-xs">{id}</span>
          </CoverageLink>
        </li>
      ))}
    </ul>
  );
}
