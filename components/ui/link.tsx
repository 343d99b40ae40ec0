import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's link: Next's, without prefetching. Every page is rendered per request (each carries its own CSP nonce),
 * so a prefetch fetched only the route's outline, yet cost the server a request each: a catalog page with its nav
 * and 25 rows sent about 24 on load, ~12 ms of the server's request thread apiece, six times the page's own cost.
 * A click fetches the page in one request either way.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
