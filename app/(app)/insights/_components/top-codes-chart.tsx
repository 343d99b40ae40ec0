"use client";

import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from "recharts";

/** Room for the axis and legend, and one row per code. */
function chartHeight(bars: number): number {
  return 48 + bars * 36;
}

export type ChartRow = { code: string; current: number; previous: number };

/**
 * This period's count of each code beside the previous period's, as horizontal bars. It is a picture of the table
 * under it, which is what screen readers and keyboards use: so the chart is hidden from them and not focusable.
 */
export function TopCodesChart({ rows, labels }: { rows: ChartRow[]; labels: { current: string; previous: string; description: string } }) {
  return (
    <figure className="mt-3 rounded-lg border border-slate-200 bg-white p-3" data-testid="top-codes-chart">
      <figcaption className="sr-only">{labels.description}</figcaption>
      <div aria-hidden="true">
        <BarChart
          layout="vertical"
          data={rows}
          width="100%"
          height={chartHeight(rows.length)}
          margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
          accessibilityLayer={false}
          responsive
        >
          <CartesianGrid horizontal={false} stroke="#e2e8f0" />
          <XAxis type="number" allowDecimals={false} tick={{ fill: "#334155", fontSize: 12 }} />
          <YAxis type="category" dataKey="code" width={170} tick={{ fill: "#0f172a", fontSize: 12 }} interval={0} />
          <Legend wrapperStyle={{ fontSize: 12, color: "#334155" }} />
          <Bar dataKey="current" name={labels.current} fill="#1d4ed8" isAnimationActive={false} />
          <Bar dataKey="previous" name={labels.previous} fill="#94a3b8" isAnimationActive={false} />
        </BarChart>
      </div>
    </figure>
  );
}
