import { getTranslations } from "next-intl/server";
import Link from "@/components/ui/link";
import { setLocaleAction } from "@/app/_lib/locale-actions";
import { signOutAction } from "@/app/_lib/session-actions";
import type { CurrentUser } from "@/app/_lib/auth";
import { can } from "@/domain/auth/permissions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LanguageSwitcher } from "@/components/language-switcher";
import { ThemeSwitcher } from "@/components/theme-switcher";
import { setThemeAction } from "@/app/_lib/theme-actions";
import { currentTheme } from "@/app/_lib/theme";
import { QuickJump } from "@/components/quick-jump/quick-jump";
import { NavLinks, type NavLink } from "./nav-links";

/** The signed-in shell's top bar. Links a role may not use are left out, and the server refuses them anyway. */
export async function SiteHeader({ user }: { user: CurrentUser }) {
  const t = await getTranslations("common");
  const links: NavLink[] = [
    { href: "/diagnose", label: t("nav.diagnose"), also: ["/d"] },
    { href: "/errors", label: t("nav.catalog") },
  ];
  if (can(user, "diagnosis.history")) links.splice(1, 0, { href: "/d", label: t("nav.team"), exact: true });
  if (can(user, "coverage.view")) links.push({ href: "/coverage", label: t("nav.coverage") });
  if (can(user, "insights.view")) links.push({ href: "/insights", label: t("nav.insights") });
  if (can(user, "users.manage")) links.push({ href: "/admin/users", label: t("nav.users") });
  if (can(user, "apiKeys.manage")) links.push({ href: "/admin/keys", label: t("nav.apiKeys") });
  if (can(user, "audit.read")) links.push({ href: "/admin/audit", label: t("nav.audit") });
  if (can(user, "settings.manage")) links.push({ href: "/admin/settings", label: t("nav.settings") });
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2 sm:px-6">
        <Link href="/" className="text-lg font-semibold text-slate-900">
          {t("appName")}
        </Link>
        <nav aria-label={t("nav.mainNavigation")} className="flex-1">
          <NavLinks links={links} />
        </nav>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
          <QuickJump />
          <p className="text-slate-700" data-testid="current-user">
            <span className="font-medium text-slate-900">{user.name}</span>
            <Badge className="ml-2">{t(`roles.${user.role}`)}</Badge>
          </p>
          <LanguageSwitcher setLocale={setLocaleAction} />
          <ThemeSwitcher current={await currentTheme()} setTheme={setThemeAction} />
          <form action={signOutAction}>
            <Button type="submit" size="sm">
              {t("nav.signOut")}
            </Button>
          </form>
        </div>
      </div>
    </header>
  );
}
