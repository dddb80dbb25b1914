import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_ADMIN_TOTP_SECRET, DEMO_STAFF } from "@/db/seed/demo-staff";
import { totpCode } from "@/lib/auth/two-factor-totp";
import admin from "@/lib/i18n/messages/es/admin.json";
import { expectNoHorizontalScroll, LOGINS, outboxLines, screenshot, serverLogOffset, type ViewportName } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

// Issue 10 Acceptance (tickets): a member of staff signs in with a TOTP code, answers the demo
// client's open ticket (with an internal note beside it); the customer sees the reply, not the note,
// and the reply email is in the outbox. Desktop as the admin (fixed demo secret), phone as the
// support user, who enrols an authenticator on this first sign-in.

const browser = setUpBrowser();
const DEMO_PASSWORD = "Demo-2026!";
const OPEN_TICKET = "Reactivar mi-blog-personal.es tras pagar la factura pendiente";

async function staffSignIn(page: Page, email: string, secretFrom: "demo" | "enrolment") {
  await page.goto("/admin/acceso");
  await page.getByRole("heading", { level: 1, name: admin.signIn.title }).waitFor();
  await page.getByLabel(admin.signIn.email, { exact: true }).fill(email);
  await page.getByLabel(admin.signIn.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: admin.signIn.submit }).click();
  const code = page.getByLabel(admin.signIn.code, { exact: true });
  await code.waitFor();
  let secret = DEMO_ADMIN_TOTP_SECRET;
  if (secretFrom === "enrolment") {
    await page.getByRole("heading", { name: admin.signIn.enrolTitle }).waitFor();
    await page.getByRole("img", { name: admin.signIn.qrAlt }).waitFor();
    secret = (await page.getByTestId("enrol-secret").innerText()).trim();
    await expectNoHorizontalScroll(page);
  }
  // The code an authenticator app would show now, computed from the secret with otplib.
  await code.fill(await totpCode(secret));
  await Promise.all([page.waitForURL(/\/admin\/tickets$/, { waitUntil: "commit" }), page.getByRole("button", { name: admin.signIn.codeSubmit }).click()]);
  await page.getByRole("heading", { level: 1, name: admin.queue.title }).waitFor();
}

async function answerOpenTicket(page: Page, viewport: ViewportName, reply: string, note: string) {
  // The demo's open ticket is in Facturación: filter the queue by it.
  await page.getByLabel(admin.queue.department, { exact: true }).selectOption({ label: "Facturación" });
  await Promise.all([page.waitForURL(/departamento=\d+/), page.getByRole("button", { name: admin.queue.filter }).click()]);
  await expectNoHorizontalScroll(page);
  await screenshot(page, `staff-tickets-${viewport}-queue`);
  await page.locator("main").getByRole("link", { name: OPEN_TICKET }).click();
  await page.getByRole("heading", { level: 1, name: OPEN_TICKET }).waitFor();

  const noteForm = page.locator("section", { has: page.getByRole("heading", { name: admin.ticket.note.title }) });
  await noteForm.getByLabel(admin.ticket.note.message, { exact: true }).fill(note);
  await noteForm.getByRole("button", { name: admin.ticket.note.submit }).click();
  await noteForm.getByText(admin.ticket.note.saved).waitFor();

  const replyForm = page.locator("section", { has: page.getByRole("heading", { name: admin.ticket.reply.title }) });
  // A canned reply goes into the message first; the agent's own words follow it.
  await replyForm.getByLabel(admin.ticket.reply.canned, { exact: true }).selectOption({ label: "Reactivación tras el pago" });
  await replyForm.getByRole("button", { name: admin.ticket.reply.insert }).click();
  const message = replyForm.getByLabel(admin.ticket.reply.message, { exact: true });
  expect(await message.inputValue()).toContain("se reactiva automáticamente");
  await message.fill(reply);
  await replyForm.getByRole("button", { name: admin.ticket.reply.submit }).click();
  await replyForm.getByText(admin.ticket.reply.sent).waitFor();

  const conversation = page.getByRole("region", { name: admin.ticket.conversation });
  await conversation.getByText(reply).waitFor();
  await conversation.locator('[data-entry="note"]', { hasText: note }).waitFor();
  await expectNoHorizontalScroll(page);
  await screenshot(page, `staff-tickets-${viewport}-answered`);
  return page.url();
}

async function customerSeesReply(viewport: ViewportName, reply: string, note: string) {
  await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
    await page.goto("/soporte/tickets");
    await page.locator("main").getByRole("link", { name: OPEN_TICKET, exact: true }).click();
    await page.getByRole("heading", { level: 1, name: OPEN_TICKET }).waitFor();
    await page.locator("main").getByText(reply).waitFor();
    expect(await page.locator("main").innerText()).not.toContain(note);
    expect(await page.content()).not.toContain(note);
    await expectNoHorizontalScroll(page);
    await screenshot(page, `staff-tickets-${viewport}-customer`);
  });
}

describe("staff ticket desk", () => {
  it("is a 404 to signed-out visitors and to customers; only the staff sign-in page shows", async () => {
    await browser.withPage("desktop", async (page) => {
      for (const path of ["/admin", "/admin/tickets", "/admin/tickets/1", "/admin/respuestas"]) {
        expect((await page.goto(path, { waitUntil: "commit" }))?.status(), path).toBe(404);
      }
      expect((await page.goto("/admin/acceso", { waitUntil: "commit" }))?.status()).toBe(200);
    });
    await browser.withSignedInPage({ email: LOGINS.demo }, async (page) => {
      for (const path of ["/admin", "/admin/tickets", "/admin/respuestas"]) {
        expect((await page.goto(path, { waitUntil: "commit" }))?.status(), path).toBe(404);
      }
    });
  });

  it("at 1280 px: the admin signs in with TOTP and answers the open ticket; the customer sees it and gets the email", async () => {
    const reply = `Hola, María: el blog se reactiva solo al registrarse el pago (escritorio ${Date.now()}).`;
    const note = `Nota interna escritorio ${Date.now()}: revisar el cambio a anual`;
    const offset = serverLogOffset();
    await browser.withPage("desktop", async (page) => {
      await staffSignIn(page, DEMO_STAFF.admin.email, "demo");
      await answerOpenTicket(page, "desktop", reply, note);
    });
    await expect.poll(() => outboxLines(offset, LOGINS.demo).filter((line) => line.includes("[#517204] Respuesta a su ticket")).length, { timeout: 10_000 }).toBe(1);
    expect(outboxLines(offset).join("\n")).not.toContain(note);
    await customerSeesReply("desktop", reply, note);
  });

  it("at 390 px: the support user enrols an authenticator on first sign-in and answers the ticket", async () => {
    const reply = `Respuesta desde el móvil ${Date.now()}.`;
    const note = `Nota interna móvil ${Date.now()}`;
    await browser.withPage("phone", async (page) => {
      await staffSignIn(page, DEMO_STAFF.support.email, "enrolment");
      // No canned-reply admin page for support.
      expect(await page.getByRole("link", { name: admin.nav.canned }).count()).toBe(0);
      await answerOpenTicket(page, "phone", reply, note);
      expect((await page.goto("/admin/respuestas", { waitUntil: "commit" }))?.status()).toBe(403);
    });
    await customerSeesReply("phone", reply, note);
  });
});
