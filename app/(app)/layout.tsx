import { requireUser } from "@/app/_lib/auth";
import { SiteHeader } from "./_components/site-header";

/** Every page of the signed-in app. Each page still checks its own role; this only makes sure someone is signed in. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="flex min-h-screen flex-col">
      <SiteHeader user={user} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6">
        {children}
      </main>
    </div>
  );
}
