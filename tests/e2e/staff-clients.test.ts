import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_STAFF } from "@/db/seed/demo-staff";
import { DEMO_PERSON } from "@/db/seed/demo-accounts";
import { totpCode } from "@/lib/auth/two-factor-totp";
import account from "@/lib/i18n/messages/es/account.json";
import admin from "@/lib/i18n/messages/es/admin.json";
import records from "@/lib/i18n/messages/es/records.json";
import { expectNoHorizontalScroll, LOGINS, screenshot } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

// Issue 10 Acceptance (impersonation): the admin signs in with a TOTP code, finds the demo client,
// opens the portal as that client ("Acceder como cliente"), sees the banner, changes a field in Mis
// datos, ends it with "Terminar" and is back in /admin; the client's Actividad shows the change as
// done by "Personal de soporte".

const browser = setUpBrowser();
const DEMO_PASSWORD = "Demo-2026!";
const DEMO_NAME = `${DEMO_PERSON.firstName} ${DEMO_PERSON.lastName}`;
const NEW_PHONE = "+34 699 000 111";

async function staffSignIn(page: Page, email: string) {
  await page.goto("/admin/acceso");
  await page.getByLabel(admin.signIn.email, { exact: true }).fill(email);
  await page.getByLabel(admin.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: admin.signIn.submit }).click();
  const code = page.getByLabel(admin.signIn.code, { exact: true });
  await code.waitFor();
  await code.fill(await totpCode(DEMO_ADMIN_TOTP_SECRET));
  await Promise.all([page.waitForURL(/\/admin\/tickets$/, { waitUntil: "commit" }), page.getByRole("button", { name: admin.signIn.codeSubmit }).click()]);
}

describe("staff clients and impersonation", () => {
  it("is a 404 to signed-out visitors", async () => {
    await browser.withPage("desktop", async (page) => {
      for (const path of ["/admin/clientes", "/admin/clientes/1"]) expect((await page.goto(path, { waitUntil: "commit" }))?.status(), path).toBe(404);
    });
  });

  it("opens the portal as the demo client, audits what is done there as support, and ends back in /admin", async () => {
    const adminEmail = DEMO_STAFF.admin.email;
    await browser.withPage("desktop", async (page) => {
      await staffSignIn(page, adminEmail);
      await page.getByRole("link", { name: admin.nav.clients }).click();
      await page.getByRole("heading", { level: 1, name: admin.clients.title }).waitFor();
      await page.getByLabel(admin.clients.search.label, { exact: true }).fill(DEMO_PERSON.taxId!);
      await Promise.all([page.waitForURL(/\/admin\/clientes\?q=/), page.getByRole("button", { name: admin.clients.search.submit }).click()]);
      await page.locator("main").getByRole("link", { name: DEMO_NAME }).click();
      await page.getByRole("heading", { level: 1, name: new RegExp(DEMO_PERSON.companyName!) }).waitFor();
      const clientUrl = page.url();
      expect(clientUrl).toMatch(/\/admin\/clientes\/\d+$/);
      await page.getByRole("heading", { name: admin.clients.summary.services }).waitFor();
      await screenshot(page, "staff-clients-desktop-client");
      await page.setViewportSize({ width: 390, height: 844 });
      await expectNoHorizontalScroll(page);
      await page.setViewportSize({ width: 1280, height: 800 });

      await Promise.all([page.waitForURL((url) => url.pathname === "/", { waitUntil: "commit" }), page.getByRole("button", { name: admin.impersonation.start }).click()]);
      const banner = page.getByRole("status").filter({ hasText: admin.impersonation.banner.replace("{client}", "") });
      await banner.getByText(DEMO_NAME).waitFor();
      await page.setViewportSize({ width: 360, height: 800 });
      await expectNoHorizontalScroll(page);
      await screenshot(page, "staff-clients-narrow-impersonating");
      await page.setViewportSize({ width: 1280, height: 800 });

      // An action as the client: the phone number in Mis datos.
      await page.goto("/cuenta");
      await banner.waitFor();
      await page.getByLabel(account.details.fields.phone, { exact: true }).fill(NEW_PHONE);
      await page.getByRole("button", { name: account.details.submit }).click();
      await page.getByText(account.details.saved).waitFor();

      // The client's Actividad, still as the client: the change is support's.
      await page.goto("/cuenta/actividad");
      const row = page.locator("tr", { hasText: records.actions.profile.updated }).first();
      await row.waitFor();
      expect(await row.innerText()).toContain(records.activity.actor.staff);

      await Promise.all([page.waitForURL(clientUrl, { waitUntil: "commit" }), banner.getByRole("button", { name: admin.impersonation.end }).click()]);
      await page.getByRole("heading", { level: 1, name: new RegExp(DEMO_PERSON.companyName!) }).waitFor();
      // The customer session is gone with it.
      await page.goto("/cuenta");
      await page.waitForURL(/\/acceder/);
    });

    // And the client, signed in as themselves, sees the same.
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      await page.goto("/cuenta/actividad");
      const row = page.locator("tr", { hasText: records.actions.profile.updated }).first();
      await row.waitFor();
      expect(await row.innerText()).toContain(records.activity.actor.staff);
      expect(await page.locator("tr", { hasText: records.actions.staff.impersonation_started }).count()).toBe(1);
      expect(await page.getByRole("status").filter({ hasText: "Terminar" }).count()).toBe(0);
      await screenshot(page, "staff-clients-desktop-customer-activity");
    });
  });
});
