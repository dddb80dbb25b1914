import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  createSignedUpSubAccount,
  expectNoHorizontalScroll,
  outboxLines,
  screenshot,
  serverLogOffset,
  signInForm,
  signInToDashboard,
  type ViewportName,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import security from "@/lib/i18n/messages/es/security.json";

// Issue 4 Acceptance: "change password and see the other browser context signed out". Run as a
// sub-account invited for this file, so the shared demo logins keep their passwords.

const browser = setUpBrowser();

const FIRST_PASSWORD = "Castillo de arena junto al faro 31";
const NEW_PASSWORD = "Cometa naranja sobre la colina 58";

async function changePassword(page: Page, current: string, next: string, confirmation: string = next): Promise<void> {
  const form = page.locator('form:has(input[name="confirmPassword"])');
  await form.locator('input[name="currentPassword"]').fill(current);
  await form.locator('input[name="newPassword"]').fill(next);
  await form.locator('input[name="confirmPassword"]').fill(confirmation);
  await form.locator('button[type="submit"]').click();
}

describe.each<ViewportName>(["desktop", "phone"])("Cambiar contraseña at %s", (viewport) => {
  it("ends the other browser's session and keeps this one", async () => {
    const email = await createSignedUpSubAccount(browser.chromium, { prefix: `clave-${viewport}`, password: FIRST_PASSWORD, permissions: ["tickets"] });
    const page = await browser.newPage({ viewport });
    const other = await browser.newPage({ viewport: "desktop" });
    try {
      await signInToDashboard(page, email, FIRST_PASSWORD);
      await signInToDashboard(other, email, FIRST_PASSWORD);

      await page.goto("/cuenta/contrasena");
      await page.getByRole("heading", { level: 1, name: security.password.title }).waitFor();
      if (viewport === "phone") await expectNoHorizontalScroll(page);

      // A wrong current password changes nothing.
      await changePassword(page, "no es la actual 123", NEW_PASSWORD);
      await page.getByText(security.errors.currentPasswordWrong).first().waitFor();
      await other.goto("/");
      expect(new URL(other.url()).pathname).toBe("/");

      const offset = serverLogOffset();
      await changePassword(page, FIRST_PASSWORD, NEW_PASSWORD);
      await page.getByText(security.password.saved).first().waitFor();
      await screenshot(page, `account-password-${viewport}-saved`);
      if (viewport === "phone") await expectNoHorizontalScroll(page);

      // The other context's next request is sent to sign in.
      await other.goto("/cuenta/contrasena");
      expect(new URL(other.url()).pathname).toBe("/acceder");
      await signInForm(other).waitFor();

      // This one is still signed in.
      const stay = await page.goto("/cuenta/contrasena");
      expect(stay?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe("/cuenta/contrasena");
      await page.goto("/");
      await page.getByRole("heading", { level: 1, name: "Página inicial" }).waitFor();

      // A notice went to the user.
      await expect.poll(() => outboxLines(offset, email).length, { timeout: 10_000 }).toBeGreaterThan(0);

      // The new password works in a fresh browser.
      await browser.expectSignIn({ email, password: NEW_PASSWORD, viewport: "desktop" });
    } finally {
      await page.context().close();
      await other.context().close();
    }
  });
});
