import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clients, domainOrderItems, domains, isFinishedDomainStatus } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { afterCommit } from "@/lib/billing/after-commit";
import { sendInvoiceCreatedEmail, sendPaymentReceivedEmail } from "@/lib/billing/billing-emails";
import { createInvoice } from "@/lib/billing/create-invoice";
import { lockClient } from "@/lib/billing/credit";
import { madridToday } from "@/lib/billing/today";
import { translatorFor } from "@/lib/i18n/translator";
import { getProvider } from "@/lib/providers";
import { RegistrarError } from "@/lib/registrar/registrar";
import { afterInvoicesPaid } from "@/lib/services/service-automation";
import { recordDomainOrderItems } from "./domain-order-items";
import { idProtectionPrice } from "./id-protection";

export type IdProtectionOffer = {
  /** Price per year in the client's currency; null when it is not sold in it. */
  pricePerYear: number | null;
  /** Years bought now: up to the domain's next expiry (at least one). */
  years: number;
  currency: string;
  /** An invoice already waiting to turn it on. */
  pendingInvoiceId: number | null;
};

/** Whole years from today to the expiry date, at least one: ID protection is bought up to the next renewal. */
function yearsUntil(expiryDate: string | null, today: string): number {
  if (!expiryDate) return 1;
  const days = (Date.parse(`${expiryDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return Math.max(1, Math.ceil(days / 365));
}

export async function getIdProtectionOffer(scope: ClientScope, domain: { id: number; expiryDate: string | null }): Promise<IdProtectionOffer> {
  const db = await getDb();
  const [[client], pending] = await Promise.all([
    db.select({ currency: clients.currency }).from(clients).where(eq(clients.id, scope.clientId)),
    db
      .select({ invoiceId: domainOrderItems.invoiceId })
      .from(domainOrderItems)
      .where(
        and(
          eq(domainOrderItems.clientId, scope.clientId),
          eq(domainOrderItems.domainId, domain.id),
          eq(domainOrderItems.action, "id_protection"),
          inArray(domainOrderItems.state, ["awaiting_payment", "queued", "processing", "failed"]),
        ),
      )
      .limit(1),
  ]);
  const currency = client?.currency ?? "EUR";
  const years = yearsUntil(domain.expiryDate, madridToday());
  return { pricePerYear: idProtectionPrice(currency, 1), years, currency, pendingInvoiceId: pending[0]?.invoiceId ?? null };
}

export type IdProtectionResult = { ok: true; invoiceId?: number } | { ok: false; error: string };

/**
 * "Contratar" ID protection (§5.2.4): an invoice for the years up to the domain's expiry, and the
 * registrar order its payment carries out (setIdProtection), in one transaction under the client's
 * lock, so a double submit makes one invoice.
 */
export async function buyIdProtection(scope: ClientScope, domainId: number): Promise<IdProtectionResult> {
  const db = await getDb();
  const today = madridToday();
  const outcome = await db.transaction(async (tx) => {
    if (!(await lockClient(tx, scope.clientId))) return { error: "store.errors.domainNotYours" as const };
    const [row] = await tx
      .select({ domain: domains, language: clients.language, currency: clients.currency })
      .from(domains)
      .innerJoin(clients, eq(clients.id, domains.clientId))
      .where(and(eq(domains.id, domainId), eq(domains.clientId, scope.clientId)));
    if (!row) return { error: "store.errors.domainNotYours" as const };
    if (row.domain.idProtection) return { error: "domainOrders.addons.alreadyOn" as const };
    if (row.domain.status !== "active" && row.domain.status !== "grace") return { error: "store.errors.domainNotRenewable" as const };
    const [open] = await tx
      .select({ id: domainOrderItems.id })
      .from(domainOrderItems)
      .where(
        and(
          eq(domainOrderItems.clientId, scope.clientId),
          eq(domainOrderItems.domainId, domainId),
          eq(domainOrderItems.action, "id_protection"),
          inArray(domainOrderItems.state, ["awaiting_payment", "queued", "processing", "failed"]),
        ),
      );
    if (open) return { error: "domainOrders.addons.alreadyInvoicedError" as const };
    const years = yearsUntil(row.domain.expiryDate, today);
    const amount = idProtectionPrice(row.currency, years);
    if (amount === null) return { error: "domainOrders.addons.unavailable" as const };
    const t = translatorFor(row.language);
    const invoice = await createInvoice(tx, {
      clientId: scope.clientId,
      kind: "order",
      issueDate: today,
      lines: [{ description: t("domainOrders.lines.idProtection", { domain: row.domain.name, years }), unitAmount: amount, domainId }],
    });
    await recordDomainOrderItems(tx, {
      clientId: scope.clientId,
      invoiceId: invoice.invoiceId,
      orderId: null,
      paid: invoice.paid,
      items: [{ domainId, action: "id_protection", years, idProtection: true, eppCode: null }],
    });
    return { invoiceId: invoice.invoiceId, paid: invoice.paid };
  });
  if ("error" in outcome && outcome.error) return { ok: false, error: outcome.error };
  if (!("invoiceId" in outcome) || outcome.invoiceId === undefined) return { ok: false, error: "errors.forbidden" };
  await afterCommit("invoice created email", () => sendInvoiceCreatedEmail(outcome.invoiceId));
  if (outcome.paid) {
    await afterCommit("payment received email", () => sendPaymentReceivedEmail(outcome.invoiceId));
    await afterInvoicesPaid([outcome.invoiceId]);
  }
  return { ok: true, invoiceId: outcome.invoiceId };
}

/** "Desactivar": straight to the registrar; our row changes only when it accepts. */
export async function turnOffIdProtection(scope: ClientScope, domainId: number): Promise<IdProtectionResult> {
  const db = await getDb();
  const [domain] = await db
    .select({ id: domains.id, name: domains.name, status: domains.status, idProtection: domains.idProtection })
    .from(domains)
    .where(and(eq(domains.id, domainId), eq(domains.clientId, scope.clientId)));
  if (!domain) return { ok: false, error: "store.errors.domainNotYours" };
  if (isFinishedDomainStatus(domain.status)) return { ok: false, error: "domainManage.errors.notManageable" };
  if (!domain.idProtection) return { ok: true };
  try {
    await getProvider("registrar").setIdProtection(domain.name, false);
  } catch (error) {
    if (error instanceof RegistrarError) return { ok: false, error: error.messageKey };
    throw error;
  }
  await db.update(domains).set({ idProtection: false }).where(and(eq(domains.id, domainId), eq(domains.clientId, scope.clientId)));
  return { ok: true };
}
