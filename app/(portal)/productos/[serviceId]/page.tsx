import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { Card } from "@/app/_components/card";
import { StatusBadge } from "@/app/_components/status-badge";
import { hasPermission } from "@/lib/auth/permissions";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { isInMenu } from "@/lib/portal/menu";
import { isCancellable } from "@/lib/services/cancellation";
import { MAILBOX_DEFAULT_QUOTA_MB } from "@/lib/services/create-mailbox";
import type { PanelApp } from "@/lib/services/panel-access";
import { panelPersonalWords } from "@/lib/services/panel-password";
import { SERVICE_TONES } from "../../_dashboard/status-tones";
import { BackLink } from "../../facturacion/_components/back-link";
import { ConfirmDialogForm } from "@/app/_components/confirm-dialog-form";
import { secondaryButton } from "../../facturacion/_components/styles";
import { MailboxForm } from "./_components/mailbox-form";
import { PanelAppIcon } from "./_components/quick-icons";
import { PanelLoginButton } from "./_components/panel-login-button";
import { LiveUsage, UsageBars } from "./_components/usage-stats";
import { withdrawCancellationAction } from "./actions";
import { loadService } from "./load-service";

type Params = { serviceId: string };
type SearchParams = { aviso?: string | string[] };

const NOTICES = { retirada: "cancellation.withdrawn", cancelacion: "requested" } as const;
const QUICK_APPS: PanelApp[] = ["emailAccounts", "forwarders", "fileManager", "databases", "phpMyAdmin", "subdomains", "backups", "cronJobs", "awstats"];
// Where the domain pages will live; linked only once the domains area is in the user's menu.
const DOMAINS_PATH = "/dominios";

const actionLink = "flex w-full items-center rounded-md px-3 py-2 text-left text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:cursor-wait disabled:opacity-70";

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { service } = await loadService((await params).serviceId);
  return { title: `${service.productName} · ${service.domain}` };
}

/** One service (walkthrough §4.1): Paquete/Dominio, usage, quick access, a new mailbox, billing and options; general information and actions on the left. */
export default async function ServicePage({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<SearchParams> }) {
  const { user, service } = await loadService((await params).serviceId);
  const { aviso } = await searchParams;
  const notice = typeof aviso === "string" && aviso in NOTICES ? NOTICES[aviso as keyof typeof NOTICES] : null;
  const t = await getTranslations("services");
  const locale = await getLocale();
  const money = (amount: number) => formatAmount(amount, service.currency, locale);
  const active = service.status === "active";
  const hasAccount = service.username !== null && service.server !== null;
  const canSso = hasPermission(user, "productsso") && active && hasAccount;
  const canManage = hasPermission(user, "manageproducts");
  const domainHref = service.domainId !== null && isInMenu(user, DOMAINS_PATH) ? `${DOMAINS_PATH}/${service.domainId}` : null;
  const base = `/productos/${service.id}`;
  const cancellation = service.openCancellation;

  const info: [string, React.ReactNode][] = [
    [t("service.info.product"), service.productName],
    [t("service.info.group"), service.groupName],
    [t("service.info.status"), <StatusBadge key="status" label={t(`status.${service.displayStatus}`)} tone={SERVICE_TONES[service.displayStatus]} />],
    [t("service.info.domain"), service.domain],
  ];
  if (service.username) info.push([t("service.info.username"), service.username]);
  if (service.server) {
    info.push([t("service.info.server"), service.server.hostname]);
    info.push([t("service.info.ip"), service.dedicatedIp ?? service.server.ipAddress]);
    if (service.server.nameservers.length > 0) info.push([t("service.info.nameservers"), service.server.nameservers.join(", ")]);
  }

  const billing: [string, string][] = [
    [t("service.billing.registered"), formatDate(service.registrationDate, locale)],
    [t("service.billing.firstPayment"), money(service.firstPaymentAmount)],
    [t("service.billing.recurring"), money(service.recurringAmount)],
    [t("service.billing.cycle"), t(`cycles.${service.billingCycle}`)],
    [t("service.billing.nextDue"), service.nextDueDate ? formatDate(service.nextDueDate, locale) : t("list.noNextDue")],
    [t("service.billing.paymentMethod"), t("service.billing.paymentMethodValue")],
  ];

  return (
    <>
      <BackLink href="/productos" label={t("service.back")} />
      {notice && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {t(`service.${notice}`)}
        </p>
      )}
      <div className="mb-6 min-w-0">
        <h1 className="text-2xl font-bold text-slate-900">{service.productName}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span className="break-all">{service.domain}</span>
          <StatusBadge label={t(`status.${service.displayStatus}`)} tone={SERVICE_TONES[service.displayStatus]} />
        </div>
      </div>

      {cancellation && (
        <section aria-labelledby="cancelacion-pendiente" className="mb-6 space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <h2 id="cancelacion-pendiente" className="font-semibold">
            {t("service.cancellation.title")}
          </h2>
          <p>
            {t(cancellation.type === "immediate" ? "service.cancellation.immediate" : "service.cancellation.endOfPeriod", {
              date: formatDate(cancellation.effectiveDate ?? service.nextDueDate ?? service.registrationDate, locale),
            })}
          </p>
          {canManage && (
            <ConfirmDialogForm
              action={withdrawCancellationAction}
              fields={{ serviceId: String(service.id), requestId: String(cancellation.id) }}
              triggerLabel={t("service.cancellation.withdraw")}
              title={t("service.cancellation.withdrawTitle")}
              confirmLabel={t("service.cancellation.withdraw")}
              pendingLabel={t("service.cancellation.withdrawing")}
              cancelLabel={t("service.cancellation.keep")}
            >
              <p>{t("service.cancellation.withdrawBody")}</p>
            </ConfirmDialogForm>
          )}
        </section>
      )}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-4">
        <aside className="min-w-0 space-y-6 lg:col-span-1">
          <Card title={t("service.info.title")} titleId="informacion-general">
            <dl className="space-y-3 text-sm">
              {info.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-slate-600">{label}</dt>
                  <dd className="break-words font-medium text-slate-900">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
          {(canSso || canManage) && (
            <Card title={t("service.actions.title")} titleId="acciones">
              <ul className="-mx-3 -my-1 space-y-1">
                {canSso && (
                  <>
                    <li>
                      <PanelLoginButton serviceId={service.id} panel="cpanel" label={t("service.actions.cpanel")} pendingLabel={t("service.actions.opening")} className={actionLink} />
                    </li>
                    <li>
                      <PanelLoginButton serviceId={service.id} panel="webmail" label={t("service.actions.webmail")} pendingLabel={t("service.actions.opening")} className={actionLink} />
                    </li>
                  </>
                )}
                {canManage && hasAccount && (service.status === "active" || service.status === "suspended") && (
                  <li>
                    <Link href={`${base}/contrasena`} className={actionLink}>
                      {t("service.actions.changePassword")}
                    </Link>
                  </li>
                )}
                {canManage && isCancellable(service.status) && !cancellation && (
                  <li>
                    <Link href={`${base}/cancelar`} className={actionLink}>
                      {t("service.actions.cancel")}
                    </Link>
                  </li>
                )}
              </ul>
            </Card>
          )}
        </aside>

        <div className="min-w-0 space-y-6 lg:col-span-3">
          <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
            <Card title={t("service.package.title")} titleId="paquete-dominio">
              <p className="font-semibold text-slate-900">{service.productName}</p>
              <p className="mb-4 break-all text-sm text-slate-700">{service.domain}</p>
              <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
                <a href={`https://${service.domain}`} target="_blank" rel="noopener noreferrer" className={secondaryButton}>
                  {t("service.package.visitWebsite")}
                </a>
                {domainHref && (
                  <Link href={domainHref} className={secondaryButton}>
                    {t("service.package.manageDomain")}
                  </Link>
                )}
                <a href={`https://lookup.icann.org/es/lookup?name=${encodeURIComponent(service.domain)}`} target="_blank" rel="noopener noreferrer" className={secondaryButton}>
                  {t("service.package.whois")}
                  <span className="sr-only"> {t("service.package.newWindow")}</span>
                </a>
              </div>
            </Card>
            <Card title={t("service.usage.title")} titleId="estadisticas-uso">
              <Suspense fallback={<UsageBars usage={service.usage} state="checking" />}>
                <LiveUsage scope={user.scope} serviceId={service.id} cached={service.usage} />
              </Suspense>
            </Card>
          </div>

          {hasPermission(user, "productsso") && hasAccount && (
            <Card title={t("service.quick.title")} titleId="accesos-rapidos">
              {active ? (
                <>
                  <p className="mb-3 text-sm text-slate-600">{t("service.quick.description")}</p>
                  <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-5">
                    {QUICK_APPS.map((app) => (
                      <li key={app}>
                        <PanelLoginButton
                          serviceId={service.id}
                          panel="cpanel"
                          app={app}
                          label={t(`service.quick.apps.${app}`)}
                          pendingLabel={t("service.actions.opening")}
                          className="flex h-full w-full flex-col items-center gap-2 rounded-md border border-slate-200 px-2 py-3 text-center text-sm font-medium text-slate-800 hover:border-brand-300 hover:bg-brand-50 disabled:cursor-wait disabled:opacity-70"
                        >
                          <PanelAppIcon app={app} />
                        </PanelLoginButton>
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="text-sm text-slate-600">{t("service.quick.notActive")}</p>
              )}
            </Card>
          )}

          {canManage && active && hasAccount && (
            <Card title={t("service.mailbox.title")} titleId="crear-correo">
              <MailboxForm
                serviceId={service.id}
                domain={service.domain}
                email={user.email}
                personalWords={panelPersonalWords(user, service)}
                defaultQuotaMb={Math.min(MAILBOX_DEFAULT_QUOTA_MB, service.usage.diskLimitMb ?? MAILBOX_DEFAULT_QUOTA_MB)}
              />
            </Card>
          )}

          <div className="grid grid-cols-1 gap-6 md:grid-cols-2">
            <Card title={t("service.billing.title")} titleId="informacion-facturacion">
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
                {billing.map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="text-slate-600">{label}</dt>
                    <dd className="text-right font-medium tabular-nums text-slate-900">{value}</dd>
                  </div>
                ))}
              </dl>
            </Card>
            <Card title={t("service.options.title")} titleId="opciones-configurables">
              {service.configOptions.length === 0 ? (
                <p className="text-sm text-slate-600">{t("service.options.none")}</p>
              ) : (
                <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
                  {service.configOptions.map((option, index) => (
                    <div key={`${option.name}-${index}`} className="contents">
                      <dt className="text-slate-600">{option.name}</dt>
                      <dd className="text-right font-medium text-slate-900">{option.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </Card>
          </div>

          {service.addons.length > 0 && (
            <Card title={t("service.addons.title")} titleId="complementos">
              <ul className="divide-y divide-slate-100 text-sm">
                {service.addons.map((addon) => (
                  <li key={addon.id} className="flex flex-wrap items-center justify-between gap-2 py-2 first:pt-0 last:pb-0">
                    <span className="font-medium text-slate-900">{addon.name}</span>
                    <span className="flex items-center gap-2 text-slate-700">
                      {t("service.addons.item", { amount: formatAmount(addon.recurringAmount, addon.currency, locale), cycle: t(`cycles.${addon.billingCycle}`) })}
                      <StatusBadge label={t(`status.${addon.status}`)} tone={SERVICE_TONES[addon.status]} />
                    </span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      </div>
    </>
  );
}
