import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import billing from "@/lib/i18n/messages/es/billing.json";
import billingErrors from "@/lib/i18n/messages/es/billing-errors.json";
import {
  createUnpaidInvoice,
  creditBalance,
  euroAmounts,
  euroCents,
  euros,
  expectNoHorizontalScroll,
  finishSandboxPayment,
  LOGINS,
  openInvoiceList,
  outboxLines,
  plainSpaces,
  screenshot,
  serverLogOffset,
  startAddFunds,
  type ViewportName,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

// Issue 3 Acceptance, the money: a sandbox payment end to end (paid and declined), a mass payment,
// an applied credit and Añadir fondos, in chromium. All of it as otro@cliente.test, on invoices
// each test creates itself through Añadir fondos (plus otro's seeded unpaid renewal for the credit,
// the only kind of invoice credit may pay): the other e2e files read demo@'s billing state, and of
// otro@ only the name, files and tickets, which nothing here touches.

const TAX_NUMBER = /^F(\d{4})-(\d{6})$/;
/** For the journeys of a dozen page loads: on a loaded 2-CPU runner they have taken 25 s. */
const SLOW = 120_000;

const browser = setUpBrowser();

function invoiceHeading(page: Page): Locator {
  return page.locator("main h1").locator("xpath=..");
}

/** Opens an invoice page and returns its title ("Factura F2026-000007" / "Factura proforma PRO-…") and status line. */
async function openInvoice(page: Page, id: number): Promise<{ title: string; heading: string }> {
  await page.goto(`/facturacion/facturas/${id}`);
  const title = ((await page.locator("main h1").textContent()) ?? "").trim();
  return { title, heading: plainSpaces(await invoiceHeading(page).innerText()) };
}

async function totalsAmount(page: Page, label: RegExp): Promise<number> {
  const row = page.locator("main article dl > div").filter({ has: page.locator("dt", { hasText: label }) });
  return euroCents(await row.locator("dd").innerText());
}

/** The tax number of a paid invoice as its page shows it. */
async function taxNumberOf(page: Page, id: number): Promise<string> {
  const { title, heading } = await openInvoice(page, id);
  expect(heading).toContain("Pagada");
  const number = title.replace(/^Factura /, "");
  expect(number).toMatch(TAX_NUMBER);
  expect(await page.locator("main article").innerText()).toContain(`Número de factura: ${number}`);
  return number;
}

/** "Crédito disponible: X." in the header's Notificaciones, in cents (0 when the line is absent). */
async function notifiedCredit(page: Page): Promise<number> {
  await page.goto("/facturacion/facturas");
  await page.locator("header summary").click();
  const panel = page.locator("header details[open]");
  await panel.waitFor();
  const line = /Crédito disponible: ([^.]+ €)\./.exec(plainSpaces(await panel.innerText()))?.[1];
  return line ? euroCents(line) : 0;
}

/** Checks the sandbox page is the clearly labelled test gateway for `amount`. */
async function expectSandboxPage(page: Page, amount: number): Promise<void> {
  await page.waitForURL((url) => /^\/facturacion\/pago\/\d+$/.test(url.pathname));
  await page.getByRole("heading", { level: 1, name: "Pago de prueba" }).waitFor();
  expect(await page.getByRole("note").innerText()).toContain("Pasarela de pruebas — no se cobra nada");
  expect(euroCents(await page.getByTestId("sandbox-amount").innerText())).toBe(amount);
}

describe.each<ViewportName>(["desktop", "phone"])("sandbox payment at %s", (viewport) => {
  it("Pagar ahora → Pago correcto → Pago recibido: the invoice is paid and gets a tax number", { timeout: SLOW }, async () => {
    await browser.withSignedInPage({ email: LOGINS.other, viewport }, async (page) => {
      const invoice = await createUnpaidInvoice(page, "12,34");
      const before = await openInvoice(page, invoice.id);
      expect(before.title).toBe(`Factura proforma ${invoice.reference}`);
      expect(before.heading).toContain("Sin pagar");

      const aside = page.getByRole("complementary", { name: "Pago de la factura", exact: true });
      expect(euroAmounts(await aside.innerText())[0]).toBe(1234);
      await aside.getByRole("button", { name: "Pagar ahora", exact: true }).click();
      await expectSandboxPage(page, 1234);
      expect(await page.locator("main").innerText()).toContain(`Factura proforma ${invoice.reference}`);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `billing-${viewport}-pasarela-pruebas`);
      const sandboxPath = new URL(page.url()).pathname;

      // The page the gateway returns to only reads the attempt: while it is open it says so (and
      // keeps refreshing itself), and reaching it pays nothing.
      const waiting = await page.context().newPage();
      await waiting.goto(`${sandboxPath}/resultado`);
      const waitingStatus = waiting.locator("main").getByRole("status");
      await waitingStatus.filter({ hasText: "Procesando el pago…" }).waitFor();
      expect((await openInvoice(page, invoice.id)).heading).toContain("Sin pagar");
      await page.goto(sandboxPath);

      const logOffset = serverLogOffset();
      const outcome = await finishSandboxPayment(page, "approve");
      await waitingStatus.filter({ hasText: "Pago recibido" }).waitFor();
      await waiting.close();
      expect(plainSpaces(await outcome.innerText())).toContain(`Hemos recibido ${euros(1234)}`);
      const link = page.getByRole("link", { name: /^Ver la factura F\d{4}-\d{6}$/ });
      const number = ((await link.getAttribute("aria-label")) ?? "").replace(/^Ver la factura /, "");
      expect(await link.locator("xpath=..").innerText()).toContain("Pagada");
      await expectNoHorizontalScroll(page);
      await screenshot(page, `billing-${viewport}-pago-recibido`);

      // The customer is told once, with the invoice's new number.
      const receipts = () => outboxLines(logOffset, LOGINS.other).filter((line) => line.includes(`subject="Pago recibido: factura ${number}"`)).length;
      await expect.poll(receipts, { timeout: 15_000 }).toBe(1);

      await link.click();
      await page.getByRole("heading", { level: 1, name: `Factura ${number}` }).waitFor();
      expect(await taxNumberOf(page, invoice.id)).toBe(number);
      expect(await totalsAmount(page, /^Importe pendiente$/)).toBe(0);
      expect(await page.getByRole("button", { name: "Pagar ahora" }).count()).toBe(0);
      expect(await page.locator("main article").innerText()).toContain("Tarjeta (pago de prueba)");
      const row = (await openInvoiceList(page)).find((candidate) => candidate.id === invoice.id);
      expect(row).toMatchObject({ label: number, status: "Pagada" });
    });
  });

  it("Tarjeta rechazada: the failure is shown and the invoice stays unpaid", async () => {
    await browser.withSignedInPage({ email: LOGINS.other, viewport }, async (page) => {
      const invoice = await createUnpaidInvoice(page, "10");
      await openInvoice(page, invoice.id);
      await page.getByRole("button", { name: "Pagar ahora", exact: true }).click();
      await expectSandboxPage(page, 1000);

      const outcome = await finishSandboxPayment(page, "decline");
      expect(await outcome.innerText()).toContain("La tarjeta ha sido rechazada.");
      expect(await outcome.innerText()).toContain("No se ha cobrado nada");
      expect(await page.locator("main").innerText()).toContain(`Factura proforma ${invoice.reference}`);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `billing-${viewport}-tarjeta-rechazada`);

      const after = await openInvoice(page, invoice.id);
      expect(after.title).toBe(`Factura proforma ${invoice.reference}`);
      expect(after.heading).toContain("Sin pagar");
      expect(await totalsAmount(page, /^Importe pendiente$/)).toBe(1000);
      expect(await page.locator("main article").innerText()).toContain("Todavía no hay pagos en esta factura.");
      await page.getByRole("button", { name: "Pagar ahora", exact: true }).waitFor();
    });
  });
});

describe("mass payment", () => {
  it("pays the ticked invoices in one payment; they get consecutive numbers in id order", { timeout: SLOW }, async () => {
    await browser.withSignedInPage({ email: LOGINS.other, viewport: "desktop" }, async (page) => {
      const created = [await createUnpaidInvoice(page, "10"), await createUnpaidInvoice(page, "11,11"), await createUnpaidInvoice(page, "12,34")];
      const createdIds = created.map((invoice) => invoice.id);
      const unpaid = (await openInvoiceList(page, "?estado=sin-pagar")).map((row) => row.id);

      await page.goto("/facturacion/pago-masivo");
      await page.getByRole("heading", { level: 1, name: "Pago masivo" }).waitFor();
      const boxes = page.locator('main input[type="checkbox"][name="invoiceIds"]');
      const listed = (await boxes.evaluateAll((inputs) => inputs.map((input) => Number((input as HTMLInputElement).value)))).sort((a, b) => a - b);
      expect(listed).toEqual([...unpaid].sort((a, b) => a - b));
      for (const box of await boxes.all()) expect(await box.isChecked()).toBe(true);
      const total = page.locator("main output");
      let listedTotal = 0;
      for (const item of await page.locator("main form li").all()) listedTotal += euroAmounts(await item.innerText()).at(-1)!;
      expect(euroCents(await total.innerText())).toBe(listedTotal);
      expect(await page.locator("main").innerText()).toContain(`${listed.length} facturas seleccionadas de ${listed.length}`);

      // Only this test's invoices: the others stay for the tests that need an unpaid one.
      for (const id of listed.filter((candidate) => !createdIds.includes(candidate))) await page.locator(`#invoice-${id}`).uncheck();
      await page.getByText(`3 facturas seleccionadas de ${listed.length}`).waitFor();
      expect(euroCents(await total.innerText())).toBe(1000 + 1111 + 1234);
      await screenshot(page, "billing-desktop-pago-masivo");

      await page.getByRole("button", { name: "Pagar la selección", exact: true }).click();
      await expectSandboxPage(page, 3345);
      const sandboxText = await page.locator("main").innerText();
      for (const invoice of created) expect(sandboxText).toContain(`Factura proforma ${invoice.reference}`);
      await finishSandboxPayment(page, "approve");
      expect(await page.getByRole("link", { name: /^Ver la factura F\d{4}-\d{6}$/ }).count()).toBe(3);

      const numbers = [];
      for (const id of [...createdIds].sort((a, b) => a - b)) numbers.push(TAX_NUMBER.exec(await taxNumberOf(page, id))!);
      expect(new Set(numbers.map((match) => match[1])).size).toBe(1);
      const sequence = numbers.map((match) => Number(match[2]));
      expect(sequence).toEqual([sequence[0], sequence[0] + 1, sequence[0] + 2]);

      // The invoices left out were not paid.
      const stillUnpaid = (await openInvoiceList(page, "?estado=sin-pagar")).map((row) => row.id);
      expect(stillUnpaid.sort()).toEqual(listed.filter((id) => !createdIds.includes(id)).sort());
    });
  });
});

describe("credit", () => {
  it("Aplicar crédito lowers the amount due by min(credit, due) and the credit by the same", async () => {
    await browser.withSignedInPage({ email: LOGINS.other, viewport: "phone" }, async (page) => {
      // Credit of its own first, so the test does not depend on the Añadir fondos one.
      await startAddFunds(page, "10");
      await finishSandboxPayment(page, "approve");
      const credit = await creditBalance(page);
      expect(credit).toBeGreaterThanOrEqual(1000);
      expect(await notifiedCredit(page)).toBe(credit);

      // Credit pays any invoice but an add-funds one: the button shows only where it can be used.
      let invoiceId: number | undefined;
      for (const row of await openInvoiceList(page, "?estado=sin-pagar")) {
        await page.goto(row.href);
        await page.locator("main h1").waitFor();
        if ((await page.getByRole("button", { name: "Aplicar crédito", exact: true }).count()) > 0) {
          invoiceId = row.id;
          break;
        }
      }
      expect(invoiceId, "an unpaid invoice of otro@ that credit can pay (the seeded domain renewal)").toBeDefined();
      const due = await totalsAmount(page, /^Importe pendiente$/);
      const paidBefore = await totalsAmount(page, /^Pagado$/);
      const applied = Math.min(credit, due);
      expect(plainSpaces(await page.getByRole("complementary", { name: "Pago de la factura" }).innerText())).toContain(`Dispone de ${euros(credit)} de crédito en su cuenta.`);

      await page.getByRole("button", { name: "Aplicar crédito", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Aplicar crédito a la factura" });
      await dialog.waitFor();
      expect(plainSpaces(await dialog.innerText())).toContain(`Se aplicarán ${euros(applied)} de su crédito (${euros(credit)} disponibles) a esta factura.`);
      await expectNoHorizontalScroll(page);
      await screenshot(page, "billing-phone-aplicar-credito");
      await dialog.getByRole("button", { name: "Aplicar el crédito", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("aviso") === "credito");
      await page.getByRole("status").filter({ hasText: billing.invoice.notices.creditApplied }).waitFor();

      expect(await totalsAmount(page, /^Importe pendiente$/)).toBe(due - applied);
      expect(await totalsAmount(page, /^Pagado$/)).toBe(paidBefore + applied);
      const creditPayment = page.locator("main article table tbody tr").filter({ hasText: "Crédito de la cuenta" }).last();
      expect(euroAmounts(await creditPayment.innerText()).at(-1)).toBe(applied);
      const heading = plainSpaces(await invoiceHeading(page).innerText());
      if (applied === due) {
        expect(heading).toContain("Pagada");
        expect(await page.locator("main h1").textContent()).toMatch(/^Factura F\d{4}-\d{6}$/);
      } else {
        expect(heading).toMatch(/Sin pagar|Vencida/);
      }

      expect(await creditBalance(page)).toBe(credit - applied);
      expect(await notifiedCredit(page)).toBe(credit - applied);
    });
  });
});

describe("Añadir fondos", () => {
  it("refuses a bad amount under the field and creates nothing; 25,50 paid raises the credit by 25,50 €", async () => {
    await browser.withSignedInPage({ email: LOGINS.other, viewport: "desktop" }, async (page) => {
      const invoicesBefore = (await openInvoiceList(page)).map((row) => row.id);
      const creditBefore = await creditBalance(page);

      const field = page.getByLabel("Importe en euros");
      const submit = page.locator("main").getByRole("button", { name: "Añadir fondos", exact: true });
      const cases: Array<[string, string]> = [
        ["0", billing.addFunds.amountInvalid],
        ["abc", billing.addFunds.amountInvalid],
        ["5", billingErrors.addFundsMin],
      ];
      for (const [typed, message] of cases) {
        await field.fill(typed);
        // Each answer must be this submission's: two in a row carry the same message.
        await Promise.all([
          page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/facturacion/anadir-fondos"),
          submit.click(),
        ]);
        await page.waitForFunction(() => document.querySelector('main button[aria-busy="true"]') === null);
        const error = page.locator("#field-amount-error");
        await error.filter({ hasText: message }).waitFor();
        expect(await error.getAttribute("role")).toBe("alert");
        expect(await field.getAttribute("aria-invalid")).toBe("true");
        expect(await field.getAttribute("aria-describedby")).toContain("field-amount-error");
        expect(await field.inputValue()).toBe(typed);
        expect(new URL(page.url()).pathname).toBe("/facturacion/anadir-fondos");
      }
      await screenshot(page, "billing-desktop-anadir-fondos-error");
      expect((await openInvoiceList(page)).map((row) => row.id)).toEqual(invoicesBefore);
      expect(await creditBalance(page)).toBe(creditBefore);

      const { reference } = await startAddFunds(page, "25,50");
      await expectSandboxPage(page, 2550);
      await finishSandboxPayment(page, "approve");

      expect(await creditBalance(page)).toBe(creditBefore + 2550);
      expect(await notifiedCredit(page)).toBe(creditBefore + 2550);
      const after = await openInvoiceList(page);
      const added = after.filter((row) => !invoicesBefore.includes(row.id));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({ status: "Pagada", total: 2550 });
      expect(added[0].label).toMatch(TAX_NUMBER);
      await openInvoice(page, added[0].id);
      expect(await page.locator("main article").innerText()).toContain(`Emitida a partir de la factura proforma ${reference}.`);
    });
  });
});
