import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cancellationRequests, clients, products, services } from "@/db/schema";
import type { StaffScope } from "@/lib/auth/scope";
import { cursorKey, keysetPage, pageSize, type KeysetOrder, type Page } from "@/lib/pagination/keyset";
import { clientDisplayName } from "../ticket-desk";

// The two work queues, read across clients (a StaffScope, never a ClientScope). Each page is one
// statement; the counts of both queues are one more.

/** A failed provisioning: pending, its last attempt failed (the cron retries it until MAX_PROVISION_ATTEMPTS, then it waits for staff). */
const provisioningFailed = and(eq(services.status, "pending"), eq(services.provisionState, "failed"));
const cancellationOpen = eq(cancellationRequests.status, "open");

export type QueueCounts = { cancellations: number; provisioning: number };

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- only a staff session makes a StaffScope: taking one is the guard
export async function queueCounts(_scope: StaffScope): Promise<QueueCounts> {
  const db = await getDb();
  const [row] = await db
    .select({
      cancellations: sql<number>`(select count(*) from ${cancellationRequests} where ${cancellationOpen})`.mapWith(Number),
      provisioning: sql<number>`(select count(*) from ${services} where ${provisioningFailed})`.mapWith(Number),
    })
    .from(sql`(select 1) as one`);
  return row ?? { cancellations: 0, provisioning: 0 };
}

export type CancellationQueueRow = {
  id: number;
  clientId: number;
  clientName: string;
  serviceId: number;
  domain: string;
  productName: string;
  type: string;
  reason: string;
  effectiveDate: string | null;
  createdAt: Date;
};

const OLDEST_REQUEST_FIRST: KeysetOrder = { key: cancellationRequests.createdAt, id: cancellationRequests.id, type: "timestamp", order: "asc" };

export async function listOpenCancellations(_scope: StaffScope, options: { cursor?: string | null; limit?: number } = {}): Promise<Page<CancellationQueueRow>> {
  const db = await getDb();
  const keyset = keysetPage(OLDEST_REQUEST_FIRST, options.cursor, pageSize(options.limit, 20));
  const fetched = await db
    .select({
      id: cancellationRequests.id,
      clientId: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      companyName: clients.companyName,
      serviceId: services.id,
      domain: services.domain,
      productName: products.name,
      type: cancellationRequests.type,
      reason: cancellationRequests.reason,
      effectiveDate: cancellationRequests.effectiveDate,
      createdAt: cancellationRequests.createdAt,
      cursorKey: cursorKey(OLDEST_REQUEST_FIRST),
    })
    .from(cancellationRequests)
    .innerJoin(services, and(eq(services.id, cancellationRequests.serviceId), eq(services.clientId, cancellationRequests.clientId)))
    .innerJoin(products, eq(products.id, services.productId))
    .innerJoin(clients, eq(clients.id, cancellationRequests.clientId))
    .where(and(cancellationOpen, keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, ({ firstName, lastName, companyName, ...row }) => ({ ...row, clientName: clientDisplayName({ firstName, lastName, companyName }) }));
}

export type ProvisioningQueueRow = {
  id: number;
  clientId: number;
  clientName: string;
  domain: string;
  productName: string;
  provisionError: string | null;
  provisionAttempts: number;
  createdAt: Date;
};

const OLDEST_SERVICE_FIRST: KeysetOrder = { key: services.createdAt, id: services.id, type: "timestamp", order: "asc" };

export async function listProvisioningFailures(_scope: StaffScope, options: { cursor?: string | null; limit?: number } = {}): Promise<Page<ProvisioningQueueRow>> {
  const db = await getDb();
  const keyset = keysetPage(OLDEST_SERVICE_FIRST, options.cursor, pageSize(options.limit, 20));
  const fetched = await db
    .select({
      id: services.id,
      clientId: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      companyName: clients.companyName,
      domain: services.domain,
      productName: products.name,
      provisionError: services.provisionError,
      provisionAttempts: services.provisionAttempts,
      createdAt: services.createdAt,
      cursorKey: cursorKey(OLDEST_SERVICE_FIRST),
    })
    .from(services)
    .innerJoin(products, eq(products.id, services.productId))
    .innerJoin(clients, eq(clients.id, services.clientId))
    .where(and(provisioningFailed, keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(keyset.fetchLimit);
  return keyset.toPage(fetched, ({ firstName, lastName, companyName, ...row }) => ({ ...row, clientName: clientDisplayName({ firstName, lastName, companyName }) }));
}
