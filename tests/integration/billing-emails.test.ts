import { randomInt } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { clients, contacts, invoiceNotices, quotes, sentEmails } from "@/db/schema";
import { invoiceRecipients } from "@/lib/billing/billing-recipients";
import {
  sendInvoiceCreatedEmail,
  sendOverdueNoticeEmail,
  sendPaymentReceivedEmail,
  sendQuoteAcceptedEmail,
  unsafeFindInvoiceClientId,
} from "@/lib/billing/billing-emails";
import { noticeFor, noticeSettings, sendInvoiceNotices } from "@/lib/billing/notices";
import { renderEmail } from "@/lib/email/send-email";
import { env } from "@/lib/env";
import { setProviderForTests } from "@/lib/providers";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createSubAccount, createTestClient, createTestInvoice, uniqueEmail, uniqueSuffix } from "@/tests/helpers/factories";

// A fixed day years before the real one: on a shared PostgreSQL database (DATABASE_URL) other
// files' unpaid invoices fall due around the real today and stay out of these runs' reach.
const TODAY = "2005-05-10";
const BASE = env.APP_BASE_URL.replace(/\/+$/, "");

let db: Database;
const outbox = captureEmails();

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
});

afterAll(async () => {
  await teardownTestDatabase();
});

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * A client whose billing emails go to: the owner, a contact asking for invoices, the default billing
 * contact; and not to a contact who asked only for general mail, nor twice to an address repeated.
 */
async function clientWithContacts(language = "es") {
  const { client, owner } = await createTestClient(db, { client: { language } });
  const { contact: invoicesContact } = await createSubAccount(db, client.id, ["invoices"], {
    hasAccess: false,
    passwordHash: null,
    emailPreferences: { general: true, invoices: true, support: false, products: false, domains: false },
  });
  const { contact: billingContact } = await createSubAccount(db, client.id, [], { hasAccess: false, passwordHash: null });
  const { contact: generalOnly } = await createSubAccount(db, client.id, [], { hasAccess: false, passwordHash: null });
  // Same address as the owner, upper-cased, also asking for invoices: one message, not two.
  await createSubAccount(db, client.id, [], {
    hasAccess: false,
    passwordHash: null,
    email: owner.email.toUpperCase(),
    emailPreferences: { general: true, invoices: true, support: false, products: false, domains: false },
  });
  await db.update(clients).set({ defaultBillingContactId: billingContact.id }).where(eq(clients.id, client.id));
  return { client, owner, invoicesContact, billingContact, generalOnly, addresses: [owner.email, invoicesContact.email, billingContact.email] };
}

function messagesTo(addresses: string[]) {
  return outbox.filter((message) => addresses.includes(message.to));
}

describe("invoiceRecipients", () => {
  it("lists the owner, invoice-preference contacts and the default billing contact, once each", async () => {
    const { client, owner, invoicesContact, billingContact } = await clientWithContacts();
    const recipients = await invoiceRecipients(db, client.id);
    expect(recipients.map((recipient) => recipient.email)).toEqual([owner.email, invoicesContact.email, billingContact.email]);
    expect(recipients[0]).toEqual({ email: owner.email, name: `${owner.firstName} ${owner.lastName}`, contactId: owner.id });
  });

  it("ignores a default billing contact id that points at another client's contact", async () => {
    const { client: victim } = await createTestClient(db);
    const { contact: foreign } = await createSubAccount(db, victim.id, [], { hasAccess: false, passwordHash: null });
    const { client, owner } = await createTestClient(db, { client: { defaultBillingContactId: foreign.id } });
    expect((await invoiceRecipients(db, client.id)).map((recipient) => recipient.email)).toEqual([owner.email]);
  });
});

describe("billing emails", () => {
  it("sends 'invoice created' in Spanish with the invoice link to every recipient, and logs it", async () => {
    const { client, addresses } = await clientWithContacts();
    const { invoice } = await createTestInvoice(db, client.id, { invoice: { issueDate: "2005-05-01", dueDate: "2005-05-08" } });

    const outcome = await sendInvoiceCreatedEmail(invoice.id);
    expect(outcome).toEqual({ sent: 3, failed: 0 });
    const messages = messagesTo(addresses);
    expect(messages.map((message) => message.to).sort()).toEqual([...addresses].sort());
    for (const message of messages) {
      expect(message.subject).toBe(`Nueva factura ${invoice.proformaReference}`);
      expect(message.text).toContain(`${BASE}/facturacion/facturas/${invoice.id}`);
      expect(message.text).toContain("12,10");
      expect(message.text).toContain("8 may 2005");
      expect(message.attachments).toBeUndefined();
    }
    const logged = await db.select().from(sentEmails).where(and(eq(sentEmails.clientId, client.id), eq(sentEmails.template, "invoice-created")));
    expect(logged.map((row) => row.toAddress).sort()).toEqual([...addresses].sort());
  });

  it("writes in the client's language", async () => {
    const { client, owner } = await createTestClient(db, { client: { language: "en" } });
    const { invoice } = await createTestInvoice(db, client.id);
    await sendInvoiceCreatedEmail(invoice.id);
    expect(messagesTo([owner.email]).map((message) => message.subject)).toEqual([`New invoice ${invoice.proformaReference}`]);
  });

  it("attaches the numbered invoice as a PDF to 'payment received'", async () => {
    const { client, addresses } = await clientWithContacts();
    const number = randomInt(100_000, 999_999);
    const { invoice } = await createTestInvoice(db, client.id, {
      invoice: { status: "paid", series: "F2005", number, paidAt: new Date("2005-05-09T09:00:00Z"), amountPaid: 1210 },
    });

    const outcome = await sendPaymentReceivedEmail(invoice.id);
    expect(outcome).toEqual({ sent: 3, failed: 0 });
    const messages = messagesTo(addresses);
    expect(messages).toHaveLength(3);
    for (const message of messages) {
      expect(message.subject).toBe(`Pago recibido: factura F2005-${number}`);
      expect(message.text).toContain("Adjuntamos la factura en PDF");
      expect(message.attachments).toHaveLength(1);
      expect(message.attachments![0]!.filename).toBe(`F2005-${number}.pdf`);
      expect(message.attachments![0]!.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
    const logged = await db
      .select()
      .from(sentEmails)
      .where(and(eq(sentEmails.clientId, client.id), eq(sentEmails.template, "payment-received")));
    expect(logged).toHaveLength(3);
  });

  it("sends 'quote accepted' with links to the quote and the invoice it created", async () => {
    const { client, owner } = await createTestClient(db);
    const { invoice } = await createTestInvoice(db, client.id);
    const [quote] = await db
      .insert(quotes)
      .values({
        clientId: client.id,
        reference: `OF-${uniqueSuffix()}`,
        subject: "Migración de la tienda",
        stage: "accepted",
        issueDate: "2005-05-01",
        validUntil: "2005-05-31",
        subtotal: 1000,
        taxTotal: 210,
        total: 1210,
        acceptedAt: new Date(),
        invoiceId: invoice.id,
      })
      .returning();

    expect(await sendQuoteAcceptedEmail(quote!.id)).toEqual({ sent: 1, failed: 0 });
    const [message] = messagesTo([owner.email]);
    expect(message!.subject).toBe(`Oferta ${quote!.reference} aceptada`);
    expect(message!.text).toContain("Migración de la tienda");
    expect(message!.text).toContain(invoice.proformaReference);
    expect(message!.text).toContain(`${BASE}/facturacion/ofertas/${quote!.id}`);
    expect(message!.text).toContain(`${BASE}/facturacion/facturas/${invoice.id}`);
  });

  it("never throws: a refusing provider or a missing invoice is logged and reported", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    setProviderForTests("email", {
      name: "outbox",
      async send() {
        throw new Error("provider down");
      },
    });
    const { client } = await clientWithContacts();
    const { invoice } = await createTestInvoice(db, client.id);
    await expect(sendInvoiceCreatedEmail(invoice.id)).resolves.toEqual({ sent: 0, failed: 3 });
    await expect(sendOverdueNoticeEmail(2_000_000_000, 2)).resolves.toEqual({ sent: 0, failed: 0 });
    await expect(sendQuoteAcceptedEmail(2_000_000_000)).resolves.toEqual({ sent: 0, failed: 0 });
    expect(errors).toHaveBeenCalled();
    expect(await db.select().from(sentEmails).where(eq(sentEmails.clientId, client.id))).toEqual([]);
    expect(await unsafeFindInvoiceClientId(2_000_000_000)).toBeNull();
  });

  it("words the three overdue notices differently", async () => {
    const data = { name: "Ana", reference: "PRO-000042", dueDate: "2005-04-20", daysOverdue: 20, amountDue: 1210, currency: "EUR", invoiceUrl: `${BASE}/facturacion/facturas/42` };
    const first = await renderEmail("overdue-notice", { ...data, level: 1 }, "es");
    const second = await renderEmail("overdue-notice", { ...data, level: 2 }, "es");
    const third = await renderEmail("overdue-notice", { ...data, level: 3 }, "es");
    expect(first.subject).toBe("Factura vencida: PRO-000042");
    expect(second.subject).toBe("Segundo aviso: la factura PRO-000042 sigue pendiente");
    expect(third.subject).toBe("Último aviso: la factura PRO-000042 sigue pendiente");
    expect(third.text).toContain("20 días vencida");
    expect(third.text).toContain("12,10");
    expect(first.text).not.toContain("suspenderse");
    const english = await renderEmail("overdue-notice", { ...data, level: 3 }, "en");
    expect(english.subject).toBe("Final notice: invoice PRO-000042 is still unpaid");
    for (const email of [first, second, third, english]) expect(email.text).not.toMatch(/email\.(billing|overdueNotice)\./);
  });
});

describe("sendInvoiceNotices", () => {
  it("picks the notice each invoice has reached", () => {
    const days = [1, 7, 14] as const;
    const issued = "2005-04-01";
    expect(noticeFor({ issueDate: issued, dueDate: "2005-05-14" }, TODAY, 3, days)).toBeNull();
    expect(noticeFor({ issueDate: issued, dueDate: "2005-05-13" }, TODAY, 3, days)).toBe("reminder");
    expect(noticeFor({ issueDate: issued, dueDate: TODAY }, TODAY, 3, days)).toBe("reminder");
    expect(noticeFor({ issueDate: TODAY, dueDate: "2005-05-12" }, TODAY, 3, days)).toBeNull();
    expect(noticeFor({ issueDate: issued, dueDate: "2005-05-09" }, TODAY, 3, days)).toBe("overdue1");
    expect(noticeFor({ issueDate: issued, dueDate: "2005-05-04" }, TODAY, 3, days)).toBe("overdue1");
    expect(noticeFor({ issueDate: issued, dueDate: "2005-05-03" }, TODAY, 3, days)).toBe("overdue2");
    expect(noticeFor({ issueDate: issued, dueDate: "2005-04-26" }, TODAY, 3, days)).toBe("overdue3");
    expect(noticeSettings({})).toEqual({ reminderDaysBefore: 3, overdueDays: [1, 7, 14] });
    expect(noticeSettings({ invoiceReminderDaysBefore: 5, overdueNoticeDays: [2, 10, 30] })).toEqual({ reminderDaysBefore: 5, overdueDays: [2, 10, 30] });
    expect(noticeSettings({ invoiceReminderDaysBefore: -1, overdueNoticeDays: [7, 1, 14] })).toEqual({ reminderDaysBefore: 3, overdueDays: [1, 7, 14] });
  });

  it("sends each reminder and overdue notice once, to the right people, across runs", async () => {
    const { client, addresses, generalOnly } = await clientWithContacts();
    const make = (dueDate: string, extra: Parameters<typeof createTestInvoice>[2] = {}) =>
      createTestInvoice(db, client.id, { ...extra, invoice: { issueDate: "2005-04-01", dueDate, ...extra.invoice } }).then(({ invoice }) => invoice);
    const reminder = await make("2005-05-12");
    const overdue1 = await make("2005-05-09");
    const overdue2 = await make("2005-05-03");
    const overdue3 = await make("2005-04-20");
    const notYet = await make("2005-05-18");
    const issuedToday = await make("2005-05-12", { invoice: { issueDate: TODAY } });
    const paid = await make("2005-04-20", { invoice: { status: "paid", amountPaid: 1210 } });
    const cancelled = await make("2005-04-20", { invoice: { status: "cancelled" } });
    const settled = await make("2005-04-20", { invoice: { amountPaid: 1210 } });
    const ids = [reminder, overdue1, overdue2, overdue3, notYet, issuedToday, paid, cancelled, settled].map((invoice) => invoice.id);

    const first = await sendInvoiceNotices(TODAY);
    expect(first.reminder).toBeGreaterThanOrEqual(1);
    const second = await sendInvoiceNotices(TODAY);
    expect(second.today).toBe(TODAY);

    const recorded = await db.select().from(invoiceNotices).where(inArray(invoiceNotices.invoiceId, ids));
    expect(recorded.map((row) => `${row.invoiceId}:${row.kind}`).sort()).toEqual(
      [`${reminder.id}:reminder`, `${overdue1.id}:overdue1`, `${overdue2.id}:overdue2`, `${overdue3.id}:overdue3`].sort(),
    );

    const messages = messagesTo(addresses);
    expect(messages).toHaveLength(4 * 3);
    expect(outbox.some((message) => message.to === generalOnly.email)).toBe(false);
    const subjects = (address: string) => messagesTo([address]).map((message) => message.subject).sort();
    for (const address of addresses) {
      expect(subjects(address)).toEqual(
        [
          `Recordatorio de pago: factura ${reminder.proformaReference}`,
          `Factura vencida: ${overdue1.proformaReference}`,
          `Segundo aviso: la factura ${overdue2.proformaReference} sigue pendiente`,
          `Último aviso: la factura ${overdue3.proformaReference} sigue pendiente`,
        ].sort(),
      );
    }
    const logged = await db.select().from(sentEmails).where(eq(sentEmails.clientId, client.id));
    expect(logged.map((row) => row.template).sort()).toEqual(
      [...Array(3).fill("invoice-reminder"), ...Array(6).fill("overdue-notice"), ...Array(3).fill("overdue-notice")].sort(),
    );
    expect(logged.filter((row) => row.toAddress === addresses[0])).toHaveLength(4);

    // Six days later the reminded invoice is overdue and the first notice turns into the second.
    outbox.length = 0;
    await Promise.all([sendInvoiceNotices("2005-05-16"), sendInvoiceNotices("2005-05-16"), sendInvoiceNotices("2005-05-16")]);
    const later = await db.select().from(invoiceNotices).where(inArray(invoiceNotices.invoiceId, ids));
    expect(later.map((row) => `${row.invoiceId}:${row.kind}`).sort()).toEqual(
      [
        `${reminder.id}:reminder`,
        `${reminder.id}:overdue1`,
        `${overdue1.id}:overdue1`,
        `${overdue1.id}:overdue2`,
        `${overdue2.id}:overdue2`,
        `${overdue3.id}:overdue3`,
        `${notYet.id}:reminder`,
        `${issuedToday.id}:overdue1`,
      ].sort(),
    );
    // Three racing runs: each new notice still reached each recipient exactly once.
    expect(messagesTo([addresses[0]!]).map((message) => message.subject).sort()).toEqual(
      [
        `Factura vencida: ${reminder.proformaReference}`,
        `Segundo aviso: la factura ${overdue1.proformaReference} sigue pendiente`,
        `Recordatorio de pago: factura ${notYet.proformaReference}`,
        `Factura vencida: ${issuedToday.proformaReference}`,
      ].sort(),
    );
  });

  it("does not write to contacts of other clients", async () => {
    const { client } = await createTestClient(db);
    const { contact: stranger } = await createSubAccount(db, client.id, [], { hasAccess: false, passwordHash: null, email: uniqueEmail("ajeno") });
    const { client: other, owner } = await createTestClient(db, { client: { defaultBillingContactId: stranger.id } });
    await db.update(contacts).set({ emailPreferences: { general: true, invoices: true, support: false, products: false, domains: false } }).where(eq(contacts.id, stranger.id));
    const { invoice } = await createTestInvoice(db, other.id, { invoice: { issueDate: "2005-04-01", dueDate: "2005-05-09" } });

    await sendInvoiceNotices(TODAY);
    expect(outbox.filter((message) => message.subject.includes(invoice.proformaReference)).map((message) => message.to)).toEqual([owner.email]);
  });
});
