import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  createSignedUpSubAccount,
  expectNoHorizontalScroll,
  outboxLines,
  screenshot,
  serverLogOffset,
  submitSignIn,
  type ViewportName,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import passkeys from "@/lib/i18n/messages/es/passkeys.json";
import security from "@/lib/i18n/messages/es/security.json";

// Issue 11 item 4 Acceptance: in chromium at 1280 and 390 px, add a passkey in Ajustes de seguridad,
// sign out, sign in with it (no password, no code), then remove it, after which the same passkey is
// refused with a clear message. The passkey lives in chromium's virtual authenticator (CDP WebAuthn
// domain), which answers like a phone's or laptop's built-in one with user verification.

const browser = setUpBrowser();

const PASSWORD = "Faro verde sobre el acantilado 77";
const NAME = "Portátil de pruebas";
const fill = (text: string, values: Record<string, string>) => Object.entries(values).reduce((out, [key, value]) => out.replace(`{${key}}`, value), text);

async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

async function expectDashboard(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000, waitUntil: "commit" });
  await page.getByRole("heading", { level: 1, name: "Página inicial" }).waitFor();
}

async function signOut(page: Page, viewport: ViewportName): Promise<void> {
  if (viewport === "desktop") {
    await page.getByRole("navigation", { name: "Menú principal" }).getByRole("button", { name: "Cuenta", exact: true }).click();
    await page.getByRole("button", { name: "Salir", exact: true }).click();
  } else {
    await page.getByRole("button", { name: "Menú", exact: true }).click();
    await page.getByRole("dialog", { name: "Menú principal" }).getByRole("button", { name: "Salir", exact: true }).click();
  }
  await page.waitForURL((url) => url.pathname === "/acceder", { waitUntil: "commit" });
  // Really signed out: the portal sends this browser back to the sign-in page.
  const home = await page.request.get("/", { maxRedirects: 0 });
  expect(new URL(home.headers()["location"] ?? "/", page.url()).pathname).toBe("/acceder");
}

async function waitForOutbox(offset: number, email: string, subject: string): Promise<void> {
  await expect.poll(() => outboxLines(offset, email).some((line) => line.includes(subject)), { timeout: 15_000 }).toBe(true);
}

const passkeyCard = (page: Page) => page.locator('section[aria-labelledby="passkeys"]');

describe.each([
  ["desktop", 1280],
  ["phone", 390],
] as const)("passkeys at %s (%i px)", (viewport, width) => {
  it("adds a passkey, signs out, signs in with it, removes it", async () => {
    const email = await createSignedUpSubAccount(browser.chromium, { prefix: `llave-${viewport}`, password: PASSWORD, permissions: ["tickets"] });
    await browser.withPage(viewport, async (page) => {
      expect(page.viewportSize()?.width).toBe(width);
      await addVirtualAuthenticator(page);
      await page.goto("/acceder");
      await submitSignIn(page, email, PASSWORD);
      await expectDashboard(page);

      // Add a passkey in Ajustes de seguridad: a name and the current password, then the device.
      await page.goto("/cuenta/seguridad");
      await page.getByRole("heading", { level: 1, name: security.settings.title }).waitFor();
      const card = passkeyCard(page);
      await card.getByText(passkeys.section.none).waitFor();
      const addForm = card.locator("form[data-add-passkey]");

      // A wrong password is refused next to the field; nothing is asked of the device.
      await addForm.locator('input[name="passkeyName"]').fill(NAME);
      await addForm.locator('input[name="passkeyPassword"]').fill("no es mi contraseña");
      await addForm.getByRole("button", { name: passkeys.add.submit }).click();
      await addForm.getByText(passkeys.errors.passwordWrong).waitFor();
      expect(await addForm.locator('input[name="passkeyPassword"]').getAttribute("aria-invalid")).toBe("true");

      const addedAt = serverLogOffset();
      await addForm.locator('input[name="passkeyName"]').fill(NAME);
      await addForm.locator('input[name="passkeyPassword"]').fill(PASSWORD);
      await addForm.getByRole("button", { name: passkeys.add.submit }).click();
      await addForm.getByRole("status").filter({ hasText: fill(passkeys.add.done, { name: NAME }) }).waitFor();
      const item = card.getByRole("list", { name: passkeys.section.listLabel }).getByRole("listitem");
      await expect.poll(() => item.count()).toBe(1);
      await item.getByText(NAME, { exact: true }).waitFor();
      await item.getByText(passkeys.section.neverUsed).waitFor();
      expect(await item.textContent()).toContain(passkeys.section.created.split("{")[0]!);
      await waitForOutbox(addedAt, email, passkeys.email.subject.added);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `passkeys-${viewport}-added`);

      // Sign out, and back in with the passkey alone: no email, password or code.
      await signOut(page, viewport);
      await page.getByRole("button", { name: passkeys.signIn.button }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `passkeys-${viewport}-sign-in`);
      await page.getByRole("button", { name: passkeys.signIn.button }).click();
      await expectDashboard(page);

      // The list now shows when it was last used; remove it behind the confirmation dialog.
      await page.goto("/cuenta/seguridad");
      const used = passkeyCard(page).getByRole("list", { name: passkeys.section.listLabel }).getByRole("listitem");
      await used.getByText(passkeys.section.lastUsed.split("{")[0]!.trim()).waitFor();
      const removedAt = serverLogOffset();
      await used.getByRole("button", { name: fill(passkeys.remove.buttonLabel, { name: NAME }) }).click();
      const dialog = page.getByRole("dialog", { name: fill(passkeys.remove.confirmTitle, { name: NAME }) });
      await dialog.waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `passkeys-${viewport}-remove-dialog`);
      // Cancelling keeps it.
      await dialog.getByRole("button", { name: passkeys.remove.cancel }).click();
      await dialog.waitFor({ state: "hidden" });
      expect(await used.count()).toBe(1);
      await used.getByRole("button", { name: fill(passkeys.remove.buttonLabel, { name: NAME }) }).click();
      await dialog.getByRole("button", { name: passkeys.remove.confirm }).click();
      await passkeyCard(page).getByText(passkeys.section.none).waitFor();
      await waitForOutbox(removedAt, email, passkeys.email.subject.removed);

      // The authenticator still holds the passkey, but the portal no longer knows it.
      await signOut(page, viewport);
      await page.getByRole("button", { name: passkeys.signIn.button }).click();
      await page.getByRole("alert").filter({ hasText: passkeys.errors.unknownCredential }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/acceder");
      await expectNoHorizontalScroll(page);
      await screenshot(page, `passkeys-${viewport}-unknown`);
    });
  });
});
