import { requireUser } from "@/app/_lib/auth";
import { AppShell } from "./_components/app-shell";

/** Every page of the signed-in app. Each page still checks its own role; this only makes sure someone is signed in. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
