import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  expectNoHorizontalScroll,
  focusIsInside,
  LOGINS,
  screenshot,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

// Issue 2 Acceptance: every page at 360 px wide has no sideways scroll; the drawer opens and closes
// by keyboard; a sub-account does not see (and cannot open) what it has no permission for.

const browser = setUpBrowser();

/** Opens `path`, waits for its h1, checks the width and keeps a screenshot. */
async function checkPage(page: Page, path: string, name: string, expectedStatus = 200): Promise<void> {
  const response = await page.goto(path);
  expect(response?.status(), `GET ${path}`).toBe(expectedStatus);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  await expectNoHorizontalScroll(page);
  await screenshot(page, `narrow-360-${name}`);
}

async function firstHref(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => pattern.test(candidate));
  expect(href, `a link matching ${pattern} on ${page.url()}`).toBeDefined();
  return href!;
}

describe("at 360 px wide", () => {
  it("no page scrolls sideways (signed out)", async () => {
    await browser.withPage("narrow", async (page) => {
      await checkPage(page, "/acceder", "acceder");
      await checkPage(page, "/recuperar", "recuperar");
      await checkPage(page, "/recuperar/enlace-que-no-existe", "recuperar-enlace-invalido");
    });
  });

  it("no page scrolls sideways for the demo customer", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "narrow" }, async (page) => {
      await expectNoHorizontalScroll(page);
      await screenshot(page, "narrow-360-demo-inicio");

      const ticketHref = await firstHref(page, /^\/soporte\/tickets\/\d+$/);
      await checkPage(page, "/soporte/tickets", "demo-tickets");
      await checkPage(page, "/soporte/tickets?estado=cerrados", "demo-tickets-cerrados");
      await checkPage(page, ticketHref, "demo-ticket");
      await checkPage(page, "/soporte/anuncios", "demo-anuncios");
      // An announcement's page, not the Atom feed linked from the same list.
      const announcementHref = await firstHref(page, /^\/soporte\/anuncios\/(?!feed\.xml$)[^/?]+$/);
      await checkPage(page, announcementHref, "demo-anuncio");
      await checkPage(page, "/dominios/buscar", "demo-dominios-buscar");
      await checkPage(page, "/dominios/buscar?dominio=mi-nueva-tienda-online.es&accion=registrar", "demo-dominios-buscar-resultado");
      await checkPage(page, "/cuenta", "demo-cuenta");
      await checkPage(page, "/soporte/tickets/99999999", "demo-no-encontrado", 404);

      // With the drawer and the notifications open the page still does not scroll sideways.
      await page.goto("/");
      await page.getByRole("button", { name: "Menú", exact: true }).click();
      await page.getByRole("dialog", { name: "Menú principal" }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, "narrow-360-demo-menu-abierto");
      await page.keyboard.press("Escape");
      await page.getByRole("dialog", { name: "Menú principal" }).waitFor({ state: "hidden" });
      await page.locator("header summary").click();
      await page.getByText(/Tiene \d+ facturas? sin pagar/).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, "narrow-360-demo-notificaciones");
    });
  });

  it("no page scrolls sideways for a customer with nothing, and the empty states show", async () => {
    await browser.withSignedInPage({ email: LOGINS.empty, viewport: "narrow" }, async (page) => {
      const main = page.locator("main");
      await main.getByText("No tiene productos ni servicios contratados.").waitFor();
      await main.getByText("No tiene tickets de soporte abiertos.").waitFor();
      await main.getByText("No hay archivos adjuntos en su cuenta.").waitFor();
      expect(await main.getByRole("region", { name: "Aviso de facturas pendientes", exact: true }).count()).toBe(0);
      await expectNoHorizontalScroll(page);
      await screenshot(page, "narrow-360-vacio-inicio");

      await checkPage(page, "/soporte/tickets", "vacio-tickets");
      expect(await main.locator("table").count()).toBe(0);
      await checkPage(page, "/soporte/anuncios", "vacio-anuncios");
      await checkPage(page, "/dominios/buscar", "vacio-dominios-buscar");
      await checkPage(page, "/cuenta", "vacio-cuenta");
    });
  });
});

describe("keyboard", () => {
  it("opens the phone drawer with Enter, keeps Tab inside it and closes it with Escape", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "narrow" }, async (page) => {
      const menuButton = page.getByRole("button", { name: "Menú", exact: true });
      const drawer = page.getByRole("dialog", { name: "Menú principal" });
      expect(await drawer.isVisible()).toBe(false);
      expect(await menuButton.getAttribute("aria-expanded")).toBe("false");

      await menuButton.focus();
      await page.keyboard.press("Enter");
      await drawer.waitFor();
      expect(await menuButton.getAttribute("aria-expanded")).toBe("true");
      expect(await drawer.getAttribute("aria-modal")).toBe("true");
      await expect.poll(() => focusIsInside(drawer)).toBe(true);

      // Tab goes round inside the drawer: past the last control it comes back to the first.
      const controls = await drawer.locator("a[href], button:not([disabled])").count();
      expect(controls).toBeGreaterThan(3);
      const firstFocused = await page.evaluate(() => document.activeElement?.textContent?.trim());
      for (let press = 0; press < controls; press++) {
        await page.keyboard.press("Tab");
        expect(await focusIsInside(drawer), `focus left the drawer after ${press + 1} Tab presses`).toBe(true);
      }
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(firstFocused);
      await page.keyboard.press("Shift+Tab");
      expect(await focusIsInside(drawer)).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Salir");

      await page.keyboard.press("Escape");
      await drawer.waitFor({ state: "hidden" });
      expect(await menuButton.getAttribute("aria-expanded")).toBe("false");
      expect(await menuButton.evaluate((button) => button === document.activeElement)).toBe(true);

      // And again with Space, closing with the drawer's own "Cerrar" button by keyboard.
      await page.keyboard.press(" ");
      await drawer.waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Cerrar");
      await page.keyboard.press("Enter");
      await drawer.waitFor({ state: "hidden" });
      expect(await menuButton.evaluate((button) => button === document.activeElement)).toBe(true);
    });
  });

  it("opens the desktop Soporte menu with Enter and closes it with Escape", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      const nav = page.getByRole("navigation", { name: "Menú principal" });
      const support = nav.getByRole("button", { name: "Soporte", exact: true });
      const tickets = nav.getByRole("link", { name: "Tickets", exact: true });
      expect(await tickets.isVisible()).toBe(false);

      await support.focus();
      await page.keyboard.press("Enter");
      await tickets.waitFor();
      expect(await support.getAttribute("aria-expanded")).toBe("true");
      expect(await nav.getByRole("link", { name: "Anuncios", exact: true }).isVisible()).toBe(true);

      // Tab reaches the menu's links in order.
      await page.keyboard.press("Tab");
      expect(await tickets.evaluate((link) => link === document.activeElement)).toBe(true);

      await page.keyboard.press("Escape");
      await tickets.waitFor({ state: "hidden" });
      expect(await support.getAttribute("aria-expanded")).toBe("false");
      expect(await support.evaluate((button) => button === document.activeElement)).toBe(true);

      // Enter on a link of the open menu navigates, and the menu closes.
      await page.keyboard.press("Enter");
      await tickets.waitFor();
      await page.keyboard.press("Tab");
      await page.keyboard.press("Enter");
      await page.waitForURL((url) => url.pathname === "/soporte/tickets", { waitUntil: "commit" });
      await page.getByRole("heading", { level: 1, name: "Tickets de soporte" }).waitFor();
      await tickets.waitFor({ state: "hidden" });
    });
  });
});

describe("sub-account with invoices and quotes only (facturas@cliente.test)", () => {
  it("does not see Soporte > Tickets and gets 403 for the tickets pages", async () => {
    await browser.withSignedInPage({ email: LOGINS.billing, viewport: "desktop" }, async (page) => {
      const nav = page.getByRole("navigation", { name: "Menú principal" });
      await nav.getByRole("button", { name: "Soporte", exact: true }).click();
      await nav.getByRole("link", { name: "Anuncios", exact: true }).waitFor();
      expect(await nav.getByRole("link", { name: "Tickets", exact: true }).count()).toBe(0);
      expect(await page.locator('a[href^="/soporte/tickets"]').count()).toBe(0);
      expect(await page.locator("main").getByRole("region", { name: "Tickets de soporte abiertos", exact: true }).count()).toBe(0);

      const list = await page.goto("/soporte/tickets");
      expect(list?.status()).toBe(403);
      await page.getByRole("heading", { level: 1, name: "Acceso no permitido" }).waitFor();
      const one = await page.request.get("/soporte/tickets/1");
      expect(one.status()).toBe(403);
    });

    await browser.withSignedInPage({ email: LOGINS.billing, viewport: "narrow" }, async (page) => {
      await page.getByRole("button", { name: "Menú", exact: true }).click();
      const drawer = page.getByRole("dialog", { name: "Menú principal" });
      await drawer.getByRole("link", { name: "Anuncios", exact: true }).waitFor();
      expect(await drawer.getByRole("link", { name: "Tickets", exact: true }).count()).toBe(0);
      await expectNoHorizontalScroll(page);
      await screenshot(page, "narrow-360-facturas-menu");
      await page.keyboard.press("Escape");
      await checkPage(page, "/soporte/tickets", "facturas-tickets-403", 403);
    });
  });
});
