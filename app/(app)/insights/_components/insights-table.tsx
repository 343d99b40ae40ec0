import type { ReactNode } from "react";

/** A cell's padding in the insights tables. */
export const cell = "px-3 py-2 align-top";

/** The frame both insights tables share: a scroll box, a caption for screen readers, a header row, the rows. */
export function InsightsTable({
  caption,
  headers,
  testId,
  children,
}: {
  caption: string;
  headers: string[];
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            {headers.map((header) => (
              <th key={header} scope="col" className={`${cell} font-medium`}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
