import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { NAMESPACES } from "@/i18n/request";

export type Namespace = (typeof NAMESPACES)[number];

/** What the root layout gives every client component: the header's switchers, the quick-jump palette, toasts. */
export const SHARED_CLIENT_NAMESPACES = ["common"] as const satisfies readonly Namespace[];

/**
 * The messages of these namespaces (and the shared ones). Only what a page's client components read goes into its
 * HTML: all fourteen namespaces made every page ~50 KB heavier and its render ~20 ms slower.
 */
export async function clientMessages(namespaces: readonly Namespace[] = []) {
  const all = await getMessages();
  const wanted = new Set<string>([...SHARED_CLIENT_NAMESPACES, ...namespaces]);
  return Object.fromEntries(Object.entries(all).filter(([namespace]) => wanted.has(namespace)));
}

/**
 * Wraps a page whose client components read more than the shared namespaces. A page lists them here, in its
 * page.tsx; tests/unit/client-messages.test.ts reads each page's client components and fails when one is missing.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(namespaces)}>{children}</NextIntlClientProvider>;
}
