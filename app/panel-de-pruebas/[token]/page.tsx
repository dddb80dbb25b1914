import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { Card } from "@/app/_components/card";
import { PageHeader } from "@/app/_components/page-header";
import { openSandboxPanelSession } from "@/lib/hosting/sandbox-panel";

type Params = { token: string };

// Where the sandbox panel's single sign-on link lands: the stand-in for cPanel when the portal is not
// connected to WHM. Outside the portal layout, as a real panel would be: the one-time token is the
// credential, no portal session is needed. Following the link uses the token up; a second visit
// (or an expired link) answers 404 with "Enlace caducado o ya usado" (not-found.tsx).
export const dynamic = "force-dynamic";

// One request, one use of the token, however many times React asks.
const openSession = cache(openSandboxPanelSession);

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("hosting.sandboxPanel");
  return { title: t("metaTitle"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

export default async function SandboxPanelPage({ params }: { params: Promise<Params> }) {
  const { token } = await params;
  const view = await openSession(token);
  if (!view) notFound();

  const t = await getTranslations("hosting.sandboxPanel");
  const status = view.status === "active" || view.status === "suspended" || view.status === "terminated" ? view.status : "active";
  const usage = (used: number, limit: number | null) => (limit === null ? t("usageUnlimited", { used }) : t("usage", { used, limit }));

  return (
    <main className="mx-auto max-w-3xl px-4 py-8">
      <div role="note" className="mb-6 rounded-lg border-2 border-dashed border-amber-400 bg-amber-50 px-4 py-3 text-amber-900">
        <p className="font-bold">{t("banner")}</p>
        <p className="mt-1 text-sm">{t("bannerBody")}</p>
      </div>

      <PageHeader title={t("title")} description={t("openedAs", { service: view.service })} />
      <p className="mb-6 text-sm text-slate-700" data-testid="sandbox-panel-app">
        {view.app ? t("requestedApp", { app: view.app }) : t("homeApp")}
      </p>

      <div className="grid gap-6 md:grid-cols-2">
        <Card title={t("accountTitle")} titleId="sandbox-panel-account">
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("user")}</dt>
            <dd className="font-medium break-words text-slate-900" data-testid="sandbox-panel-user">
              {view.username}
            </dd>
            <dt className="text-slate-600">{t("domain")}</dt>
            <dd className="font-medium break-words text-slate-900">{view.domain}</dd>
            <dt className="text-slate-600">{t("plan")}</dt>
            <dd className="font-medium break-words text-slate-900">{view.plan}</dd>
            <dt className="text-slate-600">{t("status")}</dt>
            <dd className="font-medium text-slate-900" data-testid="sandbox-panel-status">
              {t(`statuses.${status}`)}
            </dd>
          </dl>
        </Card>

        <Card title={t("usageTitle")} titleId="sandbox-panel-usage">
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("disk")}</dt>
            <dd className="text-slate-900">{usage(view.diskUsedMb, view.diskLimitMb)}</dd>
            <dt className="text-slate-600">{t("bandwidth")}</dt>
            <dd className="text-slate-900">{usage(view.bandwidthUsedMb, view.bandwidthLimitMb)}</dd>
          </dl>
        </Card>
      </div>

      <Card title={t("mailboxesTitle")} titleId="sandbox-panel-mailboxes" className="mt-6">
        {view.mailboxes.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noMailboxes")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="sandbox-panel-mailboxes">
            {view.mailboxes.map((mailbox) => (
              <li key={mailbox.email} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                <span className="min-w-0 font-medium break-all text-slate-900">{mailbox.email}</span>
                <span className="text-slate-600">{t("mailboxQuota", { quota: mailbox.quotaMb })}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <p className="mt-6 text-sm text-slate-600">{t("oneTimeNote")}</p>
      <p className="mt-2 text-sm">
        <Link href="/" className="font-medium text-brand-700 hover:underline">
          {t("backToPortal")}
        </Link>
      </p>
    </main>
  );
}
