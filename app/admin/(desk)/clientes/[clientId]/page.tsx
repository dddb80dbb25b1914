import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { formatAmount, formatDate, formatDateTime } from "@/lib/i18n/format";
import { parseRowId } from "@/lib/row-id";
import { getClientSummary } from "@/lib/staff/clients/client-summary";
import { requireStaff, staffMayAct } from "@/lib/staff/staff-session";
import { ClientDetailsForm, ClientNoteForm, ImpersonateButton, MoneyForm } from "./client-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.clients");
  return { title: t("clientTitle") };
}

function Section({ id, title, children, count }: { id: string; title: string; children: React.ReactNode; count?: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={id} className="flex flex-wrap items-baseline justify-between gap-2 text-base font-semibold text-slate-900">
        <span>{title}</span>
        {count && <span className="text-sm font-normal text-slate-500">{count}</span>}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  );
}

function List({ items, empty }: { items: React.ReactNode[]; empty: string }) {
  if (items.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return <ul className="divide-y divide-slate-100 text-sm">{items}</ul>;
}

export default async function StaffClientPage({ params }: { params: Promise<{ clientId: string }> }) {
  const staff = await requireStaff();
  const clientId = parseRowId((await params).clientId);
  const summary = clientId ? await getClientSummary(staff.scope, clientId) : null;
  if (!summary) notFound();
  const t = await getTranslations("admin.clients");
  const status = await getTranslations();
  const locale = await getLocale();
  const { client } = summary;
  const name = `${client.firstName} ${client.lastName}`.trim();
  const money = staffMayAct(staff, ["billing"]);
  const label = (group: string, value: string) => {
    const key = `${group}.${value}`;
    return status.has(key as never) ? status(key as never) : value;
  };

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/clientes" className="text-brand-700 underline-offset-2 hover:underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader title={client.companyName ? `${client.companyName} (${name})` : name} description={t("summary.line", { email: client.ownerEmail ?? "—", taxId: client.taxId ?? "—" })} />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Section id="client-services" title={t("summary.services")} count={t("summary.count", { count: summary.services.total })}>
            <List
              empty={t("summary.none")}
              items={summary.services.rows.map((row) => (
                <li key={row.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span className="break-all">{row.productName} · {row.domain}</span>
                  <span className="text-slate-600">{label("services.status", row.status)}</span>
                </li>
              ))}
            />
          </Section>
          <Section id="client-domains" title={t("summary.domains")} count={t("summary.count", { count: summary.domains.total })}>
            <List
              empty={t("summary.none")}
              items={summary.domains.rows.map((row) => (
                <li key={row.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span className="break-all">{row.name}</span>
                  <span className="text-slate-600">{row.expiryDate ? formatDate(row.expiryDate, locale) : "—"} · {label("domainManage.status", row.status)}</span>
                </li>
              ))}
            />
          </Section>
          <Section id="client-invoices" title={t("summary.invoices")} count={t("summary.count", { count: summary.invoices.total })}>
            <List
              empty={t("summary.none")}
              items={summary.invoices.rows.map((row) => (
                <li key={row.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span className="font-mono">{row.reference}</span>
                  <span className="text-slate-600">
                    {formatAmount(row.total, row.currency, locale)} · {label("billing.status", row.status)} · {formatDate(row.dueDate, locale)}
                  </span>
                </li>
              ))}
            />
          </Section>
          <Section id="client-tickets" title={t("summary.tickets")} count={t("summary.count", { count: summary.tickets.total })}>
            <List
              empty={t("summary.none")}
              items={summary.tickets.rows.map((row) => (
                <li key={row.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <Link href={`/admin/tickets/${row.id}`} className="text-brand-700 break-words underline-offset-2 hover:underline">
                    #{row.reference} {row.subject}
                  </Link>
                  <span className="text-slate-600">{label("support.ticketStatus", row.status)}</span>
                </li>
              ))}
            />
          </Section>
          {money && (
            <Section id="client-edit" title={t("edit.title")}>
              <ClientDetailsForm
                clientId={client.id}
                values={{
                  firstName: client.firstName,
                  lastName: client.lastName,
                  companyName: client.companyName ?? "",
                  taxId: client.taxId ?? "",
                  address1: client.address1,
                  address2: client.address2 ?? "",
                  city: client.city,
                  province: client.province,
                  postcode: client.postcode,
                  country: client.country,
                  phone: client.phone ?? "",
                  language: client.language,
                  marketingOptIn: client.marketingOptIn,
                }}
              />
            </Section>
          )}
        </div>
        <div className="space-y-4">
          <Section id="client-impersonate" title={t("impersonateTitle")}>
            {staffMayAct(staff, ["support"]) ? <ImpersonateButton clientId={client.id} /> : <p className="text-sm text-slate-600">{t("impersonateNotAllowed")}</p>}
          </Section>
          <Section id="client-credit" title={t("summary.credit")}>
            <p className="text-2xl font-semibold">{formatAmount(summary.creditBalance, client.currency, locale)}</p>
            {money && (
              <div className="mt-4 space-y-6">
                <div>
                  <h3 className="mb-2 text-sm font-semibold">{t("credit.title")}</h3>
                  <MoneyForm clientId={client.id} kind="credit" />
                </div>
                <div>
                  <h3 className="mb-2 text-sm font-semibold">{t("charge.title")}</h3>
                  <MoneyForm clientId={client.id} kind="charge" />
                </div>
              </div>
            )}
          </Section>
          <Section id="client-notes" title={t("notes.title")}>
            <ClientNoteForm clientId={client.id} />
            <ul className="mt-4 space-y-3 text-sm">
              {summary.notes.map((note) => (
                <li key={note.id} className="rounded-md bg-amber-50 p-3">
                  <p className="whitespace-pre-wrap break-words">{note.body}</p>
                  <p className="mt-1 text-xs text-slate-500">
                    {note.staffName} · <time dateTime={note.createdAt.toISOString()}>{formatDateTime(note.createdAt, locale)}</time>
                  </p>
                </li>
              ))}
            </ul>
          </Section>
        </div>
      </div>
    </>
  );
}
