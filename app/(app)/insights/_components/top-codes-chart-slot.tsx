"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { TopCodesChart } from "./top-codes-chart";

/**
 * The chart is drawn in the browser only: the page's CSP refuses the style attributes a server-rendered chart would
 * carry, and loading the charting code apart keeps it off the critical path.
 */
const Chart = dynamic(() => import("./top-codes-chart").then((m) => m.TopCodesChart), { ssr: false });

export function TopCodesChartSlot(props: ComponentProps<typeof TopCodesChart>) {
  return <Chart {...props} />;
}
