import { describe, expect, it } from "vitest";
import {
  baseUrl,
  DEMO_PASSWORD,
  expectNoHorizontalScroll,
  formMessage,
  LOGINS,
  outboxLines,
  requestResetLink,
  resetPasswordByEmail,
  screenshot,
  serverLogOffset,
  signInToDashboard,
  submitNewPassword,
  submitSignIn,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import auth from "@/lib/i18n/messages/es/auth.json";
import errors from "@/lib/i18n/messages/es/errors.json";
import security from "@/lib/i18n/messages/es/security.json";

// Issue 2 §4 and Acceptance: the forgotten-password journey end to end, with the link read from the
// outbox. facturas@ is the login changed here; the suite puts its password back (by another reset)
// so the files that sign in with it do not depend on the order the files run in.

const browser = setUpBrowser();

const NEW_PASSWORD = "Una frase nueva 2026";
const INVALID_LINK = errors.resetTokenInvalid;

describe("password reset", () => {
  it("resets the password with the emailed link, once", async () => {
    const email = LOGINS.billing;
    // Signed in elsewhere with the old password: the reset must end that session.
    const otherDevice = await browser.newPage({ viewport: "phone" });
    try {
      await signInToDashboard(otherDevice, email);

      await browser.withPage("desktop", async (page) => {
        const link = await requestResetLink(page, email);
        expect(link.startsWith(`${baseUrl()}/recuperar/`), `link ${link} is built from the configured base URL`).toBe(true);
        const outbox = outboxLines(0, email).join("\n");
        expect(outbox).toContain(link);

        // The form behind the link fits a 360 px phone too (opening it does not use it up).
        await browser.withPage("narrow", async (phone) => {
          await phone.goto(link);
          await phone.getByLabel(auth.reset.passwordConfirmation).waitFor();
          await expectNoHorizontalScroll(phone);
          await screenshot(phone, "narrow-360-recuperar-formulario");
        });

        // A second tab with the same link open, submitted after the first one has used it.
        const staleTab = await page.context().newPage();
        await staleTab.goto(link);
        await staleTab.getByLabel(auth.reset.passwordConfirmation).waitFor();

        await page.goto(link);
        await page.getByRole("heading", { level: 1, name: auth.reset.title }).waitFor();

        // Mismatched confirmation: the field says so and nothing changes.
        await submitNewPassword(page, NEW_PASSWORD, `${NEW_PASSWORD}!`);
        const confirmation = page.getByLabel(auth.reset.passwordConfirmation);
        await page.locator("#field-passwordConfirmation-error").filter({ hasText: security.errors.passwordMismatch }).waitFor();
        expect(await confirmation.getAttribute("aria-invalid")).toBe("true");
        expect(page.url()).toBe(link);
        await screenshot(page, "password-reset-desktop-mismatch");
        await browser.expectSignIn({ email, password: DEMO_PASSWORD, viewport: "desktop" });

        // Too short is refused as well, still on the same link.
        await submitNewPassword(page, "corta", "corta");
        await page.locator("#field-password-error").filter({ hasText: security.errors.passwordTooShort }).waitFor();
        expect(page.url()).toBe(link);

        await submitNewPassword(page, NEW_PASSWORD);
        await page.waitForURL((url) => url.pathname === "/acceder" && url.searchParams.get("restablecida") === "1", { waitUntil: "commit" });
        expect(await formMessage(page, "status")).toBe(auth.reset.done);
        await screenshot(page, "password-reset-desktop-done");

        // The emailed link is single-use: the other tab's submit is refused and changes nothing
        // (signing in with NEW_PASSWORD below proves it).
        await submitNewPassword(staleTab, "Otra frase distinta 2026");
        expect(await formMessage(staleTab, "alert")).toBe(INVALID_LINK);
        expect(staleTab.url()).toBe(link);
        await page.goto(link);
        expect(await formMessage(page, "alert")).toBe(INVALID_LINK);
        expect(await page.locator('input[name="password"]').count()).toBe(0);
        await page.getByRole("link", { name: auth.reset.requestNew }).waitFor();
      });

      // The session opened with the old password has ended.
      await otherDevice.goto("/");
      expect(new URL(otherDevice.url()).pathname).toBe("/acceder");

      await browser.withPage("desktop", async (page) => {
        await page.goto("/acceder");
        await submitSignIn(page, email, DEMO_PASSWORD);
        expect(await formMessage(page, "alert")).toBe(errors.invalidCredentials);
        await signInToDashboard(page, email, NEW_PASSWORD);
        expect(await page.locator("footer").textContent()).toContain("Carlos Ruiz Navarro");
      });
    } finally {
      await otherDevice.context().close();
      await resetPasswordByEmail(browser.chromium, email, DEMO_PASSWORD);
    }

    await browser.expectSignIn({ email, password: DEMO_PASSWORD, viewport: "desktop" });
  });

  it("answers an unknown address exactly like a known one and sends nothing", async () => {
    const known = await browser.withPage("desktop", async (page) => {
      await requestResetLink(page, LOGINS.demo);
      return formMessage(page, "status");
    });

    const unknown = "nadie.conocido@cliente.test";
    const offset = serverLogOffset();
    const answer = await browser.withPage("desktop", async (page) => {
      await page.goto("/recuperar");
      await page.getByLabel(auth.forgot.email).fill(unknown);
      await page.locator('form:has(input[name="email"]) button[type="submit"]').click();
      return formMessage(page, "status");
    });
    expect(answer).toBe(auth.forgot.sent);
    expect(answer).toBe(known);
    expect(outboxLines(offset)).toEqual([]);
  });

  it("shows the invalid-link message for a made-up or truncated token", async () => {
    await browser.withPage("desktop", async (page) => {
      for (const token of ["xyz", "0".repeat(64), "a-b_c.d"]) {
        const response = await page.goto(`/recuperar/${token}`);
        expect(response?.status()).toBe(200);
        expect(await formMessage(page, "alert")).toBe(INVALID_LINK);
        expect(await page.locator('input[name="password"]').count()).toBe(0);
      }
      await screenshot(page, "password-reset-desktop-invalid-link");
    });
  });

  it("asks for the link on a phone", async () => {
    await browser.withPage("phone", async (page) => {
      const offset = serverLogOffset();
      await page.goto("/acceder");
      await page.getByRole("link", { name: auth.signIn.forgotPassword }).click();
      await page.waitForURL((url) => url.pathname === "/recuperar", { waitUntil: "commit" });
      await page.getByRole("heading", { level: 1, name: auth.forgot.title }).waitFor();
      await expectNoHorizontalScroll(page);
      await page.getByLabel(auth.forgot.email).fill("nadie.movil@cliente.test");
      await page.locator('form:has(input[name="email"]) button[type="submit"]').click();
      expect(await formMessage(page, "status")).toBe(auth.forgot.sent);
      await expectNoHorizontalScroll(page);
      await screenshot(page, "password-reset-phone-sent");
      await page.getByRole("link", { name: auth.forgot.backToSignIn }).click();
      await page.waitForURL((url) => url.pathname === "/acceder", { waitUntil: "commit" });
      expect(outboxLines(offset)).toEqual([]);
    });
  });
});
