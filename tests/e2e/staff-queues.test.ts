import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import admin from "@/lib/i18n/messages/es/admin.json";
import queues from "@/lib/i18n/messages/es/admin-queues.json";
import services from "@/lib/i18n/messages/es/services.json";
import { expectNoHorizontalScroll, LOGINS, screenshot, type ViewportName } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import { setUpAdminSignIn } from "@/tests/helpers/staff-sign-in";

// Issue 10, scope item 7 (Colas): the demo seed leaves two paid services of demo@cliente.test whose
// provisioning failed (db/seed/demo-queues.ts), one per viewport. The admin retries one: the sandbox
// panel creates it and it leaves the queue. The customer then asks for its immediate cancellation
// (the open request is made through the portal, as a customer would), and the admin carries it out
// from the cancellation queue: the customer's service reads "Terminado". At desktop the first
// request is declined with a reason (emailed; the customer's Correos enviados lists it), and the
// customer asks again before it is carried out.

const browser = setUpBrowser();
const adminSignIn = setUpAdminSignIn();
const FAILED_DOMAIN: Record<ViewportName, string> = { desktop: "reservas-casa-rural.es", phone: "academia-idiomas.es" } as Record<ViewportName, string>;
const rowOf = (page: Page, domain: string) => page.locator("main tr", { hasText: domain });

/** As the demo customer: the now active service's page, then an immediate cancellation with its confirmation. */
async function customerRequestsCancellation(viewport: ViewportName, domain: string) {
  await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
    await page.goto("/productos");
    const row = page.locator("tr", { hasText: domain }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain(services.status.active);
    await row.getByRole("link").first().click();
    await page.waitForURL(/\/productos\/\d+$/);
    await page.goto(`${new URL(page.url()).pathname}/cancelar`);
    await page.getByRole("heading", { level: 1, name: services.cancel.title }).waitFor();
    await page.getByLabel(services.cancel.reason).fill("Ya no necesitamos esta web.");
    await page.getByRole("radio", { name: new RegExp(services.cancel.types.immediate) }).check();
    await page.getByRole("button", { name: services.cancel.submit, exact: true }).click();
    const dialog = page.getByRole("dialog", { name: services.cancel.confirmTitle });
    await Promise.all([page.waitForURL(/aviso=cancelacion/), dialog.getByRole("button", { name: services.cancel.confirm, exact: true }).click()]);
  });
}

describe("staff work queues", () => {
  it("is a 404 to customers and signed-out visitors", async () => {
    await browser.withPage("desktop", async (page) => {
      for (const path of ["/admin/colas", "/admin/colas/cancelaciones", "/admin/colas/aprovisionamiento"]) {
        expect((await page.goto(path, { waitUntil: "commit" }))?.status(), path).toBe(404);
      }
    });
    await browser.withSignedInPage({ email: LOGINS.demo }, async (page) => {
      expect((await page.goto("/admin/colas", { waitUntil: "commit" }))?.status()).toBe(404);
    });
  });

  for (const viewport of ["desktop", "phone"] as ViewportName[]) {
    it(`at ${viewport}: the admin retries a failed provisioning, then carries out the customer's cancellation of that service`, { timeout: 180_000 }, async () => {
      const domain = FAILED_DOMAIN[viewport];
      // One staff page for the whole journey (one TOTP sign-in); the customer acts in contexts of their own meanwhile.
      const page = await browser.newPage({ viewport });
      try {
        await adminSignIn(page);
        if (viewport === "desktop") {
          await page.getByRole("navigation").getByRole("link", { name: admin.nav.queues }).click();
        } else {
          await page.goto("/admin/colas");
        }
        await page.getByRole("heading", { level: 1, name: queues.overview.title }).waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-queues-${viewport}-overview`);

        // The failed provisioning: the panel's error and the attempts, then "Reintentar".
        await page.getByRole("link", { name: queues.overview.provisioning, exact: true }).click();
        await page.getByRole("heading", { level: 1, name: queues.provisioning.title }).waitFor();
        const failed = rowOf(page, domain);
        await failed.getByTestId("provision-error").getByText(/unavailable/).waitFor();
        await failed.getByText(/de 5/).first().waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-queues-${viewport}-provisioning`);
        await failed.getByRole("button", { name: queues.provisioning.retry }).click();
        await page.getByText(queues.provisioning.provisioned).waitFor({ timeout: 20_000 });
        await expect.poll(() => rowOf(page, domain).count(), { timeout: 10_000 }).toBe(0);
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-queues-${viewport}-provisioned`);

        await customerRequestsCancellation(viewport, domain);
        await page.goto("/admin/colas/cancelaciones");
        await page.getByRole("heading", { level: 1, name: queues.cancellations.title }).waitFor();

        if (viewport === "desktop") {
          // Declined first, with a reason the customer receives; declined, it lets them ask again.
          const reason = "Tiene una oferta de permanencia hasta fin de mes; llámenos y lo vemos.";
          await rowOf(page, domain).getByRole("button", { name: queues.cancellations.decline.trigger }).click();
          const decline = page.getByRole("dialog", { name: queues.cancellations.decline.title.replace("{domain}", domain) });
          await decline.getByRole("button", { name: queues.cancellations.decline.confirm }).click();
          await decline.getByText(queues.errors.reasonRequired).waitFor();
          await decline.getByLabel(queues.cancellations.decline.reason).fill(reason);
          await screenshot(page, `staff-queues-${viewport}-decline`);
          await decline.getByRole("button", { name: queues.cancellations.decline.confirm }).click();
          await page.getByText(queues.cancellations.decline.done).waitFor({ timeout: 20_000 });
          await expect.poll(() => rowOf(page, domain).count(), { timeout: 10_000 }).toBe(0);
          await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (customer) => {
            await customer.goto("/cuenta/correos");
            await customer.getByText(queues.email.declined.subject.replace("{domain}", domain)).first().waitFor();
          });
          await customerRequestsCancellation(viewport, domain);
          await page.reload();
        }

        const request = rowOf(page, domain);
        await request.getByText("Ya no necesitamos esta web.").waitFor();
        await request.getByText(new RegExp(queues.cancellations.types.immediate)).waitFor();
        await request.getByRole("link").first().waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-queues-${viewport}-cancellations`);
        await request.getByRole("button", { name: queues.cancellations.carryOut.trigger }).click();
        const dialog = page.getByRole("dialog", { name: queues.cancellations.carryOut.title.replace("{domain}", domain) });
        await dialog.waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-queues-${viewport}-cancel-confirm`);
        await dialog.getByRole("button", { name: queues.cancellations.carryOut.confirm }).click();
        await page.getByText(queues.cancellations.carryOut.done).waitFor({ timeout: 20_000 });
        await expect.poll(() => rowOf(page, domain).count(), { timeout: 10_000 }).toBe(0);
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-queues-${viewport}-cancelled`);
      } finally {
        await page.context().close();
      }

      await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (customer) => {
        await customer.goto("/productos?estado=cancelados");
        const row = customer.locator("tr", { hasText: domain }).first();
        await row.waitFor();
        expect(await row.innerText()).toContain(services.status.terminated);
      });
    });
  }
});
