import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  expectNoHorizontalScroll,
  LOGINS,
  screenshot,
  uniqueEmail,
  type ViewportName,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import account from "@/lib/i18n/messages/es/account.json";
import contacts from "@/lib/i18n/messages/es/contacts.json";
import { DEMO_PERSON } from "@/db/seed/demo-accounts";

// Issue 4 Acceptance: Mis datos with a bad NIF (message next to the field, nothing saved) then a good
// one (saved); a contact with the "facturas" preference made the default billing contact. demo@'s NIF
// and billing contact are put back as seeded: the billing files print them.

const browser = setUpBrowser();

const SEEDED_NIF = DEMO_PERSON.taxId!;
const profileForm = (page: Page) => page.locator('form:has(input[name="taxId"])');

async function saveTaxId(page: Page, taxId: string): Promise<void> {
  const form = profileForm(page);
  await form.locator('input[name="taxId"]').fill(taxId);
  await form.locator('button[type="submit"]').click();
}

async function expectSaved(page: Page): Promise<void> {
  await profileForm(page).getByRole("status").filter({ hasText: account.details.saved }).or(page.getByText(account.details.saved)).first().waitFor();
}

describe.each<ViewportName>(["desktop", "phone"])("Mis datos at %s", (viewport) => {
  it("refuses a NIF with a wrong letter next to the field and saves a good one", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
      await page.goto("/cuenta");
      await page.getByRole("heading", { level: 1, name: account.details.title }).waitFor();
      const taxId = profileForm(page).locator('input[name="taxId"]');
      expect(await taxId.inputValue()).toBe(SEEDED_NIF);
      if (viewport === "phone") await expectNoHorizontalScroll(page);

      await saveTaxId(page, "12345678A");
      const error = page.locator("#field-taxId-error");
      await error.filter({ hasText: account.errors.taxIdNifLetter }).waitFor();
      expect(await profileForm(page).locator('input[name="taxId"]').getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, `account-profile-${viewport}-bad-nif`);
      if (viewport === "phone") await expectNoHorizontalScroll(page);

      await page.reload();
      expect(await profileForm(page).locator('input[name="taxId"]').inputValue()).toBe(SEEDED_NIF);

      try {
        await saveTaxId(page, "12345678Z");
        await expectSaved(page);
        await page.reload();
        expect(await profileForm(page).locator('input[name="taxId"]').inputValue()).toBe("12345678Z");
        // The name the dashboard tests read is untouched.
        expect(await profileForm(page).locator('input[name="firstName"]').inputValue()).toBe(DEMO_PERSON.firstName);
      } finally {
        await page.goto("/cuenta");
        await saveTaxId(page, SEEDED_NIF);
        await expectSaved(page);
      }
      await page.reload();
      expect(await profileForm(page).locator('input[name="taxId"]').inputValue()).toBe(SEEDED_NIF);
    });
  });
});

describe("billing contact", () => {
  it("creates a contact with the invoices preference and makes it the default billing contact", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      const email = uniqueEmail("facturacion");
      await page.goto("/cuenta/contactos?contacto=nuevo");
      await page.getByRole("heading", { level: 1, name: contacts.title }).waitFor();
      const form = page.locator('form:has(input[name="contactId"])');
      await form.locator('input[name="firstName"]').fill("Elena");
      await form.locator('input[name="lastName"]').fill("Contable Prieto");
      await form.locator('input[name="email"]').fill(email);
      await form.locator('input[name="emailPreferences"][value="invoices"]').check();
      await form.locator('button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === "/cuenta/contactos" && url.searchParams.get("aviso") === "created", { waitUntil: "commit" });
      await page.getByText(contacts.notices.created).first().waitFor();
      const contactId = new URL(page.url()).searchParams.get("contacto");
      expect(contactId).toMatch(/^\d+$/);
      // The saved contact shows again with its preference ticked.
      expect(await page.locator('form:has(input[name="contactId"]) input[name="emailPreferences"][value="invoices"]').isChecked()).toBe(true);
      expect(await page.locator('form:has(input[name="contactId"]) input[name="emailPreferences"][value="domains"]').isChecked()).toBe(false);

      await page.goto("/cuenta");
      const select = profileForm(page).locator('select[name="defaultBillingContactId"]');
      const previous = await select.inputValue();
      try {
        await select.selectOption(contactId!);
        await profileForm(page).locator('button[type="submit"]').click();
        await expectSaved(page);
        await page.reload();
        const reloaded = profileForm(page).locator('select[name="defaultBillingContactId"]');
        expect(await reloaded.inputValue()).toBe(contactId);
        expect(await reloaded.locator("option:checked").textContent()).toContain(email);
        await screenshot(page, "account-profile-desktop-billing-contact");

        // The contacts page marks it as the default billing contact.
        await page.goto(`/cuenta/contactos?contacto=${contactId}`);
        await page.getByText(contacts.defaultBilling).first().waitFor();
      } finally {
        await page.goto("/cuenta");
        await profileForm(page).locator('select[name="defaultBillingContactId"]').selectOption(previous);
        await profileForm(page).locator('button[type="submit"]').click();
        await expectSaved(page);
      }
    });
  });
});
