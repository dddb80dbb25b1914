import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { sandboxHashSaysTaken } from "@/lib/registrar/sandbox-registrar";
import { expectNoHorizontalScroll, finishSandboxPayment, LOGINS, plainSpaces, screenshot, type ViewportName } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

// Issue 8 Acceptance, the orders: register a new domain and renew two domains for 2 years in one
// order, pay with the sandbox card, and see the new domain listed and both expiry dates moved by 2
// years. As demo@cliente.test; the renewals use the blog and .eu domains (nothing else reads their dates).

const SLOW = 180_000;
const RENEWED = ["mi-blog-personal.es", "garcia-comercio.eu"] as const;

const browser = setUpBrowser();

function freeName(): string {
  for (;;) {
    const name = `mi-nueva-marca-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.es`;
    if (!sandboxHashSaysTaken(name)) return name;
  }
}

/** The renew page's row of a domain: its "Caduca el …" date as shown. */
async function expiryShown(page: Page, domain: string): Promise<string> {
  const row = page.locator("main li").filter({ has: page.getByRole("checkbox", { name: `Renovar ${domain}`, exact: true }) });
  const text = plainSpaces(await row.innerText());
  const match = /Caduca el (\d{1,2} \S+ \d{4})/.exec(text);
  if (!match) throw new Error(`no expiry for ${domain} in: ${text}`);
  return match[1]!;
}

const plusYears = (shown: string, years: number) => shown.replace(/(\d{4})$/, (year) => String(Number(year) + years));

describe("domain orders", () => {
  it("registers a new domain and renews two for 2 years in one order, paid with the sandbox card", { timeout: SLOW }, async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      await page.goto("/dominios/renovar");
      await page.getByRole("heading", { level: 1, name: "Renovar dominios" }).waitFor();
      const before = Object.fromEntries(await Promise.all(RENEWED.map(async (domain) => [domain, await expiryShown(page, domain)] as const)));

      // Registrar un dominio: DNS management and email forwarding come ticked, as the walkthrough recommends.
      const name = freeName();
      await page.goto("/dominios/registrar");
      expect(await page.getByRole("checkbox", { name: "Gestión de DNS (gratis)" }).isChecked()).toBe(true);
      expect(await page.getByRole("checkbox", { name: "Redirección de correo electrónico (gratis)" }).isChecked()).toBe(true);
      await page.getByLabel("Dominio", { exact: true }).fill(name);
      await page.getByRole("button", { name: "Añadir al carrito" }).click();
      await page.waitForURL((url) => url.pathname === "/carrito");

      // Renovar dominios: tick two, 2 years each, "Pedir ahora".
      await page.goto("/dominios/renovar");
      for (const domain of RENEWED) {
        await page.getByRole("checkbox", { name: `Renovar ${domain}`, exact: true }).check();
        await page.getByLabel(`Años de renovación de ${domain}`).selectOption("2");
      }
      await page.getByRole("button", { name: "Pedir ahora" }).click();
      await page.waitForURL((url) => url.pathname === "/carrito");
      const cart = page.getByRole("list", { name: /artículos|carrito/i }).first();
      const cartText = plainSpaces(await page.locator("main").innerText());
      expect(cartText).toContain(`Registro del dominio ${name} (1 año)`);
      for (const domain of RENEWED) expect(cartText).toMatch(new RegExp(`Renovación del dominio ${domain.replace(".", "\\.")} \\(2 años`));
      await cart.waitFor();
      await screenshot(page, "domains-desktop-carrito");

      await page.getByRole("button", { name: "Realizar pedido" }).click();
      await page.waitForURL((url) => /^\/facturacion\/facturas\/\d+$/.test(url.pathname));
      await page.getByRole("complementary", { name: "Pago de la factura", exact: true }).getByRole("button", { name: "Pagar ahora", exact: true }).click();
      await page.waitForURL((url) => /^\/facturacion\/pago\/\d+$/.test(url.pathname));
      await finishSandboxPayment(page, "approve");

      // Registered (so listed, with its expiry, among the renewable domains) and both renewals moved by 2 years.
      await expect
        .poll(
          async () => {
            await page.goto("/dominios/renovar");
            return page.getByRole("checkbox", { name: `Renovar ${name}`, exact: true }).count();
          },
          { timeout: 30_000 },
        )
        .toBe(1);
      for (const domain of RENEWED) expect(await expiryShown(page, domain)).toBe(plusYears(before[domain]!, 2));
      expect(await expiryShown(page, name)).toMatch(/\d{4}$/);
      await screenshot(page, "domains-desktop-renovar-despues");
    });
  });

  it.each<ViewportName>(["desktop", "phone"])("shows the order pages without sideways scroll at %s", { timeout: SLOW }, async (viewport) => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
      for (const [path, shot] of [
        ["/dominios/renovar", "renovar"],
        ["/dominios/registrar", "registrar"],
        ["/dominios/transferir", "transferir"],
        ["/dominios/buscar?dominio=mi-nueva-tienda-online.es&accion=registrar", "buscar-resultado"],
      ] as const) {
        await page.goto(path);
        await page.locator("main h1").waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, `domains-${viewport}-${shot}`);
      }
      expect(await page.locator("main").innerText()).toContain("Añadir al carrito");
      await page.goto("/dominios/transferir");
      expect(await page.getByRole("note").innerText()).toContain("desbloqueado para la transferencia");

      // Complementos of the demo's first domain, reached from its renew row's id.
      await page.goto("/dominios/renovar");
      const id = await page.getByRole("checkbox", { name: "Renovar ejemplo-tienda.es", exact: true }).getAttribute("value");
      await page.goto(`/dominios/${id}/complementos`);
      await page.getByRole("heading", { level: 1, name: "Complementos de ejemplo-tienda.es" }).waitFor();
      expect(await page.locator("main").innerText()).toContain("Protección de identidad");
      await expectNoHorizontalScroll(page);
      await screenshot(page, `domains-${viewport}-complementos`);
    });
  });
});
