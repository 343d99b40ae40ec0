import type { CurrentUser } from "@/app/_lib/auth";
import { SiteHeader } from "./site-header";

/** The signed-in app's frame: the header and the page's <main>. Its layout uses it, and so does the 404 page. */
export function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader user={user} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
