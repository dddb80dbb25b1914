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
import { requireUser } from "@/lib/auth/session";
import { formatAmount, formatDate } from "@/lib/i18n/format";
import { isInMenu } from "@/lib/portal/menu";
import { listServices, SERVICE_FILTERS, type ServiceFilter } from "@/lib/services/list-services";
import { SERVICE_TONES } from "../_dashboard/status-tones";
import { primaryButton, textLink } from "../facturacion/_components/styles";

const PAGE_SIZE = 20;
const SERVICES_PATH = "/productos";
const ORDER_PATH = "/productos/contratar";

// The query string speaks Spanish like the paths; "all" stays out of the URL.
const FILTER_PARAMS: Record<ServiceFilter, string | null> = {
  all: null,
  active: "activos",
  pending: "pendientes",
  suspended: "suspendidos",
  cancelled: "cancelados",
};

type SearchParams = { estado?: string | string[]; cursor?: string | string[] };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("services.list");
  return { title: t("title") };
}

/** "Mis productos y servicios", walkthrough §4.1. */
export default async function ServicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser("products");
  const params = await searchParams;
  const filter = SERVICE_FILTERS.find((option) => FILTER_PARAMS[option] !== null && FILTER_PARAMS[option] === params.estado) ?? "all";
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const page = await listServices(user.scope, { status: filter, cursor, limit: PAGE_SIZE });
  const t = await getTranslations("services");
  const locale = await getLocale();
  const hrefFor = (option: ServiceFilter) => listHref(SERVICES_PATH, { estado: FILTER_PARAMS[option] });
  // The store is linked once it is in this user's menu (built, and the user may order).
  const canOrder = isInMenu(user, ORDER_PATH);

  type Row = (typeof page.rows)[number];
  const columns: DataTableColumn<Row>[] = [
    {
      key: "product",
      label: t("list.columns.product"),
      cell: (service) => (
        <Link href={`/productos/${service.id}`} className={`${textLink} font-semibold`}>
          {service.productName}
        </Link>
      ),
    },
    {
      key: "status-on-phone",
      label: t("list.columns.status"),
      header: false,
      cellClassName: "sm:hidden",
      labelClassName: "sr-only",
      cell: (service) => <StatusBadge label={t(`status.${service.displayStatus}`)} tone={SERVICE_TONES[service.displayStatus]} />,
    },
    {
      key: "domain",
      label: t("list.columns.domain"),
      cellClassName: "col-span-2 break-all text-slate-700",
      labelClassName: "sm:hidden",
      cell: (service) => service.domain,
    },
    {
      key: "price",
      label: t("list.columns.price"),
      cellClassName: "col-span-2 tabular-nums text-slate-900 sm:whitespace-nowrap",
      labelClassName: "sm:hidden",
      cell: (service) => t("list.price", { amount: formatAmount(service.recurringAmount, service.currency, locale), cycle: t(`cycles.${service.billingCycle}`) }),
    },
    {
      key: "nextDue",
      label: t("list.columns.nextDue"),
      cellClassName: "col-span-2 text-slate-600 sm:whitespace-nowrap sm:text-slate-900",
      labelClassName: "sm:hidden",
      cell: (service) => (service.nextDueDate ? formatDate(service.nextDueDate, locale) : t("list.noNextDue")),
    },
    {
      key: "status",
      label: t("list.columns.status"),
      cellClassName: "hidden",
      cell: (service) => <StatusBadge label={t(`status.${service.displayStatus}`)} tone={SERVICE_TONES[service.displayStatus]} />,
    },
  ];

  const empty = (
    <EmptyState
      message={t(`list.empty.${filter}`)}
      action={
        filter !== "all" ? (
          <Link href={hrefFor("all")} className={textLink}>
            {t("list.empty.showAll")}
          </Link>
        ) : canOrder ? (
          <Link href={ORDER_PATH} className={primaryButton}>
            {t("list.empty.order")}
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
        links={SERVICE_FILTERS.map((option) => ({ key: option, label: t(`list.filter.${option}`), href: hrefFor(option), current: option === filter }))}
      />
      <DataTable caption={t("list.tableCaption")} rows={page.rows} rowKey={(service) => service.id} columns={columns} empty={empty} stackBelow="sm" rowLayout="title-and-badge" />
      <Pagination page={page} path={SERVICES_PATH} query={{ estado: FILTER_PARAMS[filter] }} />
    </>
  );
}
