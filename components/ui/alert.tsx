import type { ComponentProps } from "react";

/** What went wrong with a whole form or action, announced as it appears (role="alert"). */
export function Alert({ className = "", ...props }: ComponentProps<"div">) {
  return (
    <div role="alert" className={`rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 ${className}`} {...props} />
  );
}
