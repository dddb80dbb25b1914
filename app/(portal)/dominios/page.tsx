import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { DataTable, type DataTableColumn } from "@/app/_components/data-table";
import { EmptyState } from "@/app/_components/empty-state";
import { FilterLinks } from "@/app/_components/filter-links";
import { listHref } from "@/app/_components/list-href";
import { PageHeader } from "@/app/_components/page-header";
import { Pagination } from "@/app/_components/pagination";
import { StatusBadge } from "@/app/_components/status-badge";
import { hasPermission } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { DOMAIN_FILTERS, listDomains, normalizeDomainSearch, type DomainFilter } from "@/lib/domains/manage/list-domains";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { isInMenu } from "@/lib/portal/menu";
import { primaryButton, textLink } from "../facturacion/_components/styles";
import { DomainActionsMenu } from "./_components/domain-actions-menu";
import { domainPath, DOMAINS_PATH, REGISTER_PATH, SEARCH_PATH } from "./_components/domain-paths";
import { DomainSearchBox } from "./_components/domain-search-box";
import { DOMAIN_TONES } from "./_components/domain-tones";

const PAGE_SIZE = 20;

// The query string speaks Spanish like the paths; "all" stays out of the URL.
const FILTER_PARAMS: Record<DomainFilter, string | null> = {
  all: null,
  active: "activos",
  pending: "pendientes",
  expired: "vencidos",
  cancelled: "cancelados",
};

type SearchParams = { estado?: string | string[]; q?: string | string[]; cursor?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("domainManage.list");
  return { title: t("title") };
}

/** "Mis dominios", walkthrough §5.1. */
export default async function DomainsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("domains");
  const params = await searchParams;
  const filter = DOMAIN_FILTERS.find((option) => FILTER_PARAMS[option] !== null && FILTER_PARAMS[option] === params.estado) ?? "all";
  const search = normalizeDomainSearch(typeof params.q === "string" ? params.q : undefined);
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const page = await listDomains(user.scope, { status: filter, search, cursor, limit: PAGE_SIZE });
  const t = await getTranslations("domainManage");
  const locale = await getLocale();
  const canManage = hasPermission(user, "managedomains");
  const query = { estado: FILTER_PARAMS[filter], q: search || null };
  const hrefFor = (option: DomainFilter) => listHref(DOMAINS_PATH, { ...query, estado: FILTER_PARAMS[option] });
  const orderPath = isInMenu(user, REGISTER_PATH) ? REGISTER_PATH : isInMenu(user, SEARCH_PATH) ? SEARCH_PATH : null;

  type Row = (typeof page.rows)[number];
  const badge = (domain: Row) => <StatusBadge label={t(`status.${domain.status}`)} tone={DOMAIN_TONES[domain.status]} />;
  const columns: DataTableColumn<Row>[] = [
    {
      key: "name",
      label: t("list.columns.name"),
      rowHeader: true,
      cellClassName: "break-all",
      cell: (domain) => (
        <Link href={domainPath(domain.id)} className={`${textLink} font-semibold`}>
          {domain.name}
        </Link>
      ),
    },
    { key: "status-on-phone", label: t("list.columns.status"), header: false, cellClassName: "sm:hidden", labelClassName: "sr-only", cell: badge },
    {
      key: "registered",
      label: t("list.columns.registered"),
      cellClassName: "col-span-2 text-slate-700 sm:whitespace-nowrap",
      labelClassName: "sm:hidden",
      cell: (domain) => formatDate(domain.registrationDate, locale),
    },
    {
      key: "expires",
      label: t("list.columns.expires"),
      cellClassName: "col-span-2 text-slate-700 sm:whitespace-nowrap",
      labelClassName: "sm:hidden",
      cell: (domain) => (domain.expiryDate ? formatDate(domain.expiryDate, locale) : t("list.noExpiry")),
    },
    {
      key: "renewal",
      label: t("list.columns.renewal"),
      cellClassName: "col-span-2 tabular-nums text-slate-900 sm:whitespace-nowrap",
      labelClassName: "sm:hidden",
      cell: (domain) => t("list.price", { amount: formatAmount(domain.recurringAmount, domain.currency, locale), years: domain.registrationPeriodYears }),
    },
    { key: "status", label: t("list.columns.status"), cellClassName: "hidden", cell: badge },
    {
      key: "autoRenew",
      label: t("list.columns.autoRenew"),
      cellClassName: "col-span-2 text-slate-700 sm:whitespace-nowrap",
      labelClassName: "sm:hidden",
      cell: (domain) => (domain.autoRenew ? t("list.autoRenewOn") : t("list.autoRenewOff")),
    },
    {
      key: "actions",
      label: t("list.columns.actions"),
      headerClassName: "text-right",
      cellClassName: "col-span-2 sm:text-right",
      labelClassName: "sr-only",
      cell: (domain) => <DomainActionsMenu domainId={domain.id} domainName={domain.name} canManage={canManage} />,
    },
  ];

  const empty = (
    <EmptyState
      message={search ? t("list.empty.search", { search }) : t(`list.empty.${filter}`)}
      action={
        filter !== "all" || search ? (
          <Link href={DOMAINS_PATH} className={textLink}>
            {t("list.empty.showAll")}
          </Link>
        ) : orderPath ? (
          <Link href={orderPath} className={primaryButton}>
            {orderPath === REGISTER_PATH ? t("list.empty.register") : t("list.empty.searchDomain")}
          </Link>
        ) : undefined
      }
    />
  );

  return (
    <>
      <PageHeader title={t("list.title")} description={t("list.description")} />
      <FilterLinks
        label={t("list.filter.label")}
        links={DOMAIN_FILTERS.map((option) => ({ key: option, label: t(`list.filter.${option}`), href: hrefFor(option), current: option === filter }))}
      />
      <DomainSearchBox action={DOMAINS_PATH} search={search} status={FILTER_PARAMS[filter]} clearHref={listHref(DOMAINS_PATH, { estado: FILTER_PARAMS[filter] })} />
      <DataTable caption={t("list.tableCaption")} rows={page.rows} rowKey={(domain) => domain.id} columns={columns} empty={empty} stackBelow="sm" rowLayout="title-and-badge" />
      <Pagination page={page} path={DOMAINS_PATH} query={query} />
    </>
  );
}
