import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { DEMO_PNG } from "@/db/seed/demo-tickets";
import { buildTinyPdf } from "@/db/seed/tiny-pdf";
import { expectNoHorizontalScroll, LOGINS, screenshot, type ViewportName } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import support from "@/lib/i18n/messages/es/support.json";

// Issue 9 Acceptance, tickets: as demo@ at 1280 and 390 px, type "correo" in the subject and see
// knowledge-base suggestions, open a ticket with a PNG, reply with a PDF, close it, and find each new
// state in the list. The demo's own tickets are only read; each run writes tickets of its own.

const browser = setUpBrowser();

// A message that would run script if it were ever rendered as HTML.
const HOSTILE = `Adjunto captura.\n<script>window.__xss = 1</script><img src=x onerror="window.__xss = 2">`;

async function statusInDetails(page: Page): Promise<string> {
  const row = page.getByRole("region", { name: support.ticket.detailsTitle }).locator("dl > div").filter({ has: page.locator("dt", { hasText: support.ticket.status }) });
  return (await row.locator("dd").innerText()).trim();
}

/** The status shown for `subject` in the list at `query`. */
async function listedStatus(page: Page, query: string, subject: string): Promise<string> {
  await page.goto(`/soporte/tickets${query}`);
  const row = page.locator("main tbody tr").filter({ has: page.getByRole("link", { name: subject, exact: true }) });
  await row.waitFor();
  const labels = Object.values(support.ticketStatus);
  const text = await row.innerText();
  return labels.find((label) => text.includes(label)) ?? text;
}

async function openTicketJourney(page: Page, viewport: ViewportName) {
  const subject = `No me llega el correo (${viewport} ${Date.now()})`;

  // The dashboard's box of open tickets links to "Abrir ticket".
  await page.locator('main a[href="/soporte/tickets/nuevo"]').first().click();
  await page.getByRole("heading", { level: 1, name: support.open.title }).waitFor();
  const departments = page.getByRole("list", { name: support.open.departmentsLabel });
  for (const name of ["Soporte técnico", "Facturación", "Dominios", "Ventas"]) await departments.getByRole("link", { name: `Escribir a ${name}` }).waitFor();
  expect(await departments.innerText()).toContain("Incidencias con el alojamiento");
  await expectNoHorizontalScroll(page);
  await screenshot(page, `support-tickets-${viewport}-departments`);
  await departments.getByRole("link", { name: "Escribir a Soporte técnico" }).click();

  // Typing the subject suggests matching knowledge-base articles.
  const subjectField = page.getByLabel(support.open.subject, { exact: true });
  await subjectField.pressSequentially("correo", { delay: 40 });
  const suggestions = page.getByRole("region", { name: support.open.suggestions.title });
  await suggestions.waitFor();
  const suggested = await suggestions.getByRole("link").allInnerTexts();
  // The demo's knowledge base has articles on email ("Cómo configurar su cuenta de correo en Outlook"…).
  expect(suggested.some((title) => /correo/i.test(title)), suggested.join(" | ")).toBe(true);
  expect(await suggestions.getByRole("link").first().getAttribute("href")).toMatch(/^\/soporte\/conocimiento\/[^/]+\/[^/]+$/);
  await expectNoHorizontalScroll(page);
  await screenshot(page, `support-tickets-${viewport}-suggestions`);

  await subjectField.fill(subject);
  const related = page.getByLabel(support.open.related, { exact: true });
  const firstService = await related.locator("optgroup").first().locator("option").first().getAttribute("value");
  await related.selectOption(firstService!);
  await page.getByLabel(support.open.priority, { exact: true }).selectOption({ label: support.priority.high });
  await page.getByLabel(support.open.message, { exact: true }).fill(HOSTILE);

  // A web page renamed .png is refused next to the field, and the typed text stays.
  const files = page.getByLabel(support.open.attachments, { exact: true });
  await files.setInputFiles({ name: "captura.png", mimeType: "image/png", buffer: Buffer.from("<!doctype html><script>alert(1)</script>") });
  await page.getByRole("button", { name: support.open.submit }).click();
  await page.getByText(support.errors.attachmentType).waitFor();
  expect(page.url()).toContain("/soporte/tickets/nuevo");
  expect(await page.getByLabel(support.open.subject, { exact: true }).inputValue()).toBe(subject);

  await page.getByLabel(support.open.attachments, { exact: true }).setInputFiles({ name: "captura.png", mimeType: "image/png", buffer: DEMO_PNG });
  await page.getByRole("button", { name: support.open.submit }).click();
  await page.waitForURL(/\/soporte\/tickets\/\d+\?aviso=creado$/);
  const notice = await page.getByRole("status").filter({ hasText: "Hemos recibido su ticket" }).innerText();
  const reference = /#(\d{6})/.exec(notice)?.[1];
  expect(reference, notice).toMatch(/^[1-9]\d{5}$/);
  expect(await statusInDetails(page)).toBe(support.ticketStatus.open);

  // The message is shown as text: the markup is visible and never ran.
  const conversation = page.getByRole("region", { name: support.ticket.conversationTitle });
  await conversation.getByText('<img src=x onerror="window.__xss = 2">', { exact: false }).waitFor();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await conversation.locator("script, img").count()).toBe(0);

  // The PNG downloads through the checked route, never rendered inline.
  const attachmentLink = conversation.getByRole("link", { name: "captura.png" });
  const href = await attachmentLink.getAttribute("href");
  expect(href).toMatch(/^\/api\/soporte\/adjuntos\/\d+$/);
  const downloaded = await page.request.get(href!);
  expect(downloaded.status()).toBe(200);
  expect(downloaded.headers()["content-disposition"]).toMatch(/^attachment; filename="captura\.png"/);
  expect(downloaded.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.from(await downloaded.body()).equals(DEMO_PNG)).toBe(true);
  await expectNoHorizontalScroll(page);
  await screenshot(page, `support-tickets-${viewport}-opened`);

  // Reply with a PDF: the ticket waits on the support team again.
  await page.getByLabel(support.reply.message, { exact: true }).fill("Les envío también la factura del proveedor anterior.");
  await page.getByLabel(support.open.attachments, { exact: true }).setInputFiles({
    name: "factura-anterior.pdf",
    mimeType: "application/pdf",
    buffer: buildTinyPdf("Factura", ["Proveedor anterior"]),
  });
  await page.getByRole("button", { name: support.reply.submit }).click();
  await conversation.getByRole("link", { name: "factura-anterior.pdf" }).waitFor();
  await page.getByText(support.reply.sent).waitFor();
  expect(await statusInDetails(page)).toBe(support.ticketStatus.customer_reply);
  const ticketUrl = page.url();
  expect(await listedStatus(page, "", subject)).toBe(support.ticketStatus.customer_reply);

  // Close it, after the confirmation.
  await page.goto(ticketUrl);
  await page.getByRole("button", { name: support.close.trigger }).click();
  const dialog = page.getByRole("dialog", { name: support.close.title.replace("{reference}", reference!) });
  await dialog.waitFor();
  await screenshot(page, `support-tickets-${viewport}-close-dialog`);
  await dialog.getByRole("button", { name: support.close.confirm }).click();
  await page.getByText(support.reply.reopenHint).waitFor();
  expect(await statusInDetails(page)).toBe(support.ticketStatus.closed);
  expect(await page.getByRole("button", { name: support.close.trigger }).count()).toBe(0);
  expect(await listedStatus(page, "?estado=cerrados", subject)).toBe(support.ticketStatus.closed);
  await expectNoHorizontalScroll(page);
  await screenshot(page, `support-tickets-${viewport}-list-closed`);
}

describe("tickets as demo@cliente.test", () => {
  for (const viewport of ["desktop", "phone"] as const) {
    it(`at ${viewport === "desktop" ? "1280" : "390"} px: suggestions while typing, a ticket with a PNG, a reply with a PDF, closed`, async () => {
      await browser.withSignedInPage({ email: LOGINS.demo, viewport }, (page) => openTicketJourney(page, viewport));
    });
  }

  it("shows the demo's staff reply with its attachment, and the Soporte menu ends with Abrir ticket", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "desktop" }, async (page) => {
      const nav = page.getByRole("navigation", { name: "Menú principal" });
      await nav.getByRole("button", { name: "Soporte", exact: true }).click();
      const soporte = await nav.getByRole("link").allInnerTexts();
      expect(soporte.filter((name) => ["Tickets", "Anuncios", "Abrir ticket"].includes(name.trim()))).toEqual(["Tickets", "Anuncios", "Abrir ticket"]);

      await page.goto("/soporte/tickets");
      await page.getByRole("link", { name: "No puedo enviar correos desde Outlook" }).click();
      const conversation = page.getByRole("region", { name: support.ticket.conversationTitle });
      await conversation.getByText("Laura Soporte").waitFor();
      await conversation.getByRole("link", { name: "configuracion-smtp-outlook.png" }).waitFor();
    });
  });
});

describe("a sub-account without tickets", () => {
  it("sees no ticket links and is refused the pages and the attachments (403)", async () => {
    await browser.withSignedInPage({ email: LOGINS.billing, viewport: "desktop" }, async (page) => {
      expect(await page.locator('a[href^="/soporte/tickets"]').count()).toBe(0);
      for (const path of ["/soporte/tickets", "/soporte/tickets/nuevo"]) expect((await page.goto(path))?.status()).toBe(403);
      expect((await page.request.get("/api/soporte/adjuntos/1", { maxRedirects: 0 })).status()).toBe(403);
    });
  });

  it("another client's attachment answers 404", async () => {
    await browser.withSignedInPage({ email: LOGINS.other, viewport: "desktop" }, async (page) => {
      // The demo seed's first attachment belongs to demo@'s ticket.
      expect((await page.request.get("/api/soporte/adjuntos/1", { maxRedirects: 0 })).status()).toBe(404);
    });
  });
});
