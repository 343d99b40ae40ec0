"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";

export type NavLink = {
  href: string;
  label: string;
  /** Other sections whose pages (below them) belong to this item: /d/<id> results belong to Diagnose. */
  also?: string[];
  /** Only this very page, not the ones below it (/d is the team's list; /d/<id> belongs to Diagnose). */
  exact?: boolean;
};

/** A client component only to mark the current section with aria-current as the user navigates. */
export function NavLinks({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap items-center gap-1">
      {links.map(({ href, label, also = [], exact = false }) => {
        const current =
          pathname === href || (!exact && pathname.startsWith(`${href}/`)) || also.some((base) => pathname.startsWith(`${base}/`));
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className={`rounded px-3 py-1.5 text-sm whitespace-nowrap [word-break:keep-all] ${current ? "bg-blue-50 font-medium text-blue-800" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
