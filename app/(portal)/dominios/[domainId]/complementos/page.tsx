import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card } from "@/app/_components/card";
import { PageHeader } from "@/app/_components/page-header";
import { StatusBadge } from "@/app/_components/status-badge";
import { hasPermission } from "@/lib/auth/permissions";
import { getIdProtectionOffer } from "@/lib/domains/orders/id-protection-order";
import { formatAmount } from "@/lib/i18n/format";
import { ActionForm } from "../../../facturacion/_components/action-form";
import { secondaryButton, textLink } from "../../../facturacion/_components/styles";
import { loadDomain } from "../load-domain";
import { buyIdProtectionAction, turnOffIdProtectionAction } from "./actions";

type Params = { params: Promise<{ domainId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const searchParamsSchema = z.object({ aviso: z.preprocess(firstValue, z.enum(["facturado", "desactivado"]).optional()).catch(undefined) });

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { domain } = await loadDomain((await params).domainId);
  const t = await getTranslations("domainOrders.addons");
  return { title: t("title", { domain: domain.name }) };
}

/**
 * Complementos (§5.2.4): ID protection has a yearly cost and is bought through an invoice (turned on
 * at the registrar when paid); DNS management and email forwarding are free, with their links.
 */
export default async function DomainAddonsPage({ params, searchParams }: Params) {
  const { user, domain } = await loadDomain((await params).domainId);
  const notice = searchParamsSchema.parse(await searchParams).aviso;
  const t = await getTranslations("domainOrders.addons");
  const locale = await getLocale();
  const offer = await getIdProtectionOffer(user.scope, domain);
  const money = (amount: number) => formatAmount(amount, offer.currency, locale);
  const onOff = (on: boolean) => <StatusBadge label={on ? t("enabled") : t("disabled")} tone={on ? "green" : "slate"} />;

  return (
    <>
      <PageHeader title={t("title", { domain: domain.name })} description={t("intro")} />
      {notice && (
        <p role="status" className="mb-4 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
          {notice === "facturado" ? t("invoiced") : t("turnedOff")}
        </p>
      )}
      <div className="space-y-4">
        <Card title={t("idProtection")} titleId="proteccion-identidad" actions={onOff(domain.idProtection)}>
          <div className="space-y-3 text-sm text-slate-700">
            <p>{t("idProtectionText")}</p>
            {offer.pricePerYear !== null && <p className="font-semibold text-slate-900">{t("idProtectionPrice", { price: money(offer.pricePerYear) })}</p>}
            {domain.idProtection ? (
              <ActionForm action={turnOffIdProtectionAction} fields={{ domainId: String(domain.id) }} label={t("turnOff")} pendingLabel={t("turningOff")} variant="secondary" />
            ) : offer.pendingInvoiceId !== null ? (
              <p role="status">
                {t.rich("pendingInvoice", {
                  link: () =>
                    hasPermission(user, "invoices") ? (
                      <Link className={textLink} href={`/facturacion/facturas/${offer.pendingInvoiceId}`}>
                        {t("payInvoice")}
                      </Link>
                    ) : (
                      t("payInvoice")
                    ),
                })}
              </p>
            ) : offer.pricePerYear === null ? (
              <p>{t("unavailable")}</p>
            ) : (
              <ActionForm action={buyIdProtectionAction} fields={{ domainId: String(domain.id) }} label={t("buy", { price: money(offer.pricePerYear * offer.years) })} pendingLabel={t("buying")} />
            )}
          </div>
        </Card>
        <Card title={t("dnsManagement")} titleId="gestion-dns" actions={onOff(domain.dnsManagement)}>
          <div className="space-y-3 text-sm text-slate-700">
            <p>
              {t("dnsManagementText")} <strong>{t("free")}</strong>
            </p>
            <Link href={`/dominios/${domain.id}/dns`} className={secondaryButton}>
              {domain.dnsManagement ? t("manage") : t("enable")}
            </Link>
          </div>
        </Card>
        <Card title={t("emailForwarding")} titleId="redireccion-correo" actions={onOff(domain.emailForwarding)}>
          <div className="space-y-3 text-sm text-slate-700">
            <p>
              {t("emailForwardingText")} <strong>{t("free")}</strong>
            </p>
            <Link href={`/dominios/${domain.id}/reenvio-de-correo`} className={secondaryButton}>
              {domain.emailForwarding ? t("manage") : t("enable")}
            </Link>
          </div>
        </Card>
      </div>
    </>
  );
}
