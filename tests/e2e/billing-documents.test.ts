import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PERSON } from "@/db/seed/demo-accounts";
import { COMPANY_SETTINGS } from "@/db/seed/reference-data";
import {
  euroAmounts,
  euroCents,
  euros,
  expectNoHorizontalScroll,
  invoiceRows,
  LOGINS,
  openInvoiceList,
  plainSpaces,
  screenshot,
  startAddFunds,
  type InvoiceRow,
  type ViewportName,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import { pdfFileText } from "@/tests/helpers/pdf-text";

// Issue 3 Acceptance, the documents: the invoice list (statuses, balance due, filter, sort) and an
// invoice page at a desktop and a 390 px phone; the downloaded PDFs read with PDF.js; the
// billing-only sub-account. Only READS demo's billing data (other files read demo's dashboard);
// the one write is an add-funds payment attempt of otro@, whose data no other file reads.

const ISSUER_NIF = COMPANY_SETTINGS.taxId;
const DEMO_NIF = DEMO_PERSON.taxId!;
const TAX_NUMBER = /^F\d{4}-\d{6}$/;
const ARTIFACTS = path.join(process.cwd(), "tests", "e2e", "artifacts");

const browser = setUpBrowser();

/** The amount beside `label` in the invoice's totals (Base imponible, IVA, Total, Pagado, Importe pendiente). */
async function totalsAmount(page: Page, label: RegExp): Promise<number> {
  const row = page.locator("main article dl > div").filter({ has: page.locator("dt", { hasText: label }) });
  expect(await row.count(), `one totals row ${label}`).toBe(1);
  return euroCents(await row.locator("dd").innerText());
}

/** Title and status badge above the document. */
function invoiceHeading(page: Page): Locator {
  return page.locator("main h1").locator("xpath=..");
}

async function summaryOf(page: Page): Promise<{ balanceDue: number; overdueCount: number }> {
  const summary = plainSpaces(await page.getByRole("region", { name: "Resumen de su facturación", exact: true }).innerText());
  const balance = /Saldo pendiente\s+(\S+ €)/.exec(summary)?.[1];
  const overdue = /Facturas vencidas\s+(\d+)/.exec(summary)?.[1];
  expect(balance, summary).toBeDefined();
  expect(overdue, summary).toBeDefined();
  return { balanceDue: euroCents(balance!), overdueCount: Number(overdue) };
}

async function download(page: Page, link: Locator, name: string): Promise<{ fileName: string; file: string }> {
  const [event] = await Promise.all([page.waitForEvent("download"), link.click()]);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.pdf`);
  await event.saveAs(file);
  expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  return { fileName: event.suggestedFilename(), file };
}

describe.each<ViewportName>(["desktop", "phone"])("demo's invoices at %s", (viewport) => {
  it("lists them with their statuses and the balance due; the filter and the sort work", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
      const all = await openInvoiceList(page);
      const statuses = new Set(all.map((row) => row.status));
      for (const status of ["Pagada", "Sin pagar", "Vencida"] as const) expect(statuses, `a "${status}" invoice in the list`).toContain(status);
      for (const row of all) expect(row.label).toMatch(row.status === "Pagada" ? TAX_NUMBER : /^Proforma PRO-\d+$/);

      const { balanceDue, overdueCount } = await summaryOf(page);
      const owed = all.reduce((sum, row) => sum + row.due, 0);
      expect(owed).toBeGreaterThan(0);
      expect(balanceDue).toBe(owed);
      expect(overdueCount).toBe(all.filter((row) => row.status === "Vencida").length);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `billing-${viewport}-facturas`);

      const filters = page.getByRole("navigation", { name: "Filtrar por estado", exact: true });
      const expectations: Array<[string, string, (row: InvoiceRow) => boolean]> = [
        ["Vencidas", "vencidas", (row) => row.status === "Vencida"],
        ["Pagadas", "pagadas", (row) => row.status === "Pagada"],
        // "Sin pagar" is everything awaiting payment, overdue ones included.
        ["Sin pagar", "sin-pagar", (row) => row.status === "Sin pagar" || row.status === "Vencida"],
      ];
      for (const [label, param, belongs] of expectations) {
        await filters.getByRole("link", { name: label, exact: true }).click();
        await page.waitForURL((url) => url.searchParams.get("estado") === param);
        await filters.getByRole("link", { name: label, exact: true }).and(page.locator('[aria-current="page"]')).waitFor();
        const shown = await invoiceRows(page);
        expect(shown.map((row) => row.id).sort(), `filter ${label}`).toEqual(all.filter(belongs).map((row) => row.id).sort());
      }
      await filters.getByRole("link", { name: "Todas", exact: true }).click();
      await page.waitForURL((url) => !url.searchParams.has("estado"));

      await page.getByLabel("Ordenar por").selectOption({ label: "Importe: mayor primero" });
      await page.getByRole("button", { name: "Ordenar", exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get("orden") === "importe-desc");
      const sorted = await invoiceRows(page);
      expect(sorted.map((row) => row.total)).toEqual(all.map((row) => row.total).sort((a, b) => b - a));
    });
  });

  it("shows a paid invoice with both NIFs, the IVA line and the total, and an unpaid one as a proforma", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
      const all = await openInvoiceList(page);
      const paid = all.find((row) => row.status === "Pagada")!;
      const unpaid = all.find((row) => row.status === "Sin pagar" || row.status === "Vencida")!;

      await page.getByRole("link", { name: paid.label, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: `Factura ${paid.label}` }).waitFor();
      expect(await invoiceHeading(page).innerText()).toContain("Pagada");
      const article = page.locator("main article");
      const text = plainSpaces(await article.innerText());
      expect(text).toContain(`Número de factura: ${paid.label}`);
      expect(text).toContain(COMPANY_SETTINGS.legalName);
      expect(text).toContain(`NIF: ${ISSUER_NIF}`);
      expect(text).toContain(`NIF: ${DEMO_NIF}`);
      const base = await totalsAmount(page, /^Base imponible \(21\s%\)$/);
      const iva = await totalsAmount(page, /^IVA \(21\s%\)$/);
      const total = await totalsAmount(page, /^Total$/);
      expect(base + iva).toBe(total);
      expect(total).toBe(paid.total);
      expect(await totalsAmount(page, /^Importe pendiente$/)).toBe(0);
      expect(await page.getByRole("button", { name: "Pagar ahora" }).count()).toBe(0);
      await page.getByRole("link", { name: "Descargar PDF", exact: true }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `billing-${viewport}-factura-pagada`);

      // "Imprimir" opens the print dialog, and on paper only the document shows.
      await page.evaluate(() => {
        window.print = () => document.documentElement.setAttribute("data-printed", "yes");
      });
      await page.getByRole("button", { name: "Imprimir", exact: true }).click();
      expect(await page.locator("html").getAttribute("data-printed")).toBe("yes");
      await page.emulateMedia({ media: "print" });
      expect(await article.isVisible()).toBe(true);
      for (const chrome of [
        page.getByRole("button", { name: "Imprimir", exact: true }),
        page.getByRole("link", { name: "Descargar PDF", exact: true }),
        page.getByRole("link", { name: "← Mis facturas", exact: true }),
        page.locator("header").first(),
      ]) {
        expect(await chrome.isVisible(), `${chrome} on paper`).toBe(false);
      }
      await page.emulateMedia({ media: "screen" });

      await page.goto(unpaid.href);
      await page.getByRole("heading", { level: 1, name: `Factura proforma ${unpaid.label.replace(/^Proforma /, "")}` }).waitFor();
      expect(await invoiceHeading(page).innerText()).toContain(unpaid.status);
      expect(await page.locator("main article").innerText()).toContain("Este documento no es una factura.");
      const aside = page.getByRole("complementary", { name: "Pago de la factura", exact: true });
      expect(euroAmounts(await aside.innerText())[0]).toBe(unpaid.due);
      await aside.getByRole("button", { name: "Pagar ahora", exact: true }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `billing-${viewport}-factura-proforma`);
    });
  });
});

describe("at a 390 px phone", () => {
  it.each([LOGINS.demo, LOGINS.billing])("every billing page opens for %s without sideways scroll", async (login) => {
    await browser.withSignedInPage({ email: login, viewport: "phone" }, async (page) => {
      const rows = await openInvoiceList(page);
      await page.goto("/facturacion/ofertas");
      const quoteHref = await page.locator("main table").getByRole("link", { name: /^OF-\d+$/ }).first().getAttribute("href");
      const paths = [
        "/facturacion/facturas",
        "/facturacion/facturas?estado=vencidas",
        rows.find((row) => row.status === "Pagada")!.href,
        rows.find((row) => row.status !== "Pagada")!.href,
        "/facturacion/pago-masivo",
        "/facturacion/anadir-fondos",
        "/facturacion/ofertas",
        quoteHref!,
      ];
      for (const href of paths) {
        const response = await page.goto(href);
        expect(response?.status(), `GET ${href}`).toBe(200);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        await expectNoHorizontalScroll(page);
      }
    });
  });
});

describe("downloaded PDFs", () => {
  it("a paid invoice: the tax invoice's number, both NIFs, tax base, IVA and total as the page shows them", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      const paid = (await openInvoiceList(page, "?estado=pagadas"))[0];
      expect(paid?.label).toMatch(TAX_NUMBER);
      await page.goto(paid.href);
      await page.getByRole("heading", { level: 1, name: `Factura ${paid.label}` }).waitFor();
      const base = euros(await totalsAmount(page, /^Base imponible \(21\s%\)$/));
      const iva = euros(await totalsAmount(page, /^IVA \(21\s%\)$/));
      const total = euros(await totalsAmount(page, /^Total$/));

      const { fileName, file } = await download(page, page.getByRole("link", { name: "Descargar PDF", exact: true }), `billing-${paid.label}`);
      expect(fileName).toBe(`${paid.label}.pdf`);
      const text = await pdfFileText(file);
      expect(text).toContain(paid.label);
      expect(text).toContain(ISSUER_NIF);
      expect(text).toContain(DEMO_NIF);
      expect(text).toContain(COMPANY_SETTINGS.legalName);
      // Each amount on the line of its label, not merely somewhere in the document.
      expect(text).toMatch(new RegExp(`Base imponible \\(21\\s%\\) +${literal(base)}`));
      expect(text).toMatch(new RegExp(`IVA \\(21\\s%\\) +${literal(iva)}`));
      expect(text).toMatch(new RegExp(`Total[^\\n]* +${literal(total)}`));

      const response = await page.request.get(paid.href.replace("/facturacion/facturas/", "/api/facturas/") + "/pdf");
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toBe("application/pdf");
      expect(response.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; ?filename="${literal(paid.label)}\\.pdf"`));
    });
  });

  it("an unpaid invoice: the proforma, its reference and amounts, and no tax number", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      const unpaid = (await openInvoiceList(page, "?estado=sin-pagar"))[0];
      const reference = unpaid.label.replace(/^Proforma /, "");
      await page.goto(unpaid.href);
      await page.getByRole("heading", { level: 1, name: `Factura proforma ${reference}` }).waitFor();
      const base = euros(await totalsAmount(page, /^Base imponible \(21\s%\)$/));
      const iva = euros(await totalsAmount(page, /^IVA \(21\s%\)$/));
      const total = euros(await totalsAmount(page, /^Total$/));

      const { fileName, file } = await download(page, page.getByRole("link", { name: "Descargar PDF", exact: true }), `billing-${reference}`);
      expect(fileName).toBe(`Proforma-${reference}.pdf`);
      const text = await pdfFileText(file);
      expect(text).toContain("Factura proforma");
      expect(text).toContain(reference);
      expect(text).toContain(ISSUER_NIF);
      expect(text).toContain(DEMO_NIF);
      expect(text).toMatch(new RegExp(`Base imponible \\(21\\s%\\) +${literal(base)}`));
      expect(text).toMatch(new RegExp(`IVA \\(21\\s%\\) +${literal(iva)}`));
      expect(text).toMatch(new RegExp(`Total[^\\n]* +${literal(total)}`));
      expect(text).not.toMatch(/F\d{4}-\d{6}/);
    });
  });

  it("a quote: its reference, both NIFs and the total", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      await page.goto("/facturacion/ofertas");
      const link = page.locator("main table").getByRole("link", { name: /^OF-\d+$/ }).first();
      const reference = ((await link.textContent()) ?? "").trim();
      await link.click();
      await page.getByRole("heading", { level: 1, name: `Oferta ${reference}` }).waitFor();
      const total = euros(await totalsAmount(page, /^Total$/));
      const { fileName, file } = await download(page, page.getByRole("link", { name: "Descargar PDF", exact: true }), `billing-${reference}`);
      expect(fileName).toBe(`Oferta-${reference}.pdf`);
      const text = await pdfFileText(file);
      expect(text).toContain(reference);
      expect(text).toContain(ISSUER_NIF);
      expect(text).toContain(DEMO_NIF);
      expect(text).toMatch(new RegExp(`Total[^\\n]* +${literal(total)}`));
    });
  });
});

describe("the billing-only sub-account (facturas@cliente.test)", () => {
  /** Ids of otro@'s invoices and of a payment attempt of theirs, read in a browser of their own. */
  async function otherClientIds(): Promise<{ invoiceIds: number[]; attemptId: number }> {
    return browser.withSignedInPage({ email: LOGINS.other, viewport: "desktop" }, async (page) => {
      const rows = await openInvoiceList(page);
      expect(rows.length).toBeGreaterThan(0);
      const { attemptId } = await startAddFunds(page, "10");
      return { invoiceIds: rows.map((row) => row.id), attemptId };
    });
  }

  it.each<ViewportName>(["desktop", "phone"])("at %s: reaches Facturación, lists and downloads demo's invoices, has no Tickets", async (viewport) => {
    await browser.withSignedInPage({ email: LOGINS.billing, viewport }, async (page) => {
      let menu: Locator;
      if (viewport === "desktop") {
        menu = page.getByRole("navigation", { name: "Menú principal" });
        await menu.getByRole("button", { name: "Facturación", exact: true }).click();
      } else {
        await page.getByRole("button", { name: "Menú", exact: true }).click();
        menu = page.getByRole("dialog", { name: "Menú principal" });
        await menu.getByText("Facturación", { exact: true }).waitFor();
      }
      for (const name of ["Mis ofertas", "Pago masivo", "Añadir fondos"]) await menu.getByRole("link", { name, exact: true }).waitFor();
      expect(await menu.getByRole("link", { name: "Tickets", exact: true }).count()).toBe(0);
      expect(await page.locator('a[href^="/soporte/tickets"]').count()).toBe(0);
      await menu.getByRole("link", { name: "Mis facturas", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "Mis facturas" }).waitFor();

      const rows = await invoiceRows(page);
      expect(rows.map((row) => row.status)).toEqual(expect.arrayContaining(["Pagada", "Vencida"]));
      await expectNoHorizontalScroll(page);
      await screenshot(page, `billing-${viewport}-subcuenta-facturas`);

      const paid = rows.find((row) => row.status === "Pagada")!;
      await page.getByRole("link", { name: paid.label, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: `Factura ${paid.label}` }).waitFor();
      await expectNoHorizontalScroll(page);
      const { fileName, file } = await download(page, page.getByRole("link", { name: "Descargar PDF", exact: true }), `billing-subcuenta-${viewport}-${paid.label}`);
      expect(fileName).toBe(`${paid.label}.pdf`);
      expect(await pdfFileText(file)).toContain(paid.label);

      await page.goto("/facturacion/ofertas");
      await page.getByRole("heading", { level: 1, name: "Mis ofertas" }).waitFor();
      expect(await page.locator("main table").getByRole("link", { name: /^OF-\d+$/ }).count()).toBeGreaterThan(0);
      await expectNoHorizontalScroll(page);
    });
  });

  it("gets 404 for another client's invoice, PDF and payment attempt", { timeout: 120_000 }, async () => {
    const other = await otherClientIds();
    await browser.withSignedInPage({ email: LOGINS.billing, viewport: "desktop" }, async (page) => {
      const own = await openInvoiceList(page);
      for (const id of other.invoiceIds) expect(own.map((row) => row.id)).not.toContain(id);

      for (const id of other.invoiceIds) {
        const response = await page.goto(`/facturacion/facturas/${id}`);
        expect(response?.status(), `invoice ${id}`).toBe(404);
        await page.getByRole("heading", { level: 1, name: "Página no encontrada" }).waitFor();
        expect(await page.locator("main").innerText()).not.toContain("Javier Martín Ruiz");

        const pdf = await page.request.get(`/api/facturas/${id}/pdf`);
        expect(pdf.status(), `PDF of invoice ${id}`).toBe(404);
        expect(pdf.headers()["content-disposition"]).toBeUndefined();
        expect((await pdf.body()).subarray(0, 5).toString("latin1")).not.toBe("%PDF-");
      }
      for (const suffix of ["", "/resultado"]) {
        const response = await page.request.get(`/facturacion/pago/${other.attemptId}${suffix}`);
        expect(response.status(), `payment attempt ${other.attemptId}${suffix}`).toBe(404);
      }
    });
  });
});

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
