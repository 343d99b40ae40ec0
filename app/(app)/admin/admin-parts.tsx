import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/section";

/** The parts every admin page is made of: what the page is for, a panel that creates one more, the table of all. */

export function AdminHeader({ title, intro, children }: { title: string; intro: string; children?: ReactNode }) {
  return (
    <div>
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{intro}</p>
      {children}
    </div>
  );
}

export function CreatePanel({ id, title, intro, children }: { id: string; title: string; intro: string; children: ReactNode }) {
  return (
    <Section id={id} heading={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <p className="mt-1 text-sm text-slate-600">{intro}</p>
      {children}
    </Section>
  );
}

/** A create form's submit button and, beside it, the outcome announced to screen readers (role="status"). */
export function SubmitWithStatus({
  pending,
  label,
  pendingLabel,
  status,
  failed,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  status: string;
  failed: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? pendingLabel : label}
      </Button>
      <p role="status" className={`text-sm ${failed ? "text-red-700" : "text-green-800"}`}>
        {status}
      </p>
    </div>
  );
}

/** The table of everything the page administers; `children` are its rows, each headed by a `<th scope="row">`. */
export function AdminTable({ caption, columns, children }: { caption: string; columns: string[]; children: ReactNode }) {
  // relative: the rows' sr-only labels are absolutely placed, and would otherwise widen the page past this scroll box.
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-4 py-3 text-left font-semibold text-slate-900">{caption}</caption>
        <thead className="border-y border-slate-200 bg-slate-50 text-slate-700">
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col" className="px-4 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
