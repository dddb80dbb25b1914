import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createSignedUpSubAccount,
  expectNoHorizontalScroll,
  LOGINS,
  screenshot,
  type ViewportName,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import account from "@/lib/i18n/messages/es/account.json";
import contacts from "@/lib/i18n/messages/es/contacts.json";
import email from "@/lib/i18n/messages/es/email.json";
import records from "@/lib/i18n/messages/es/records.json";
import security from "@/lib/i18n/messages/es/security.json";

// Issue 4 Acceptance: "open a sent email" (in a new window, sandboxed), the activity log and the JSON
// export, as demo@. The file makes its own email and audit rows (a sub-account invited, signed up and
// changing its password: the notice is on the account's list; the invitation itself is shown only to
// the person it was sent to) so it does not depend on which files ran before it.

const browser = setUpBrowser();

const NOTICE_SUBJECT = email.passwordChanged.subject;
const FIRST_PASSWORD = "Granero rojo entre los olivos 19";

describe("records as demo@", () => {
  let invited: string;

  beforeAll(async () => {
    invited = await createSignedUpSubAccount(browser.chromium, { prefix: "registro", password: FIRST_PASSWORD, permissions: ["tickets"], firstName: "Rosa", lastName: "Registro Gil" });
    await browser.withSignedInPage({ email: invited, password: FIRST_PASSWORD, viewport: "desktop" }, async (page) => {
      await page.goto("/cuenta/contrasena");
      const form = page.locator('form:has(input[name="confirmPassword"])');
      await form.locator('input[name="currentPassword"]').fill(FIRST_PASSWORD);
      await form.locator('input[name="newPassword"]').fill("Granero azul entre los almendros 23");
      await form.locator('input[name="confirmPassword"]').fill("Granero azul entre los almendros 23");
      await form.locator('button[type="submit"]').click();
      await page.getByText(security.password.saved).first().waitFor();
    });
  });

  it.each<ViewportName>(["desktop", "phone"])("opens a sent email in a new window, sandboxed (%s)", async (viewport) => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
      await page.goto("/cuenta/correos");
      await page.getByRole("heading", { level: 1, name: records.emails.title }).waitFor();
      if (viewport === "phone") await expectNoHorizontalScroll(page);
      const row = page.locator("main").locator("tr, li").filter({ hasText: invited }).first();
      await row.waitFor();
      expect(await row.textContent()).toContain(NOTICE_SUBJECT);
      const link = row.getByRole("link", { name: new RegExp(records.emails.view) });
      expect(await link.getAttribute("target")).toBe("_blank");

      const [message] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
      await message.waitForLoadState("domcontentloaded");
      expect(new URL(message.url()).pathname).toMatch(/^\/cuenta\/correos\/\d+$/);
      await message.getByRole("heading", { level: 1, name: NOTICE_SUBJECT }).waitFor();
      const frame = message.locator("iframe");
      expect(await frame.count()).toBe(1);
      expect(await frame.getAttribute("sandbox")).toBe("");
      const body = message.frameLocator("iframe").locator("body");
      await body.getByText(email.passwordChanged.heading).first().waitFor();
      expect(await body.innerText()).toContain("Rosa");
      if (viewport === "phone") await expectNoHorizontalScroll(message);
      await screenshot(message, `account-records-${viewport}-email`);
    });
  });

  it("lists the activity and downloads a JSON copy without secrets", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      await page.goto("/cuenta/actividad");
      await page.getByRole("heading", { level: 1, name: records.activity.title }).waitFor();
      const rows = page.locator("main table tbody tr");
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThan(0);
      const activity = await page.locator("main").innerText();
      expect(activity).toContain(records.actions.contact.access_granted);
      expect(activity).toContain(invited);
      expect(activity).toContain(records.actions.password.changed);
      await screenshot(page, "account-records-desktop-activity");

      await page.goto("/cuenta/exportar");
      await page.getByRole("heading", { level: 1, name: records.export.title }).waitFor();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: records.export.download }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const text = fs.readFileSync(await download.path(), "utf8");
      const data: unknown = JSON.parse(text);
      expect(typeof data).toBe("object");
      expect(text).toContain(LOGINS.demo);
      expect(text).toContain(invited);
      expect(text).not.toContain("passwordHash");
      expect(text).not.toContain("password_hash");
      expect(text).not.toMatch(/\$argon2/);
    });
  });

  it("every account page fits a 390 px phone", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "phone" }, async (page) => {
      const pages: [string, string][] = [
        ["/cuenta", account.details.title],
        ["/cuenta/contactos", contacts.title],
        ["/cuenta/contactos?contacto=nuevo", contacts.title],
        ["/cuenta/contrasena", security.password.title],
        ["/cuenta/seguridad", security.settings.title],
        ["/cuenta/correos", records.emails.title],
        ["/cuenta/actividad", records.activity.title],
        ["/cuenta/exportar", records.export.title],
      ];
      for (const [path, title] of pages) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        await page.getByRole("heading", { level: 1, name: title }).waitFor();
        await expectNoHorizontalScroll(page);
      }
    });
  });
});
