import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { AffiliateCard } from "./_dashboard/affiliate-card";
import { ClientFilesCard } from "./_dashboard/client-files-card";
import { ClientInfoCard } from "./_dashboard/client-info-card";
import { CreditBalanceCard } from "./_dashboard/credit-balance-card";
import { DomainSearchCard } from "./_dashboard/domain-search-card";
import { IncidentsCard } from "./_dashboard/incidents-card";
import { builtPagesFor, DASHBOARD_PATHS as paths } from "./_dashboard/links";
import { NewsCard } from "./_dashboard/news-card";
import { OpenTicketsCard } from "./_dashboard/open-tickets-card";
import { ServicesCard } from "./_dashboard/services-card";
import { SummaryTiles, type SummaryTile } from "./_dashboard/summary-tiles";
import { UnpaidAlert } from "./_dashboard/unpaid-alert";
import { UnpaidInvoicesCard } from "./_dashboard/unpaid-invoices-card";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

/** "Página inicial", section 2 of the walkthrough. */
export default async function DashboardPage() {
  const user = await requireUser();
  const t = await getTranslations("dashboard");
  const dashboard = await getDashboard(user.scope, { allowed: (permission) => hasPermission(user, permission) });
  const canSearchDomains = hasPermission(user, "domains") || hasPermission(user, "orders");

  // Links to list pages appear once those pages are in the menu; until then the dashboard shows the data without them.
  const isBuilt = builtPagesFor(user);
  const linkIf = (href: string) => (isBuilt(href) ? href : undefined);
  const invoicesHref = linkIf(paths.invoices);
  const servicesHref = linkIf(paths.services);

  const { billing, services, domains, tickets: openTickets } = dashboard;
  const unpaidInvoices = billing?.unpaid ?? null;
  const tiles: SummaryTile[] = [];
  if (services) tiles.push({ key: "activeServices", value: services.activeCount, href: servicesHref });
  if (domains) tiles.push({ key: "domains", value: domains.count, href: linkIf(paths.domains) });
  if (openTickets) tiles.push({ key: "openTickets", value: openTickets.count, href: linkIf(paths.tickets) });
  if (unpaidInvoices) tiles.push({ key: "unpaidInvoices", value: unpaidInvoices.count, href: invoicesHref });

  const hasUnpaid = unpaidInvoices !== null && unpaidInvoices.count > 0;

  return (
    <>
      <PageHeader title={t("title")} description={t("greeting", { name: user.name })} />

      {hasUnpaid && (
        <UnpaidAlert
          count={unpaidInvoices.count}
          totalDue={unpaidInvoices.totalDue}
          overdueCount={unpaidInvoices.overdueCount}
          currency={unpaidInvoices.currency}
          href={invoicesHref}
        />
      )}

      <SummaryTiles tiles={tiles} />

      {dashboard.incidents && dashboard.incidents.length > 0 && (
        <div className="mb-6">
          <IncidentsCard items={dashboard.incidents} statusHref={paths.serverStatus} />
        </div>
      )}

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {hasUnpaid ? (
            <UnpaidInvoicesCard
              items={unpaidInvoices.items}
              count={unpaidInvoices.count}
              invoiceHref={invoicesHref ? paths.invoice : undefined}
              listHref={invoicesHref}
            />
          ) : (
            services && (
              <ServicesCard
                items={services.items}
                serviceHref={servicesHref ? paths.service : undefined}
                listHref={servicesHref}
                orderHref={linkIf(paths.orderProduct)}
              />
            )
          )}
          {openTickets && (
            <OpenTicketsCard
              items={openTickets.items}
              count={openTickets.count}
              ticketHref={paths.ticket}
              listHref={linkIf(paths.tickets)}
              openTicketHref={linkIf(paths.openTicket)}
            />
          )}
          {canSearchDomains && (
            <DomainSearchCard
              action={paths.domainSearch}
              orderPaths={hasPermission(user, "orders") ? { register: paths.domainRegister, transfer: paths.domainTransfer } : undefined}
            />
          )}
          <ClientFilesCard items={dashboard.files} fileHref={paths.file} />
        </div>

        <div className="min-w-0 space-y-6">
          {dashboard.client && <ClientInfoCard client={dashboard.client} updateHref={paths.account} />}
          {billing && billing.creditBalance > 0 && (
            <CreditBalanceCard amount={billing.creditBalance} currency={dashboard.client?.currency ?? "EUR"} addFundsHref={linkIf(paths.addFunds)} />
          )}
          {billing?.affiliate && <AffiliateCard affiliate={billing.affiliate} />}
          <NewsCard items={dashboard.announcements} announcementHref={paths.announcement} listHref={linkIf(paths.announcements)} />
        </div>
      </div>
    </>
  );
}
