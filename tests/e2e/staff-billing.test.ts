import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { buildTinyPdf } from "@/db/seed/tiny-pdf";
import admin from "@/lib/i18n/messages/es/admin.json";
import billingMessages from "@/lib/i18n/messages/es/billing.json";
import dashboard from "@/lib/i18n/messages/es/dashboard.json";
import { expectNoHorizontalScroll, LOGINS, screenshot, type ViewportName } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import { setUpAdminSignIn } from "@/tests/helpers/staff-sign-in";

// Issue 10 Acceptance (billing and files): the staff admin signs in with TOTP, records a bank
// transfer for an unpaid invoice of demo@cliente.test, which becomes a numbered tax invoice the
// customer sees paid; and uploads a PDF that then appears on the client's dashboard.

const browser = setUpBrowser();
const adminSignIn = setUpAdminSignIn();
async function openDemoClient(page: Page) {
  await page.getByRole("navigation").getByRole("link", { name: admin.nav.billing }).click();
  await page.getByRole("heading", { level: 1, name: admin.billing.search.title }).waitFor();
  await page.getByLabel(admin.billing.search.label, { exact: true }).fill(LOGINS.demo);
  await Promise.all([page.waitForURL(/q=/), page.getByRole("button", { name: admin.billing.search.submit }).click()]);
  await page.locator("main li a").first().click();
  await page.waitForURL(/\/admin\/facturacion\/\d+$/);
  await page.getByRole("heading", { level: 1 }).waitFor();
}

describe("staff billing and files", () => {
  it("is a 404 to customers and signed-out visitors", async () => {
    await browser.withPage("desktop", async (page) => {
      for (const path of ["/admin/facturacion", "/admin/facturacion/1", "/admin/facturacion/factura/1"]) {
        expect((await page.goto(path, { waitUntil: "commit" }))?.status(), path).toBe(404);
      }
    });
    await browser.withSignedInPage({ email: LOGINS.demo }, async (page) => {
      expect((await page.goto("/admin/facturacion", { waitUntil: "commit" }))?.status()).toBe(404);
    });
  });

  for (const viewport of ["desktop", "phone"] as ViewportName[]) {
    it(`at ${viewport}: the admin records a bank transfer for an unpaid invoice, which the customer then sees paid with its number`, async () => {
      const concept = `Mantenimiento web ${viewport} ${Date.now()}`;
      let invoiceId = "";
      let number = "";
      const transfer = `TRF-${viewport}-${Date.now()}`;
      await browser.withPage(viewport, async (page) => {
        await adminSignIn(page);
        await openDemoClient(page);
        await expectNoHorizontalScroll(page);
        // An unpaid invoice of the demo client that no other test pays: created here with the staff form.
        const create = page.locator("section", { has: page.getByRole("heading", { name: admin.billing.create.title }) });
        await create.getByLabel(admin.billing.create.description.replace("{n}", "1"), { exact: true }).fill(concept);
        await create.getByLabel(admin.billing.create.unitAmount, { exact: true }).first().fill("40");
        await create.getByRole("button", { name: admin.billing.create.submit }).click();
        await create.getByText(admin.billing.create.done).waitFor();
        // The newest invoice is first in the list: a proforma, unpaid.
        const newest = page.getByRole("region", { name: admin.billing.client.invoices }).locator("li").first();
        await newest.getByText(billingMessages.status.unpaid).waitFor();
        await newest.getByRole("link").click();
        await page.waitForURL(/\/admin\/facturacion\/factura\/\d+$/);
        invoiceId = page.url().split("/").pop()!;
        await page.getByText(concept).waitFor();
        expect(await page.getByRole("heading", { level: 1 }).innerText()).toMatch(/PRO-\d+/);

        const payment = page.locator("section", { has: page.getByRole("heading", { name: admin.billing.payment.title }) });
        // The amount due is proposed (40 € + 21 % VAT, less any credit the demo client still had, applied on creation).
        const due = await page.getByTestId("amount-due").innerText();
        expect(due.replace(/\s/g, "")).toContain(await payment.getByLabel(admin.billing.payment.amount, { exact: true }).inputValue());
        await payment.getByLabel(admin.billing.payment.reference, { exact: true }).fill(transfer);
        await screenshot(page, `staff-billing-${viewport}-transfer`);
        await payment.getByRole("button", { name: admin.billing.payment.submit }).click();
        // The page is refreshed: the invoice now has its number and no payment form is left.
        const heading = page.getByRole("heading", { level: 1 });
        await expect.poll(() => heading.innerText(), { timeout: 10_000 }).toMatch(/F\d{4}-\d{6}/);
        number = /F\d{4}-\d{6}/.exec(await heading.innerText())![0];
        await page.getByText(billingMessages.status.paid).first().waitFor();
        await page.getByTestId("paid-as").getByText(number).waitFor();
        expect(await page.getByRole("heading", { name: admin.billing.payment.title }).count()).toBe(0);
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-billing-${viewport}-paid`);
      });

      await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
        await page.goto(`/facturacion/facturas/${invoiceId}`);
        const main = page.locator("main");
        await main.getByText(number).first().waitFor();
        await main.getByText(billingMessages.status.paid).first().waitFor();
        // The payment is listed as the bank transfer it was, with its reference.
        await main.getByText(billingMessages.gateways.bank_transfer).waitFor();
        await main.getByText(transfer).waitFor();
        await expectNoHorizontalScroll(page);
      });
    });
  }

  it("at desktop: the admin uploads a PDF for the client, which then appears on the client's dashboard", async () => {
    const title = `Contrato de mantenimiento ${Date.now()}`;
    await browser.withPage("desktop", async (page) => {
      await adminSignIn(page);
      await openDemoClient(page);
      const files = page.locator("section", { has: page.getByRole("heading", { name: admin.files.title }) });
      await files.getByLabel(admin.files.titleField, { exact: true }).fill(title);
      await files.getByLabel(admin.files.file, { exact: true }).setInputFiles({ name: "contrato.pdf", mimeType: "application/pdf", buffer: buildTinyPdf("Contrato", ["Contrato de mantenimiento"]) });
      await files.getByRole("button", { name: admin.files.upload }).click();
      await files.getByText(admin.files.uploaded).waitFor();
      await files.getByText(`${title} (contrato.pdf)`).waitFor();
      await screenshot(page, "staff-billing-desktop-file");
    });
    await browser.withSignedInPage({ email: LOGINS.demo }, async (page) => {
      await page.goto("/");
      const section = page.locator("section", { has: page.getByRole("heading", { name: dashboard.files.title }) });
      await section.getByText(title).waitFor();
      await screenshot(page, "staff-billing-desktop-dashboard-file");
    });
  });
});
