import { createHash } from "node:crypto";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { taxForLine } from "@/lib/money";
import {
  euroAmounts,
  euroCents,
  expectNoHorizontalScroll,
  finishSandboxPayment,
  LOGINS,
  plainSpaces,
  screenshot,
  type ViewportName,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

// Issue 7 Acceptance, the store: as demo@cliente.test buy the basic hosting plan for a year with a
// new .es domain, "+10 GB" of disk and the demo code BIENVENIDA15, reach the order's invoice, check
// its lines, tax and discount, and pay it with the sandbox card. Demo gets one more (paid) invoice
// and a new service per viewport; the other files read no fixed invoice or service count. Seeing the
// service active on its panel is the provisioning part's journey (it runs when this invoice is paid).

const SLOW = 120_000;
const PRODUCT = "Plan Básico de Alojamiento Web";
// Demo catalogue prices (db/seed/reference-data.ts), cents without VAT.
const ANNUAL = 5988;
const EXTRA_DISK_ANNUAL = 2400;
const ES_REGISTER = 799;
const DISCOUNT = Math.round(((ANNUAL + EXTRA_DISK_ANNUAL) * 1500) / 10_000);

const browser = setUpBrowser();

/** A .es name the sandbox registrar calls free: not a well-known label and not in the quarter its hash calls taken. */
function freeDomain(viewport: ViewportName): string {
  for (;;) {
    const name = `tienda-${viewport}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.es`;
    if (createHash("sha256").update(name).digest()[0]! >= 64) return name;
  }
}

async function emptyCart(page: Page): Promise<void> {
  await page.goto("/carrito");
  for (;;) {
    const remove = page.getByRole("button", { name: "Quitar", exact: true });
    if ((await remove.count()) === 0) return;
    await remove.first().click();
    await page.waitForLoadState("networkidle");
  }
}

async function totalsAmount(page: Page, label: RegExp): Promise<number> {
  const row = page.locator("main article dl > div").filter({ has: page.locator("dt", { hasText: label }) });
  return euroCents(await row.locator("dd").innerText());
}

describe.each<ViewportName>(["desktop", "phone"])("the store at %s", (viewport) => {
  it("buys a hosting plan with a new domain, an option and a promo code, and pays its invoice", { timeout: SLOW }, async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
      await emptyCart(page);
      const domain = freeDomain(viewport);

      await page.goto("/productos/contratar");
      await page.getByRole("heading", { level: 1, name: "Contratar un nuevo producto o servicio" }).waitFor();
      for (const group of ["Alojamiento web", "Correo", "SSL"]) await page.getByRole("heading", { level: 2, name: group, exact: true }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `store-${viewport}-tienda`);
      await page.getByRole("link", { name: `Contratar: ${PRODUCT}`, exact: true }).click();

      await page.getByRole("heading", { level: 1, name: `Configurar ${PRODUCT}` }).waitFor();
      await page.getByRole("radio", { name: /^Anual: 59,88\s€/ }).check();
      await page.getByLabel("Espacio extra en disco", { exact: true }).selectOption({ label: `+10 GB (+24,00\u00a0€ al año)` });
      await page.getByRole("radio", { name: "Registrar un dominio nuevo", exact: true }).check();
      await page.getByLabel("Nombre de dominio", { exact: true }).fill(domain);
      expect(euroCents(await page.getByTestId("first-payment").innerText())).toBe(ANNUAL + EXTRA_DISK_ANNUAL + ES_REGISTER);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `store-${viewport}-configurar`);
      await page.getByRole("button", { name: "Añadir al carrito", exact: true }).click();

      await page.waitForURL((url) => url.pathname === "/carrito");
      await page.getByRole("status").filter({ hasText: "Añadido al carrito." }).waitFor();
      const items = page.getByRole("list", { name: "Artículos del carrito" });
      const itemText = plainSpaces(await items.innerText());
      expect(itemText).toContain(PRODUCT);
      expect(itemText).toContain(`Registro del dominio ${domain} (1 año)`);
      expect(itemText).toContain("Espacio extra en disco: +10 GB");

      await page.getByRole("textbox", { name: "Código promocional", exact: true }).fill("bienvenida15");
      await page.getByRole("button", { name: "Aplicar", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Código BIENVENIDA15 aplicado." }).waitFor();
      expect(euroCents(await page.getByTestId("cart-discount").innerText())).toBe(-DISCOUNT);

      // The cart lives in the database: a reload and a second tab show the same.
      await page.reload();
      expect(plainSpaces(await items.innerText())).toContain(domain);
      const secondTab = await page.context().newPage();
      await secondTab.goto("/carrito");
      expect(plainSpaces(await secondTab.getByRole("list", { name: "Artículos del carrito" }).innerText())).toContain(domain);
      await secondTab.close();

      const lines = [ANNUAL, EXTRA_DISK_ANNUAL, ES_REGISTER, -DISCOUNT];
      const base = lines.reduce((sum, amount) => sum + amount, 0);
      const tax = lines.reduce((sum, amount) => sum + taxForLine(amount, 2100), 0);
      expect(euroCents(await page.getByTestId("cart-total").innerText())).toBe(base + tax);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `store-${viewport}-carrito`);

      await page.getByRole("button", { name: "Realizar pedido", exact: true }).click();
      await page.waitForURL((url) => /^\/facturacion\/facturas\/\d+$/.test(url.pathname));
      await page.getByRole("heading", { level: 1, name: /^Factura proforma PRO-\d+$/ }).waitFor();
      const article = plainSpaces(await page.locator("main article").innerText());
      expect(article).toMatch(new RegExp(`${PRODUCT} - ${domain.replaceAll(".", "\\.")} \\(\\d\\d/\\d\\d/\\d{4} - \\d\\d/\\d\\d/\\d{4}\\)`));
      expect(article).toContain("Espacio extra en disco: +10 GB");
      expect(article).toContain(`Registro del dominio ${domain} (1 año)`);
      expect(article).toContain(`Descuento BIENVENIDA15 (15 %): ${PRODUCT}`);
      expect(euroAmounts(article)).toContain(-DISCOUNT);
      expect(article).toMatch(/ORD-\d{6}/);
      expect(await totalsAmount(page, /^Base imponible \(21\s%\)$/)).toBe(base);
      expect(await totalsAmount(page, /^IVA \(21\s%\)$/)).toBe(tax);
      expect(await totalsAmount(page, /^Total$/)).toBe(base + tax);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `store-${viewport}-factura-pedido`);

      // The cart was emptied by the same transaction.
      const invoiceUrl = page.url();
      await page.goto("/carrito");
      await page.getByText("Su carrito está vacío.").waitFor();

      // Demo's 25 € of credit may have paid part of it already (new invoices take available credit).
      await page.goto(invoiceUrl);
      const aside = page.getByRole("complementary", { name: "Pago de la factura", exact: true });
      const due = euroAmounts(await aside.innerText())[0]!;
      expect(due).toBeGreaterThan(0);
      expect(due).toBeLessThanOrEqual(base + tax);
      await aside.getByRole("button", { name: "Pagar ahora", exact: true }).click();
      await page.waitForURL((url) => /^\/facturacion\/pago\/\d+$/.test(url.pathname));
      expect(euroCents(await page.getByTestId("sandbox-amount").innerText())).toBe(due);
      const outcome = await finishSandboxPayment(page, "approve");
      expect(plainSpaces(await outcome.innerText())).toContain("Pago recibido");
      await page.goto(invoiceUrl);
      await page.getByRole("heading", { level: 1, name: /^Factura F\d{4}-\d{6}$/ }).waitFor();
      expect(await totalsAmount(page, /^Importe pendiente$/)).toBe(0);
      await screenshot(page, `store-${viewport}-factura-pagada`);

      // Paying provisioned it on the (sandbox) panel: the new service is active, with its panel user.
      await page.goto("/productos");
      const listed = page.locator("tr, li", { hasText: domain }).first();
      await listed.waitFor();
      expect(plainSpaces(await listed.innerText())).toContain("Activo");
      await listed.getByRole("link").first().click();
      await page.waitForURL((url) => /^\/productos\/\d+$/.test(url.pathname));
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(plainSpaces(await page.locator("main").innerText())).toMatch(/Usuario del panel\s+[a-z][a-z0-9]{0,15}\b/);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `store-${viewport}-servicio-activo`);
    });
  });
});

describe("addons", () => {
  it("lists the addons of demo's services, filters by ?servicio= and puts one in the cart", { timeout: SLOW }, async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "phone" }, async (page) => {
      await emptyCart(page);
      await page.goto("/productos/complementos");
      await page.getByRole("heading", { level: 1, name: "Complementos disponibles" }).waitFor();
      const sections = page.locator("main section");
      expect(await sections.count()).toBeGreaterThan(0);
      const addable = sections.filter({ has: page.getByRole("button", { name: "Añadir al carrito", exact: true }) }).first();
      const headingId = await addable.getAttribute("aria-labelledby");
      const serviceId = headingId!.replace("servicio-", "");
      await page.goto(`/productos/complementos?servicio=${serviceId}`);
      expect(await page.locator("main section").count()).toBe(1);
      await expectNoHorizontalScroll(page);
      await screenshot(page, "store-phone-complementos");
      await page.locator("main section").getByRole("button", { name: "Añadir al carrito", exact: true }).first().click();
      await page.waitForURL((url) => url.pathname === "/carrito");
      expect(await page.getByRole("list", { name: "Artículos del carrito" }).locator("li").count()).toBe(1);
      await emptyCart(page);

      const response = await page.goto("/productos/complementos?servicio=999999999");
      expect(response?.status()).toBe(404);
    });
  });
});
