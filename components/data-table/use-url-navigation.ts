"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useOptimistic, useTransition } from "react";

/**
 * The URL is a list page's only state: every control writes a new URL and the server page re-renders from it,
 * so a shared link, a reload or the back button all show exactly the same view. While the server answers,
 * the controls already show the requested state (a checked box stays checked) and build on it, so quick
 * successive changes add up instead of overwriting each other.
 */
export function useUrlNavigation<Params extends { page: number }>(current: Params, serialize: (params: Params) => URLSearchParams) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [params, setRequested] = useOptimistic(current);

  const navigate = useCallback(
    (patch: Partial<Params>, { replace = false }: { replace?: boolean } = {}) => {
      // Any change other than paging starts again at page 1: page 4 of the old result means nothing in the new one.
      const next: Params = { ...params, page: 1, ...patch };
      const query = serialize(next).toString();
      const href = query ? `${pathname}?${query}` : pathname;
      startTransition(() => {
        setRequested(next);
        if (replace) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [params, pathname, router, setRequested, serialize],
  );

  return { params, navigate, pending };
}
