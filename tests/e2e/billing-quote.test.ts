import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import billing from "@/lib/i18n/messages/es/billing.json";
import {
  euroCents,
  expectNoHorizontalScroll,
  LOGINS,
  openInvoiceList,
  outboxLines,
  plainSpaces,
  screenshot,
  serverLogOffset,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

// Issue 3 Acceptance, an accepted quote. Only demo@cliente.test has a quote, so this file changes
// demo's state: the quote becomes accepted and demo gets one more unpaid invoice (which demo's 25 €
// credit partly pays by itself: new invoices take available credit). The other e2e files stay
// order-independent: they read demo's dashboard only for "N unpaid invoices ... vencida(s)" with
// any N (the overdue invoice is untouched) and for the references of whatever invoices are unpaid;
// none reads the quote, the credit balance or a fixed invoice count. billing-documents reads the
// quote's PDF, which is the same before and after acceptance.

const SUBJECT = "Migración de la tienda online al Plan Empresa";

const browser = setUpBrowser();

async function totalOf(page: Page): Promise<number> {
  const row = page.locator("main article dl > div").filter({ has: page.locator("dt", { hasText: /^Total$/ }) });
  return euroCents(await row.locator("dd").innerText());
}

/** The row of the quote in "Mis ofertas": its link, reference and stage text. */
async function quoteRow(page: Page): Promise<{ href: string; reference: string; text: string }> {
  await page.goto("/facturacion/ofertas");
  const row = page.locator("main table tbody tr").filter({ hasText: SUBJECT });
  expect(await row.count()).toBe(1);
  const link = row.getByRole("link");
  return { href: (await link.getAttribute("href")) ?? "", reference: ((await link.textContent()) ?? "").trim(), text: plainSpaces(await row.innerText()) };
}

describe("Aceptar la oferta", () => {
  // Two sign-ins and a dozen page loads: 46 s once on a loaded 2-CPU runner.
  it("at a phone: confirming creates exactly one invoice for the quote's total; the quote is then accepted", { timeout: 120_000 }, async () => {
    const { invoiceId, quoteHref, total } = await browser.withSignedInPage({ email: LOGINS.demo, viewport: "phone" }, async (page) => {
      const invoicesBefore = (await openInvoiceList(page)).map((row) => row.id);
      const quote = await quoteRow(page);
      expect(quote.text).toContain("Enviada");
      await page.goto(quote.href);
      await page.getByRole("heading", { level: 1, name: `Oferta ${quote.reference}` }).waitFor();
      const total = await totalOf(page);
      await expectNoHorizontalScroll(page);

      // Cancelling the confirmation does nothing.
      await page.getByRole("button", { name: "Aceptar la oferta", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: `¿Aceptar la oferta ${quote.reference}?` });
      await dialog.waitFor();
      await dialog.getByRole("button", { name: "Cancelar", exact: true }).click();
      await dialog.waitFor({ state: "hidden" });
      expect((await openInvoiceList(page)).map((row) => row.id)).toEqual(invoicesBefore);

      await page.goto(quote.href);
      await page.getByRole("button", { name: "Aceptar la oferta", exact: true }).click();
      await dialog.waitFor();
      const terms = plainSpaces(await dialog.innerText());
      expect(terms).toContain(`Va a aceptar la oferta «${SUBJECT}»`);
      expect(terms).toContain("Condiciones");
      await expectNoHorizontalScroll(page);
      await screenshot(page, "billing-phone-aceptar-oferta");
      const logOffset = serverLogOffset();
      await dialog.getByRole("button", { name: "Sí, acepto la oferta", exact: true }).click();

      await page.waitForURL((url) => /^\/facturacion\/facturas\/\d+$/.test(url.pathname) && url.searchParams.get("aviso") === "oferta");
      await page.getByRole("status").filter({ hasText: billing.invoice.notices.quoteAccepted }).waitFor();
      const invoiceId = Number(new URL(page.url()).pathname.split("/").pop());
      expect(await totalOf(page)).toBe(total);
      await expectNoHorizontalScroll(page);

      const invoicesAfter = await openInvoiceList(page);
      const added = invoicesAfter.filter((row) => !invoicesBefore.includes(row.id));
      expect(added.map((row) => row.id)).toEqual([invoiceId]);
      expect(added[0].total).toBe(total);
      expect(invoicesAfter).toHaveLength(invoicesBefore.length + 1);

      // One "quote accepted" and one "new invoice" email to the owner.
      const sent = (subject: string) => () => outboxLines(logOffset, LOGINS.demo).filter((line) => line.includes(`subject="${subject}"`)).length;
      await expect.poll(sent(`Oferta ${quote.reference} aceptada`), { timeout: 15_000 }).toBe(1);
      await expect.poll(sent(`Nueva factura ${added[0].label.replace(/^Proforma /, "")}`), { timeout: 15_000 }).toBe(1);
      return { invoiceId, quoteHref: quote.href, total };
    });

    // Reopened elsewhere (a desktop, a new session): accepted, linked to its invoice, no way to accept again.
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      const quote = await quoteRow(page);
      expect(quote.text).toContain("Aceptada");
      await page.goto(quoteHref);
      await page.getByRole("heading", { level: 1 }).waitFor();
      const acceptance = page.getByRole("region", { name: "Aceptación de la oferta", exact: true });
      expect(await acceptance.innerText()).toMatch(/^Aceptó esta oferta el /);
      expect(await acceptance.getByRole("link", { name: "Ver la factura", exact: true }).getAttribute("href")).toBe(`/facturacion/facturas/${invoiceId}`);
      expect(await page.getByRole("button", { name: "Aceptar la oferta" }).count()).toBe(0);
      expect(await page.locator("main h1").locator("xpath=..").innerText()).toContain("Aceptada");
      expect(await totalOf(page)).toBe(total);
      await screenshot(page, "billing-desktop-oferta-aceptada");

      // Still exactly one invoice for it.
      const invoices = await openInvoiceList(page);
      expect(invoices.filter((row) => row.id === invoiceId)).toHaveLength(1);
    });
  });
});
