import Link from "@/components/ui/link";
import type { ReactNode } from "react";

/** Where a page sits: the list it belongs to, as a link, then the page itself (aria-current), named in mono type. */
export function Breadcrumb({ label, parent, current }: { label: string; parent: { href: string; text: ReactNode }; current: ReactNode }) {
  return (
    <nav aria-label={label} className="mb-3 text-sm">
      <ol className="flex flex-wrap items-center gap-1.5 text-slate-600">
        <li>
          <Link href={parent.href} className="text-blue-800 underline-offset-2 hover:underline">
            {parent.text}
          </Link>
        </li>
        <li aria-hidden="true">/</li>
        <li aria-current="page" className="font-mono break-all text-slate-800">
          {current}
        </li>
      </ol>
    </nav>
  );
}
