import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { orders, services } from "@/db/schema";

/**
 * Inside the transaction that records an order invoice's final payment (the invoice row is locked):
 * its pending services nobody asked to provision yet become "queued", and the order "active". Only
 * rows with provision_state null move, so a redelivered or concurrent payment, which waits for the
 * same invoice lock and then finds the invoice paid, queues nothing twice. The panel is called after
 * commit (provisionQueuedServicesOfInvoice) and by the cron, never here.
 */
export async function queueOrderProvisioning(tx: Transaction, invoice: { id: number; clientId: number; kind: string }): Promise<number> {
  if (invoice.kind !== "order") return 0;
  const orderIds = tx
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.invoiceId, invoice.id), eq(orders.clientId, invoice.clientId)));
  await tx
    .update(orders)
    .set({ status: "active" })
    .where(and(eq(orders.invoiceId, invoice.id), eq(orders.clientId, invoice.clientId), eq(orders.status, "pending")));
  const queued = await tx
    .update(services)
    .set({ provisionState: "queued", provisionError: null })
    .where(
      and(
        eq(services.clientId, invoice.clientId),
        inArray(services.orderId, orderIds),
        eq(services.status, "pending"),
        isNull(services.provisionState),
      ),
    )
    .returning({ id: services.id });
  return queued.length;
}
