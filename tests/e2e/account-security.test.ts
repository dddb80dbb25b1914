import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import {
  createSignedUpSubAccount,
  expectNoHorizontalScroll,
  screenshot,
  signInForm,
  submitSignIn,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import { totpCode, totpStepAt, TOTP_PERIOD_SECONDS } from "@/lib/auth/two-factor-totp";
import common from "@/lib/i18n/messages/es/common.json";
import security from "@/lib/i18n/messages/es/security.json";
import twoFactor from "@/lib/i18n/messages/es/two-factor.json";

// Issue 4 Acceptance: change the security question (a wrong current answer is refused); enable
// two-factor sign-in, sign in with a TOTP code, the same code refused a second time, a backup code
// accepted. Run as a sub-account invited for this file: the shared demo logins keep no 2FA.

const browser = setUpBrowser();

const PASSWORD = "Velero blanco en la bahía 42";
const STEP_MS = TOTP_PERIOD_SECONDS * 1000;

const questionForm = (page: Page) => page.locator('form:has(input[name="answerConfirmation"])');
const codeForm = (page: Page) => page.locator('form:has(input[name="code"])');

async function saveQuestion(page: Page, input: { currentAnswer?: string; question: string; answer: string }): Promise<void> {
  const form = questionForm(page);
  if (input.currentAnswer !== undefined) await form.locator('input[name="currentAnswer"]').fill(input.currentAnswer);
  await form.locator('select[name="question"]').selectOption(input.question);
  await form.locator('input[name="answer"]').fill(input.answer);
  await form.locator('input[name="answerConfirmation"]').fill(input.answer);
  await form.locator('button[type="submit"]').click();
}

/** Password step, then waits for the code step. */
async function startSignIn(page: Page, email: string): Promise<void> {
  await page.goto("/acceder");
  await submitSignIn(page, email, PASSWORD);
  await codeForm(page).locator('input[name="code"]').waitFor();
  expect(new URL(page.url()).pathname).toBe("/acceder");
}

async function submitCode(page: Page, code: string): Promise<void> {
  const form = codeForm(page);
  await form.locator('input[name="code"]').fill(code);
  await form.locator('button[type="submit"]').click();
}

async function expectDashboard(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000, waitUntil: "commit" });
  await page.getByRole("heading", { level: 1, name: "Página inicial" }).waitFor();
}

describe("Ajustes de seguridad", () => {
  it("changes the security question only with the right current answer (phone)", async () => {
    const email = await createSignedUpSubAccount(browser.chromium, { prefix: "pregunta", password: PASSWORD, permissions: ["tickets"] });
    await browser.withPage("phone", async (page) => {
      await page.goto("/acceder");
      await submitSignIn(page, email, PASSWORD);
      await expectDashboard(page);
      await page.goto("/cuenta/seguridad");
      await page.getByRole("heading", { level: 1, name: security.settings.title }).waitFor();
      await page.getByText(security.question.none).waitFor();
      await expectNoHorizontalScroll(page);

      await saveQuestion(page, { question: "birthCity", answer: "Málaga" });
      await page.getByText(security.question.saved).first().waitFor();
      await page.reload();
      await page.getByText(security.question.current.replace("{question}", common.securityQuestions.birthCity)).waitFor();

      // A wrong current answer is refused and the question stays.
      await saveQuestion(page, { currentAnswer: "Sevilla", question: "firstPet", answer: "Bigotes" });
      await page.getByText(security.errors.currentAnswerWrong).first().waitFor();
      expect(await questionForm(page).locator('input[name="currentAnswer"]').getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, "account-security-phone-wrong-answer");
      await expectNoHorizontalScroll(page);
      await page.reload();
      await page.getByText(security.question.current.replace("{question}", common.securityQuestions.birthCity)).waitFor();

      // The right one, typed without the accent and in capitals, is accepted.
      await saveQuestion(page, { currentAnswer: "MALAGA", question: "firstPet", answer: "Bigotes" });
      await page.getByText(security.question.saved).first().waitFor();
      await page.reload();
      await page.getByText(security.question.current.replace("{question}", common.securityQuestions.firstPet)).waitFor();

      // The set-up page fits the phone too (this user never confirms it: 2FA stays off).
      await page.goto("/cuenta/seguridad/dos-pasos");
      await page.locator('[data-testid="totp-secret"]').waitFor();
      await expectNoHorizontalScroll(page);
    });
  });

  it("enables two-factor sign-in; a TOTP code signs in once, a backup code after", { timeout: 120_000 }, async () => {
    const email = await createSignedUpSubAccount(browser.chromium, { prefix: "dos-pasos", password: PASSWORD, permissions: ["tickets"] });

    const { secret, backupCodes, enabledStep } = await browser.withPage("desktop", async (page) => {
      await page.goto("/acceder");
      await submitSignIn(page, email, PASSWORD);
      await expectDashboard(page);
      await page.goto("/cuenta/seguridad");
      await page.getByRole("link", { name: twoFactor.section.enable }).click();
      await page.waitForURL((url) => url.pathname === "/cuenta/seguridad/dos-pasos", { waitUntil: "commit" });
      const secretBox = page.locator('[data-testid="totp-secret"]');
      await secretBox.waitFor();
      const secret = ((await secretBox.textContent()) ?? "").replace(/\s+/g, "");
      expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
      await expect.poll(() => page.getByRole("img", { name: twoFactor.setup.qrAlt }).getAttribute("src")).toMatch(/^data:image\//);

      const at = Date.now();
      await submitCode(page, await totpCode(secret, at));
      const list = page.locator('[data-testid="backup-codes"] li');
      await list.first().waitFor();
      const backupCodes = (await list.allTextContents()).map((code) => code.trim());
      expect(backupCodes).toHaveLength(10);
      expect(new Set(backupCodes).size).toBe(10);
      await screenshot(page, "account-security-desktop-backup-codes");

      // Sign out from the account menu.
      await page.getByRole("navigation", { name: "Menú principal" }).getByRole("button", { name: "Cuenta", exact: true }).click();
      await page.getByRole("button", { name: "Salir", exact: true }).click();
      await page.waitForURL((url) => url.pathname === "/acceder", { waitUntil: "commit" });
      await signInForm(page).waitFor();
      return { secret, backupCodes, enabledStep: totpStepAt(at) };
    });

    // The code of a step after the one used to enable it (within the ±1 step the server accepts).
    const step = Math.max(enabledStep + 1, totpStepAt(Date.now()));
    const code = await totpCode(secret, step * STEP_MS + 1_000);

    await browser.withPage("desktop", async (page) => {
      await startSignIn(page, email);
      // The password alone does not sign in.
      const early = await page.request.get("/", { maxRedirects: 0 });
      expect(new URL(early.headers()["location"] ?? "/", page.url()).pathname).toBe("/acceder");
      await submitCode(page, code);
      await expectDashboard(page);
      await page.getByRole("navigation", { name: "Menú principal" }).getByRole("button", { name: "Cuenta", exact: true }).click();
      await page.getByRole("button", { name: "Salir", exact: true }).click();
      await page.waitForURL((url) => url.pathname === "/acceder", { waitUntil: "commit" });
    });

    // The same code a second time is refused.
    await browser.withPage("desktop", async (page) => {
      await startSignIn(page, email);
      await submitCode(page, code);
      await page.getByText(twoFactor.errors.codeAlreadyUsed).first().waitFor();
      expect(new URL(page.url()).pathname).toBe("/acceder");
      await screenshot(page, "account-security-desktop-code-replayed");
      const response = await page.request.get("/", { maxRedirects: 0 });
      expect(new URL(response.headers()["location"] ?? "/", page.url()).pathname).toBe("/acceder");
    });

    // A backup code signs in (on a phone).
    await browser.withPage("phone", async (page) => {
      await startSignIn(page, email);
      await page.getByRole("button", { name: twoFactor.signIn.useBackupCode }).click();
      await page.getByText(twoFactor.signIn.backupIntro).waitFor();
      await expectNoHorizontalScroll(page);
      await submitCode(page, backupCodes[0]);
      await expectDashboard(page);
      await page.goto("/cuenta/seguridad");
      await page.getByRole("main").getByText(twoFactor.section.status).first().waitFor();
      await expectNoHorizontalScroll(page);
    });
  });
});
