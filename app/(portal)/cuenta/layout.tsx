import { getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { accountMenuFor } from "@/lib/portal/menu";
import { AccountNav } from "./_components/account-nav";

/** Two columns on a desktop (the account pages on the left, as in the walkthrough), one on a phone. */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const t = await getTranslations();
  const links = accountMenuFor(user).map((item) => ({ href: item.href, label: t(`portal.menu.account.${item.key}`) }));
  return (
    <div className="flex flex-col gap-6 lg:flex-row lg:items-start">
      {links.length > 0 && (
        <div className="lg:sticky lg:top-4 lg:w-60 lg:shrink-0">
          <AccountNav label={t("account.nav.label")} links={links} />
        </div>
      )}
      <div className="min-w-0 flex-1">{children}</div>
    </div>
  );
}
