import { withScriptDatabase } from "@/db/scripts/script-database";

// `npm run cron`: the scheduled jobs for today in Madrid (renewal invoices, reminders and overdue
// notices, then the services': provisioning retries, cancellations, suspensions and their lifting;
// the domains': registrar orders owed, registrar sync, expiry and renewal reminders),
// against the configured database; what /api/cron does, from a shell.
await withScriptDatabase(async ({ db, label }) => {
  const { migrateDatabase, setDatabase } = await import("@/db/client");
  const { isEmbeddedDatabase } = await import("@/lib/env");
  const { madridToday } = await import("@/lib/billing/today");
  const { runRenewalInvoicing } = await import("@/lib/billing/renewals");
  const { sendInvoiceNotices } = await import("@/lib/billing/notices");
  const { submitPendingRecords } = await import("@/lib/verifactu/submit-pending-records");
  const { runServiceAutomation } = await import("@/lib/services/service-automation");

  // The jobs read through getDb(): point it at the handle this script opened (and locked).
  setDatabase(db);
  // The embedded database is migrated by whoever opens it first (as the portal does); a PostgreSQL
  // server is migrated on deploy (`npm run db:migrate`), never behind the operator's back.
  if (isEmbeddedDatabase) await migrateDatabase(db);
  const today = madridToday();
  console.log(`Billing jobs for ${today} on ${label}...`);
  const { invoiceIds, ...renewals } = await runRenewalInvoicing(today);
  console.log(
    `Renewals (due on or before ${renewals.windowEnd}): ${renewals.servicesInvoiced} service and ${renewals.domainsInvoiced} domain invoice(s) created` +
      (invoiceIds.length ? ` [${invoiceIds.join(", ")}]` : "") +
      `, ${renewals.alreadyInvoiced} already invoiced, ${renewals.failed} failed.`,
  );
  const notices = await sendInvoiceNotices(today);
  console.log(
    `Notices: ${notices.reminder} reminder(s), ${notices.overdue1} first, ${notices.overdue2} second and ${notices.overdue3} final overdue notice(s).`,
  );
  const verifactu = await submitPendingRecords();
  console.log(`Veri*Factu: ${verifactu.sent} billing record(s) sent, ${verifactu.rejected} refused${verifactu.failed ? ", submission failed (retried next run)" : ""}.`);
  const services = await runServiceAutomation(today);
  const { provisioning, cancellations, suspensions, unsuspensions } = services;
  console.log(
    `Services: ${provisioning.provisioned} provisioned (${provisioning.failed} failed), ${cancellations.carriedOut} cancellation(s) carried out and ` +
      `${cancellations.terminated} terminated (${cancellations.failed} failed), ${suspensions.suspended} suspended (${suspensions.failed} failed), ` +
      `${unsuspensions.unsuspended} unsuspended (${unsuspensions.failed} failed).`,
  );
  // Dominios: registrar orders owed (retries), sync with the registrar, expiry, renewal reminders.
  const { runDomainAutomation } = await import("@/lib/domains/automation/domain-automation");
  const domainJobs = await runDomainAutomation(today);
  console.log(
    `Domains: ${domainJobs.orders.done} registrar order(s) carried out (${domainJobs.orders.failed} failed), ${domainJobs.sync.synced} synced ` +
      `(${domainJobs.sync.changed} changed, ${domainJobs.sync.failed} failed), ${domainJobs.expired.grace} into grace and ${domainJobs.expired.expired} expired, ` +
      `${domainJobs.reminders.sent} renewal reminder(s) sent (${domainJobs.reminders.failed} failed).`,
  );
  const panelFailures = provisioning.failed + cancellations.failed + suspensions.failed + unsuspensions.failed;

  // Estado de los servidores: the server checks, then the notices of new incidents (each client once).
  const { runServerChecks } = await import("@/lib/support/server-checks");
  const { sendIncidentNotices } = await import("@/lib/support/incident-notices");
  const checks = await runServerChecks();
  console.log(`Server checks: ${checks.checked} server(s), ${checks.reachable} reachable, ${checks.unreachable} not responding.`);
  const incidentNotices = await sendIncidentNotices();
  console.log(`Incident notices: ${incidentNotices.notices} client(s) told, ${incidentNotices.emails} email(s) sent.`);
  if (renewals.failed > 0 || panelFailures > 0 || verifactu.failed || domainJobs.sync.failed > 0 || domainJobs.reminders.failed > 0) process.exitCode = 1;
});

// Nothing should be left open, but a scheduled run must never hang on a forgotten handle.
process.exit(process.exitCode ?? 0);
