import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoHorizontalScroll, LOGINS, screenshot, type ViewportName } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import portal from "@/lib/i18n/messages/es/portal.json";
import services from "@/lib/i18n/messages/es/services.json";

// Issue 7 Acceptance, as demo@cliente.test at 1280 and 390 px: open Mis productos y servicios, open
// the active service, see usage and billing info, "Acceder a cPanel" lands on the sandbox panel
// page, create a mailbox, change the panel password, request an end-of-period cancellation and
// withdraw it. The demo's active service is ejemplo-tienda.es (user "ejemplot").

const browser = setUpBrowser();
const ACTIVE_DOMAIN = "ejemplo-tienda.es";
const ACTIVE_USER = "ejemplot";
const PANEL_PASSWORD = "Velero-Azul-Bahía-4817";
const MAILBOX_PASSWORD = "Marea-Alta-Roca-7302";

async function openServicesFromMenu(page: Page, viewport: ViewportName): Promise<void> {
  let menu: Locator;
  if (viewport === "desktop") {
    menu = page.getByRole("navigation", { name: "Menú principal" });
    await menu.getByRole("button", { name: portal.menu.products.label, exact: true }).click();
  } else {
    await page.getByRole("button", { name: "Menú", exact: true }).click();
    menu = page.getByRole("dialog", { name: "Menú principal" });
    await menu.getByText(portal.menu.products.label, { exact: true }).waitFor();
  }
  await menu.getByRole("link", { name: portal.menu.products.services, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: services.list.title }).waitFor();
}

/** From the list to the active service's page; returns its path. */
async function openActiveService(page: Page, viewport: ViewportName): Promise<string> {
  await page.goto("/");
  await openServicesFromMenu(page, viewport);
  const row = page.locator("tr", { hasText: ACTIVE_DOMAIN });
  await row.waitFor();
  // The badge is in the row twice (one for phones, one for wide screens): its text is enough.
  expect(await row.innerText()).toContain(services.status.active);
  await row.getByRole("link").first().click();
  await page.waitForURL(/\/productos\/\d+$/);
  await page.getByRole("heading", { level: 2, name: services.service.package.title }).waitFor();
  return new URL(page.url()).pathname;
}

function card(page: Page, title: string): Locator {
  return page.getByRole("region", { name: title, exact: true });
}

describe.each<ViewportName>(["desktop", "phone"])("Productos y servicios at %s", (viewport) => {
  const login = { email: LOGINS.demo, viewport };

  it("lists the services and shows the active one with usage and billing information", async () => {
    await browser.withSignedInPage(login, async (page) => {
      await page.goto("/");
      await openServicesFromMenu(page, viewport);
      for (const domain of [ACTIVE_DOMAIN, "mi-blog-personal.es", "nuevo-proyecto.com"]) await page.locator("tr", { hasText: domain }).first().waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `services-${viewport}-list`);

      // The status filter keeps only the suspended one.
      await page.getByRole("link", { name: services.list.filter.suspended, exact: true }).click();
      await page.waitForURL(/estado=suspendidos/);
      await page.locator("tr", { hasText: "mi-blog-personal.es" }).waitFor();
      expect(await page.locator("tr", { hasText: ACTIVE_DOMAIN }).count()).toBe(0);

      await openActiveService(page, viewport);
      const usage = card(page, services.service.usage.title);
      await usage.getByText(services.service.usage.disk, { exact: true }).waitFor();
      await usage.getByText(services.service.usage.bandwidth, { exact: true }).waitFor();
      expect(await usage.getByRole("meter").count()).toBe(2);
      const billing = card(page, services.service.billing.title);
      for (const label of ["firstPayment", "recurring", "cycle", "nextDue", "paymentMethod"] as const) {
        await billing.getByText(services.service.billing[label], { exact: true }).waitFor();
      }
      await card(page, services.service.options.title).getByText("Versión de PHP").waitFor();
      await card(page, services.service.info.title).getByText(ACTIVE_USER, { exact: true }).waitFor();
      const actions = card(page, services.service.actions.title);
      for (const name of ["cpanel", "webmail", "changePassword", "cancel"] as const) await actions.getByText(services.service.actions[name], { exact: true }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `services-${viewport}-service`);
    });
  });

  it("requests an end-of-period cancellation after confirming, and withdraws it", async () => {
    await browser.withSignedInPage(login, async (page) => {
      const servicePath = await openActiveService(page, viewport);
      await card(page, services.service.actions.title).getByRole("link", { name: services.service.actions.cancel, exact: true }).click();
      await page.getByRole("heading", { level: 1, name: services.cancel.title }).waitFor();
      await expectNoHorizontalScroll(page);

      // Without a reason nothing is sent: the message is by the field.
      await page.getByRole("button", { name: services.cancel.submit, exact: true }).click();
      const dialog = page.getByRole("dialog", { name: services.cancel.confirmTitle });
      await dialog.getByRole("button", { name: services.cancel.confirm, exact: true }).click();
      await page.getByText("Este campo es obligatorio.").first().waitFor();

      await page.getByLabel(services.cancel.reason).fill("Cambiamos la tienda a otra plataforma.");
      expect(await page.getByRole("radio", { name: new RegExp(services.cancel.types.end_of_period) }).isChecked()).toBe(true);
      await page.getByRole("button", { name: services.cancel.submit, exact: true }).click();
      await dialog.waitFor();
      await screenshot(page, `services-${viewport}-cancel-confirm`);
      await Promise.all([page.waitForURL((url) => url.pathname === servicePath && url.search === "?aviso=cancelacion"), dialog.getByRole("button", { name: services.cancel.confirm, exact: true }).click()]);
      const pending = page.getByRole("region", { name: services.service.cancellation.title });
      await pending.getByText(/al final del periodo de facturación/).waitFor();
      await page.getByText(services.service.requested).waitFor();
      expect(await card(page, services.service.actions.title).getByText(services.service.actions.cancel, { exact: true }).count()).toBe(0);

      await pending.getByRole("button", { name: services.service.cancellation.withdraw, exact: true }).click();
      const confirm = page.getByRole("dialog", { name: services.service.cancellation.withdrawTitle });
      await Promise.all([page.waitForURL((url) => url.search === "?aviso=retirada"), confirm.getByRole("button", { name: services.service.cancellation.withdraw, exact: true }).click()]);
      await page.getByText(services.service.cancellation.withdrawn).waitFor();
      expect(await page.getByRole("region", { name: services.service.cancellation.title }).count()).toBe(0);
      await card(page, services.service.actions.title).getByRole("link", { name: services.service.actions.cancel, exact: true }).waitFor();
    });
  });

  it("enters cPanel through a one-time session and lands on the sandbox panel page", async () => {
    await browser.withSignedInPage(login, async (page) => {
      await openActiveService(page, viewport);
      await Promise.all([
        page.waitForURL((url) => !url.pathname.startsWith("/productos"), { timeout: 30_000 }),
        card(page, services.service.actions.title).getByRole("button", { name: services.service.actions.cpanel, exact: true }).click(),
      ]);
      await page.getByText("Panel de control (entorno de pruebas)").first().waitFor();
      await page.getByText(ACTIVE_USER).first().waitFor();
      await screenshot(page, `services-${viewport}-sandbox-panel`);
    });
  });

  it("creates a mailbox on the service's domain", async () => {
    await browser.withSignedInPage(login, async (page) => {
      await openActiveService(page, viewport);
      const mailbox = card(page, services.service.mailbox.title);
      const name = `e2e-${viewport}-${Date.now() % 1_000_000}`;
      await mailbox.getByLabel(services.service.mailbox.localPart).fill(name);
      await mailbox.getByLabel(services.service.mailbox.password, { exact: true }).fill(MAILBOX_PASSWORD);
      await mailbox.getByLabel(services.service.mailbox.confirmation, { exact: true }).fill(MAILBOX_PASSWORD);
      await mailbox.getByLabel(services.service.mailbox.quota).fill("500");
      await mailbox.getByRole("button", { name: services.service.mailbox.submit, exact: true }).click();
      await mailbox.getByText(services.service.mailbox.created.replace("{email}", `${name}@${ACTIVE_DOMAIN}`)).waitFor();
      await expectNoHorizontalScroll(page);
    });
  });

  it("changes the panel password on a page that says it is not the client area's", async () => {
    await browser.withSignedInPage(login, async (page) => {
      const servicePath = await openActiveService(page, viewport);
      await card(page, services.service.actions.title).getByRole("link", { name: services.service.actions.changePassword, exact: true }).click();
      await page.waitForURL(`**${servicePath}/contrasena`);
      await page.getByRole("heading", { level: 1, name: services.password.title }).waitFor();
      await page.getByText(services.password.notice).waitFor();
      await page.getByLabel(services.password.newPassword, { exact: true }).fill(PANEL_PASSWORD);
      await page.getByLabel(services.password.confirmPassword, { exact: true }).fill(PANEL_PASSWORD);
      await page.getByRole("button", { name: services.password.submit, exact: true }).click();
      await page.getByText(services.password.saved).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `services-${viewport}-panel-password`);
    });
  });
});
