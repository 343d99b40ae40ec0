import type { ReactNode } from "react";

/** A fact's label, its value (a row without one is left out) and whether the value is a code or id, set in mono type. */
export type FactRow = [label: string, value: ReactNode, mono?: boolean];

/** Recorded facts as a two-column list of terms and values. */
export function Facts({ rows, className = "" }: { rows: FactRow[]; className?: string }) {
  return (
    <dl className={`grid grid-cols-[minmax(7rem,auto)_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm ${className}`}>
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== "")
        .map(([label, value, mono = false]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className={`min-w-0 break-words text-slate-900 ${mono ? "font-mono text-[13px]" : ""}`}>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
