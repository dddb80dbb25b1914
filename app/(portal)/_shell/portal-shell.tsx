import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocaleSwitch } from "@/app/_components/locale-switch";
import { hasPermission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/session";
import { accountMenuFor, menuFor } from "@/lib/portal/menu";
import { getNotifications } from "@/lib/portal/get-notifications";
import { signOutAction } from "../actions";
import { ImpersonationBanner } from "./impersonation-banner";
import { Notifications } from "./notifications";
import { PortalNav, type NavGroup } from "./portal-nav";

/**
 * The portal's frame: the menu, drawer and notifications for a signed-in user. The public pages
 * (the knowledge base, downloads) use it too, and for a signed-out visitor it shows only the brand,
 * their links and "Acceder", so those pages look like the portal either way.
 */
export async function PortalShell({ user, children }: { user: SessionUser | null; children: React.ReactNode }) {
  const t = await getTranslations("portal");
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#contenido" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      {user?.impersonator && <ImpersonationBanner user={user} />}
      <header className="bg-brand-600 text-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 px-4 py-2">
          <Link href={user ? "/" : "/soporte/conocimiento"} className="mr-4 text-lg font-bold whitespace-nowrap">
            {t("brand")}
          </Link>
          {user ? <SignedInNav user={user} /> : <SignedOutNav />}
        </div>
      </header>
      <main id="contenido" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-4 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between">
          <p>{user ? t("footer", { name: user.name }) : t("brand")}</p>
          <LocaleSwitch />
        </div>
      </footer>
    </div>
  );
}

async function SignedInNav({ user }: { user: SessionUser }) {
  const t = await getTranslations("portal");
  const notifications = await getNotifications(user.scope, { canSeeInvoices: hasPermission(user, "invoices") });
  const groups: NavGroup[] = menuFor(user).map((group) => ({
    key: group.key,
    label: t(`menu.${group.key}.label`),
    href: group.href,
    items: group.items.map((item) => ({ label: t(`menu.${group.key}.${item.key}`), href: item.href })),
  }));
  return (
    <>
      <PortalNav
        groups={groups}
        accountGroup={{
          label: t("menu.account.label"),
          items: accountMenuFor(user).map((item) => ({ label: t(`menu.account.${item.key}`), href: item.href })),
          signOutLabel: t("menu.account.signOut"),
          signOutAction,
        }}
        labels={{ openMenu: t("drawer.open"), closeMenu: t("drawer.close"), menu: t("drawer.label") }}
      />
      <Notifications data={notifications} />
    </>
  );
}

async function SignedOutNav() {
  const t = await getTranslations("portal.menu.support");
  const k = await getTranslations("knowledge.shell");
  const link = "rounded-md px-3 py-2 text-sm font-medium hover:bg-brand-700";
  return (
    <nav aria-label={k("publicMenu")} className="flex flex-1 flex-wrap items-center gap-1">
      <Link href="/soporte/conocimiento" className={link}>
        {t("knowledgebase")}
      </Link>
      <Link href="/soporte/descargas" className={link}>
        {t("downloads")}
      </Link>
      <Link href="/acceder" className="ml-auto rounded-md bg-white px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50">
        {k("signIn")}
      </Link>
    </nav>
  );
}
