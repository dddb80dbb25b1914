import type { Page } from "playwright-core";
import { afterAll } from "vitest";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_STAFF } from "@/db/seed/demo-staff";
import { totpCode, totpStepAt } from "@/lib/auth/two-factor-totp";
import admin from "@/lib/i18n/messages/es/admin.json";

const DEMO_PASSWORD = "Demo-2026!";

/**
 * For a browser journey of the staff area: returns the demo admin's sign-in (password, then the
 * TOTP code of its demo secret), ending on /admin/tickets. A TOTP code is good once, so a second
 * sign-in in the same 30 s window waits for the next code, and after the file the next code is left
 * unused for the browser tests that follow.
 */
export function setUpAdminSignIn(): (page: Page) => Promise<void> {
  let lastStep = 0;
  afterAll(async () => {
    while (totpStepAt(Date.now()) <= lastStep) await new Promise((resolve) => setTimeout(resolve, 1000));
  }, 40_000);
  return async (page) => {
    while (totpStepAt(Date.now()) <= lastStep) await page.waitForTimeout(1000);
    await page.goto("/admin/acceso");
    await page.getByLabel(admin.signIn.email, { exact: true }).fill(DEMO_STAFF.admin.email);
    await page.getByLabel(admin.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: admin.signIn.submit }).click();
    const code = page.getByLabel(admin.signIn.code, { exact: true });
    await code.waitFor();
    lastStep = totpStepAt(Date.now());
    await code.fill(await totpCode(DEMO_ADMIN_TOTP_SECRET));
    await Promise.all([page.waitForURL(/\/admin\/tickets$/, { waitUntil: "commit" }), page.getByRole("button", { name: admin.signIn.codeSubmit }).click()]);
  };
}
