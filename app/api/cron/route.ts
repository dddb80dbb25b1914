import { timingSafeEqual } from "node:crypto";
import { sendInvoiceNotices } from "@/lib/billing/notices";
import { runRenewalInvoicing } from "@/lib/billing/renewals";
import { madridToday } from "@/lib/billing/today";
import { env } from "@/lib/env";
import { submitPendingRecords } from "@/lib/verifactu/submit-pending-records";
import { runServiceAutomation } from "@/lib/services/service-automation";
import { runDomainAutomation } from "@/lib/domains/automation/domain-automation";
import { sendIncidentNotices } from "@/lib/support/incident-notices";
import { runServerChecks } from "@/lib/support/server-checks";

// Called by the host's scheduler (Vercel Cron sends `Authorization: Bearer $CRON_SECRET`).
export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * Without CRON_SECRET the jobs cannot be triggered over HTTP at all: 503 tells the operator (and a
 * scheduler's failure log) that the endpoint is switched off for lack of configuration, rather than
 * a 404 that would look like a wrong URL. `npm run cron` still works without it.
 */
async function handle(request: Request): Promise<Response> {
  const secret = env.CRON_SECRET;
  if (!secret) {
    return Response.json({ error: "cron_disabled", message: "CRON_SECRET is not set." }, { status: 503, headers: NO_STORE });
  }
  if (!bearerMatches(request.headers.get("authorization"), secret)) {
    return Response.json({ error: "unauthorized" }, { status: 401, headers: { ...NO_STORE, "WWW-Authenticate": "Bearer" } });
  }
  // Renewals first: an invoice created now is never "overdue" in the same run.
  const today = madridToday();
  const { invoiceIds, ...renewals } = await runRenewalInvoicing(today);
  const notices = await sendInvoiceNotices(today);
  const verifactu = await submitPendingRecords();
  // Then the services: provisioning retries, cancellations due, suspensions of overdue ones and their lifting.
  const services = await runServiceAutomation(today);
  // Dominios: registrar orders owed, sync with the registrar, expiry, renewal reminders (each once).
  const domainJobs = await runDomainAutomation(today);
  // Estado de los servidores: reachability of each active server, then each new incident's notice, once per client.
  const serverChecks = await runServerChecks();
  const incidentNotices = await sendIncidentNotices();
  return Response.json(
    { today, renewals: { ...renewals, invoiceCount: invoiceIds.length }, notices, verifactu, services, domains: domainJobs, serverChecks, incidentNotices },
    { status: 200, headers: NO_STORE },
  );
}

function bearerMatches(header: string | null, secret: string): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? "");
  if (!match) return false;
  const given = Buffer.from(match[1]!, "utf8");
  const expected = Buffer.from(secret, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const GET = handle;
export const POST = handle;
