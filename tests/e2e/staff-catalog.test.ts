import { describe, expect, it } from "vitest";
import catalog from "@/lib/i18n/messages/es/admin-catalog.json";
import admin from "@/lib/i18n/messages/es/admin.json";
import errors from "@/lib/i18n/messages/es/errors.json";
import { euroCents, expectNoHorizontalScroll, LOGINS, plainSpaces, screenshot, type ViewportName } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import { setUpAdminSignIn } from "@/tests/helpers/staff-sign-in";

// Issue 10, scope item 6 (catalogue) Acceptance: the staff admin signs in with TOTP, changes the
// monthly price of a demo product in Catálogo, and the demo customer then sees the new price in the
// store (the list and the configure page). The product is the reseller plan, which no other browser
// test prices; each viewport sets its own price.

const browser = setUpBrowser();
const adminSignIn = setUpAdminSignIn();
const PRODUCT = "Plan Revendedor";
const GROUP = "Revendedores";
const fill = (template: string, values: Record<string, string>) => Object.entries(values).reduce((text, [key, value]) => text.replace(`{${key}}`, value), template);

describe("staff catalogue", () => {
  it("is a 404 to customers and signed-out visitors", async () => {
    const paths = ["/admin/catalogo", "/admin/catalogo/productos/1", "/admin/catalogo/complementos", "/admin/catalogo/dominios", "/admin/catalogo/promociones"];
    await browser.withPage("desktop", async (page) => {
      for (const path of paths) expect((await page.goto(path, { waitUntil: "commit" }))?.status(), path).toBe(404);
    });
    await browser.withSignedInPage({ email: LOGINS.demo }, async (page) => {
      for (const path of paths) expect((await page.goto(path, { waitUntil: "commit" }))?.status(), path).toBe(404);
    });
  });

  for (const [viewport, price] of [
    ["desktop", "41,50"],
    ["phone", "43.25"],
  ] as [ViewportName, string][]) {
    it(`at ${viewport}: the admin changes the monthly price of a demo product and the customer sees it in the store`, async () => {
      const cents = Math.round(Number(price.replace(",", ".")) * 100);
      let productPath = "";
      await browser.withPage(viewport, async (page) => {
        await adminSignIn(page);
        await page.getByRole("navigation", { name: admin.nav.label }).getByRole("link", { name: admin.nav.catalog }).click();
        await page.getByRole("heading", { level: 1, name: catalog.meta.title }).waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-catalog-${viewport}-groups`);

        const group = page.getByRole("region", { name: GROUP, exact: true });
        await Promise.all([page.waitForURL(/\/admin\/catalogo\/productos\/\d+$/), group.getByRole("link", { name: PRODUCT, exact: true }).click()]);
        productPath = new URL(page.url()).pathname;
        await page.getByRole("heading", { level: 1, name: PRODUCT }).waitFor();
        await expectNoHorizontalScroll(page);

        const monthly = page.getByRole("form", { name: fill(catalog.prices.rowLabel, { cycle: "Mensual", currency: "EUR", owner: PRODUCT }) });
        const priceField = monthly.getByLabel(catalog.prices.price, { exact: true });
        const before = await priceField.inputValue();
        // A price the store could not read is refused next to the field, and nothing changes.
        await priceField.fill("41,505");
        await monthly.getByRole("button", { name: catalog.common.save }).click();
        await monthly.getByText(catalog.errors.amountInvalid).waitFor();
        await monthly.getByText(errors.checkFields).waitFor();
        await page.reload();
        expect(await priceField.inputValue()).toBe(before);

        await priceField.fill(price);
        await monthly.getByRole("button", { name: catalog.common.save }).click();
        await monthly.getByText(catalog.prices.saved).waitFor();
        await expect.poll(() => priceField.inputValue()).toBe(price.replace(".", ","));
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-catalog-${viewport}-product`);
      });

      await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
        await page.goto("/productos/contratar");
        const card = page.locator("main li").filter({ has: page.getByRole("heading", { level: 3, name: PRODUCT, exact: true }) });
        // The cheapest cycle, monthly, is what the card leads with.
        expect(euroCents(plainSpaces(await card.getByText(/^Desde /).innerText()))).toBe(cents);
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-catalog-${viewport}-store`);
        await Promise.all([page.waitForURL(/\/productos\/contratar\/\d+$/), card.getByRole("link", { name: `Contratar: ${PRODUCT}`, exact: true }).click()]);
        expect(new URL(page.url()).pathname.split("/").pop()).toBe(productPath.split("/").pop());
        await page.getByRole("radio", { name: new RegExp(`^Mensual: ${price.replace(".", ",")}\\s€`) }).waitFor();
        await expectNoHorizontalScroll(page);
      });
    });
  }

  it("at 360 px: addons, domains and promo codes fit the screen, and a new TLD is stopped only after confirming", async () => {
    const tld = `prueba${Date.now().toString(36)}`;
    await browser.withPage("narrow", async (page) => {
      await adminSignIn(page);
      for (const [path, title, name] of [
        ["/admin/catalogo", catalog.meta.title, "groups"],
        ["/admin/catalogo/complementos", catalog.addons.title, "addons"],
        ["/admin/catalogo/promociones", catalog.promos.title, "promos"],
        ["/admin/catalogo/dominios", catalog.tlds.title, "tlds"],
      ]) {
        await page.goto(path!);
        await page.getByRole("heading", { level: 1, name: title }).waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-catalog-narrow-${name}`);
      }

      const add = page.getByRole("form", { name: catalog.tlds.new });
      await add.getByLabel(catalog.tlds.tld, { exact: true }).fill(`.${tld}`);
      await add.getByLabel(catalog.tlds.register, { exact: true }).fill("9,99");
      await add.getByLabel(catalog.tlds.transfer, { exact: true }).fill("0");
      await add.getByLabel(catalog.tlds.renew, { exact: true }).fill("12.99");
      await add.getByRole("button", { name: catalog.tlds.create }).click();
      await add.getByText(catalog.tlds.saved).waitFor();
      const section = page.getByRole("region", { name: fill(catalog.tlds.heading, { tld, currency: "EUR" }) });
      await section.waitFor();

      // Cancelling the dialog leaves the extension on sale; confirming stops selling it.
      await section.getByRole("button", { name: fill(catalog.tlds.stop, { tld }) }).click();
      const dialog = page.getByRole("dialog", { name: fill(catalog.tlds.stopTitle, { tld }) });
      await dialog.waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, "staff-catalog-narrow-tld-confirm");
      await dialog.getByRole("button", { name: catalog.common.cancel }).click();
      await dialog.waitFor({ state: "hidden" });
      await section.getByRole("button", { name: fill(catalog.tlds.stop, { tld }) }).click();
      await dialog.getByRole("button", { name: catalog.tlds.stopConfirm }).click();
      await section.waitFor({ state: "detached" });
    });
  });
});
