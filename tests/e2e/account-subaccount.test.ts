import { describe, expect, it } from "vitest";
import {
  acceptInvitation,
  expectNoHorizontalScroll,
  inviteSubAccount,
  INVITATION_LINK,
  LOGINS,
  outboxLines,
  screenshot,
  serverLogOffset,
  uniqueEmail,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import contacts from "@/lib/i18n/messages/es/contacts.json";

// Issue 4 Acceptance: invite a sub-account with only "tickets", follow the link from the outbox, sign
// in as it and see only what that permission allows (menu and server both).

const browser = setUpBrowser();

const PASSWORD = "Tortuga lenta cruza el puente 77";

describe("sub-account with tickets only", () => {
  it("is invited, sets its password from the emailed link and sees only Soporte > Tickets", async () => {
    const email = uniqueEmail("soporte");
    const offset = serverLogOffset();
    const link = await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      const invitation = await inviteSubAccount(page, { email, firstName: "Tomás", lastName: "Soporte Vidal", permissions: ["tickets"] });
      await page.getByText(contacts.notices.invited).first().waitFor();
      await page.getByText(contacts.access.statusPending).first().waitFor();
      return invitation;
    });
    expect(link).toMatch(INVITATION_LINK);
    expect(outboxLines(offset, email).join("\n")).toContain(link);

    // The invitation page fits a phone.
    await browser.withPage("phone", async (page) => {
      await page.goto(link);
      await page.getByRole("heading", { level: 1, name: contacts.invitation.title }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, "account-subaccount-phone-invitation");
    });

    await acceptInvitation(browser.chromium, link, PASSWORD);

    // The link is single-use.
    await browser.withPage("desktop", async (page) => {
      await page.goto(link);
      await page.getByText(contacts.errors.invitationInvalid).first().waitFor();
      expect(await page.locator('input[name="passwordConfirmation"]').count()).toBe(0);
    });

    await browser.withSignedInPage({ email, password: PASSWORD, viewport: "desktop" }, async (page) => {
      const nav = page.getByRole("navigation", { name: "Menú principal" });
      await nav.getByRole("button", { name: "Soporte", exact: true }).click();
      await nav.getByRole("link", { name: "Tickets", exact: true }).waitFor();
      expect(await nav.getByRole("button", { name: "Facturación", exact: true }).count()).toBe(0);
      expect(await nav.getByRole("link", { name: "Mis facturas", exact: true }).count()).toBe(0);
      expect(await page.locator('a[href^="/facturacion/facturas"]').count()).toBe(0);
      await screenshot(page, "account-subaccount-desktop-menu");

      const tickets = await page.goto("/soporte/tickets");
      expect(tickets?.status()).toBe(200);
      const invoices = await page.goto("/facturacion/facturas");
      expect(invoices?.status()).toBe(403);
      await page.getByRole("heading", { level: 1, name: "Acceso no permitido" }).waitFor();
    });

    await browser.withSignedInPage({ email, password: PASSWORD, viewport: "phone" }, async (page) => {
      await page.getByRole("button", { name: "Menú", exact: true }).click();
      const drawer = page.getByRole("dialog", { name: "Menú principal" });
      await drawer.getByRole("link", { name: "Tickets", exact: true }).waitFor();
      expect(await drawer.getByRole("link", { name: "Mis facturas", exact: true }).count()).toBe(0);
      await expectNoHorizontalScroll(page);
      await page.keyboard.press("Escape");
      const invoices = await page.request.get("/facturacion/facturas", { maxRedirects: 0 });
      expect(invoices.status()).toBe(403);
    });
  });
});
