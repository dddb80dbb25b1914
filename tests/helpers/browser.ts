import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import "./provided-context";
import { watchSecurity } from "./security-guard";

// Browser-test helpers around Debian's chromium. The server (tests/e2e/setup/server.ts) provides
// the base URL and the path of its log, where the outbox email adapter prints every message.

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(process.cwd(), "tests", "e2e", "artifacts");

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  /** The narrowest phone the issue asks for: every page must fit 360 px without sideways scroll. */
  narrow: { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

export function baseUrl(): string {
  return inject("e2eBaseUrl");
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * A page in a context of its own (own cookies), Spanish locale, relative URLs resolved against the
 * server. Every document the context loads is checked for the security headers, and every policy
 * error on its console recorded (tests/helpers/security-guard.ts; setUpBrowser fails the test).
 */
export async function newPage(browser: Browser, options: { viewport?: ViewportName } = {}): Promise<Page> {
  const context = await browser.newContext({
    ...VIEWPORTS[options.viewport ?? "desktop"],
    baseURL: baseUrl(),
    locale: "es-ES",
    timezoneId: "Europe/Madrid",
  });
  watchSecurity(context, baseUrl());
  return context.newPage();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/acceder");
  // Scoped to the sign-in form: the language switch is made of submit buttons too.
  const form = page.locator('form:has(input[name="password"])');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await Promise.all([
    // The server action redirects on the client: there is no new document load to wait for.
    page.waitForURL((url) => url.pathname === "/", { timeout: 30_000, waitUntil: "commit" }),
    form.locator('button[type="submit"]').click(),
  ]);
}

function serverLogPath(): string {
  return inject("e2eServerLogPath");
}

/** Bytes written to the server log so far: take it before an action, then read only what follows. */
export function serverLogOffset(): number {
  try {
    return fs.statSync(serverLogPath()).size;
  } catch {
    return 0;
  }
}

export function readServerLog(sinceOffset = 0): string {
  return fs.readFileSync(serverLogPath()).subarray(sinceOffset).toString("utf8");
}

/**
 * Polls the server log (after `sinceOffset`) for an outbox email and returns the first URL in it that
 * matches `pattern`; `to` narrows it to messages for one address.
 */
export async function waitForOutboxLink(
  pattern: RegExp,
  sinceOffset: number,
  options: { to?: string; timeoutMs?: number } = {},
): Promise<string> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const lines = readServerLog(sinceOffset)
      .split("\n")
      .filter((line) => line.includes("[outbox]") && (!options.to || line.includes(`to=${options.to} `)));
    for (const line of lines) {
      const link = (line.match(/https?:\/\/[^\s"'<>]+/g) ?? []).find((url) => pattern.test(url));
      if (link) return link;
    }
    if (Date.now() > deadline) {
      throw new Error(`No outbox link matching ${pattern} in the server log after offset ${sinceOffset}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page ${page.url()} scrolls sideways (${scrollWidth}px > ${clientWidth}px)`).toBeLessThanOrEqual(clientWidth);
}

/** Full-page PNG in tests/e2e/artifacts/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---------------------------------------------------------------------------------------------
// Journeys shared by the e2e files: demo logins, the sign-in form, the password-reset round trip.

/** The seeded logins (db/seed/demo-accounts.ts); all share DEMO_PASSWORD. */
export const DEMO_PASSWORD = "Demo-2026!";
export const LOGINS = {
  demo: "demo@cliente.test",
  billing: "facturas@cliente.test",
  other: "otro@cliente.test",
  empty: "vacio@cliente.test",
} as const;

/** The sign-in form itself: the header's language switch is a set of submit buttons too. */
export function signInForm(page: Page): Locator {
  return page.locator('form:has(input[name="password"])');
}

/**
 * Fills and submits the sign-in form on the page already open at /acceder and waits for the
 * server action's answer (not where it leads).
 */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  const form = signInForm(page);
  // A form action resets the fields after every submit: fill both each time.
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  const button = form.locator('button[type="submit"]');
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/acceder"),
    button.click(),
  ]);
  // The answer is rendered (and the fields reset) when the action's transition ends: filling the
  // form again before that would be undone by the reset.
  await page.waitForFunction(() => {
    const submit = document.querySelector('form:has(input[name="password"]) button[type="submit"]');
    return !submit || submit.getAttribute("aria-busy") !== "true";
  });
}

/** Signs in and waits until the dashboard's heading is on screen. */
export async function signInToDashboard(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await signIn(page, email, password);
  await page.getByRole("heading", { level: 1, name: "Página inicial" }).waitFor();
}

/** The text of the form-level message (role=alert or role=status) once it is shown. */
export async function formMessage(page: Page, role: "alert" | "status"): Promise<string> {
  const message = page.locator("main").getByRole(role).first();
  await message.waitFor();
  return (await message.textContent())?.trim() ?? "";
}

/** Outbox lines ("[outbox] to=... subject=...") written to the server log after `sinceOffset`. */
export function outboxLines(sinceOffset: number, to?: string): string[] {
  return readServerLog(sinceOffset)
    .split("\n")
    .filter((line) => line.includes("[outbox]") && (!to || line.includes(`to=${to} `)));
}

export const RESET_LINK = /\/recuperar\/[^/?#\s]+$/;

/** Asks for a reset link at /recuperar (on the page given) and returns the link the outbox printed. */
export async function requestResetLink(page: Page, email: string): Promise<string> {
  const offset = serverLogOffset();
  await page.goto("/recuperar");
  const form = page.locator('form:has(input[name="email"])').filter({ hasNot: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(email);
  await form.locator('button[type="submit"]').click();
  await page.getByRole("status").filter({ hasText: "recibirá en unos minutos" }).waitFor();
  return waitForOutboxLink(RESET_LINK, offset, { to: email });
}

/** Fills the new password twice on an open reset link and submits; does not wait for the outcome. */
export async function submitNewPassword(page: Page, password: string, confirmation: string = password): Promise<void> {
  const form = page.locator('form:has(input[name="passwordConfirmation"])');
  await form.locator('input[name="password"]').fill(password);
  await form.locator('input[name="passwordConfirmation"]').fill(confirmation);
  await form.locator('button[type="submit"]').click();
}

/**
 * The whole forgotten-password round trip in a context of its own: ask, read the link from the
 * outbox, set `newPassword`. Also what puts a shared login back after a test changed or locked it
 * (a completed reset clears the login lock-out too).
 */
export async function resetPasswordByEmail(browser: Browser, email: string, newPassword: string): Promise<void> {
  const page = await newPage(browser);
  try {
    const link = await requestResetLink(page, email);
    await page.goto(link);
    await submitNewPassword(page, newPassword);
    await page.waitForURL((url) => url.pathname === "/acceder" && url.searchParams.get("restablecida") === "1", { waitUntil: "commit" });
    await page.getByRole("status").filter({ hasText: "Su contraseña se ha cambiado" }).waitFor();
  } finally {
    await page.context().close();
  }
}

/** Whether keyboard focus is inside the element the locator points at. */
export function focusIsInside(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.contains(document.activeElement));
}

// ---------------------------------------------------------------------------------------------
// Billing journeys (issue 3): amounts as the portal prints them, the invoice list, the sandbox
// gateway and the PDFs' text.

/** Non-breaking and narrow spaces (Intl puts them before "€") as plain ones, runs collapsed. */
export function plainSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, " ").replace(/[ \t]+/g, " ");
}

/** Every amount in euros printed in `text` ("1.234,56 €", "1234,56 €"), in cents, in order. */
export function euroAmounts(text: string): number[] {
  return [...plainSpaces(text).matchAll(/(-?)(\d{1,3}(?:\.\d{3})+|\d+),(\d{2}) €/g)].map(
    ([, sign, whole, cents]) => (sign ? -1 : 1) * (Number(whole.replace(/\./g, "")) * 100 + Number(cents)),
  );
}

/** The one amount in euros in `text`, in cents; fails when there is none. */
export function euroCents(text: string): number {
  const [amount] = euroAmounts(text);
  expect(amount, `an amount in euros in "${text}"`).toBeDefined();
  return amount;
}

/** Cents as the Spanish portal prints them ("1234,56 €"), with a plain space. */
export function euros(cents: number): string {
  return plainSpaces(new Intl.NumberFormat("es-ES", { style: "currency", currency: "EUR" }).format(cents / 100));
}

export const INVOICE_STATUS_LABELS = ["Pagada", "Sin pagar", "Vencida", "Cancelada", "Reembolsada", "Cobro en curso", "Pago en proceso"] as const;
export type InvoiceStatusLabel = (typeof INVOICE_STATUS_LABELS)[number];
export type InvoiceRow = { id: number; href: string; label: string; status: InvoiceStatusLabel; total: number; due: number };

/**
 * The rows of the invoice list open on `page` (any viewport: only the text on screen is read), with
 * what is still due on each: the "Pendiente" amount when shown, else the total while unpaid.
 */
export async function invoiceRows(page: Page): Promise<InvoiceRow[]> {
  const rows = page.locator("main table tbody tr");
  const result: InvoiceRow[] = [];
  for (const row of await rows.all()) {
    const link = row.getByRole("link").first();
    const href = (await link.getAttribute("href")) ?? "";
    const label = ((await link.textContent()) ?? "").trim();
    const text = plainSpaces(await row.innerText());
    const status = INVOICE_STATUS_LABELS.find((candidate) => text.includes(candidate));
    expect(status, `a status in the row "${text}"`).toBeDefined();
    const amounts = euroAmounts(text);
    const pending = /Pendiente: /.test(text) ? amounts[1] : undefined;
    const owes = status === "Sin pagar" || status === "Vencida" || status === "Cobro en curso" || status === "Pago en proceso";
    result.push({ id: Number(href.split("/").pop()), href, label, status: status!, total: amounts[0], due: owes ? (pending ?? amounts[0]) : 0 });
  }
  return result;
}

/** Opens /facturacion/facturas (with `query`) and reads its rows. */
export async function openInvoiceList(page: Page, query = ""): Promise<InvoiceRow[]> {
  await page.goto(`/facturacion/facturas${query}`);
  await page.getByRole("heading", { level: 1, name: "Mis facturas" }).waitFor();
  return invoiceRows(page);
}

/**
 * "Añadir fondos" for `amount` as typed (e.g. "25,50"): the form creates an add-funds invoice and
 * sends to the sandbox gateway. Returns the attempt id and the new invoice's proforma reference
 * once the sandbox page is open.
 */
export async function startAddFunds(page: Page, amount: string): Promise<{ attemptId: number; reference: string }> {
  await page.goto("/facturacion/anadir-fondos");
  await page.getByLabel("Importe en euros").fill(amount);
  await page.locator("main").getByRole("button", { name: "Añadir fondos", exact: true }).click();
  await page.waitForURL((url) => /^\/facturacion\/pago\/\d+$/.test(url.pathname));
  await page.getByRole("heading", { level: 1, name: "Pago de prueba" }).waitFor();
  const reference = /Factura proforma (PRO-\d+)/.exec(await page.locator("main").innerText())?.[1];
  expect(reference, "the sandbox page names the add-funds invoice").toBeDefined();
  return { attemptId: Number(new URL(page.url()).pathname.split("/").pop()), reference: reference! };
}

/** A new unpaid invoice of the signed-in client (an add-funds one, left unpaid): its id and reference. */
export async function createUnpaidInvoice(page: Page, amount: string): Promise<{ id: number; reference: string }> {
  const { reference } = await startAddFunds(page, amount);
  const row = (await openInvoiceList(page, "?estado=sin-pagar")).find((candidate) => candidate.label === `Proforma ${reference}`);
  expect(row, `Proforma ${reference} in the unpaid list`).toBeDefined();
  return { id: row!.id, reference };
}

/**
 * On the sandbox payment page: chooses "Pago correcto" or "Tarjeta rechazada" and waits for the
 * result page's outcome ("Pago recibido" / "El pago no se ha completado"). Returns the outcome box.
 */
export async function finishSandboxPayment(page: Page, outcome: "approve" | "decline"): Promise<Locator> {
  await page.getByRole("button", { name: outcome === "approve" ? "Pago correcto" : "Tarjeta rechazada", exact: true }).click();
  await page.waitForURL((url) => /^\/facturacion\/pago\/\d+\/resultado$/.test(url.pathname));
  const box = page.locator("main").getByRole("status").filter({ hasText: outcome === "approve" ? "Pago recibido" : "El pago no se ha completado" });
  await box.waitFor();
  return box;
}

/** "Crédito disponible" on the Añadir fondos page, in cents. */
export async function creditBalance(page: Page): Promise<number> {
  await page.goto("/facturacion/anadir-fondos");
  const region = page.getByRole("region", { name: "Crédito disponible", exact: true });
  await region.waitFor();
  return euroCents(await region.innerText());
}

// ---------------------------------------------------------------------------------------------
// Account journeys (issue 4): sub-accounts invited by demo@ so the shared demo logins stay as seeded.

/** An address no other run or file uses. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@cliente.test`;
}

export const INVITATION_LINK = /\/invitacion\/[^/?#\s]+$/;

/**
 * On a page signed in as an owner: adds a contact with portal access and the given permissions
 * (keys as posted: "tickets", "invoices"…) and returns the invitation link the outbox printed.
 */
export async function inviteSubAccount(
  page: Page,
  input: { email: string; firstName: string; lastName: string; permissions: string[]; emailPreferences?: string[] },
): Promise<string> {
  const offset = serverLogOffset();
  await page.goto("/cuenta/contactos?contacto=nuevo");
  const form = page.locator('form:has(input[name="contactId"])');
  await form.locator('input[name="firstName"]').fill(input.firstName);
  await form.locator('input[name="lastName"]').fill(input.lastName);
  await form.locator('input[name="email"]').fill(input.email);
  for (const preference of input.emailPreferences ?? []) {
    await form.locator(`input[name="emailPreferences"][value="${preference}"]`).check();
  }
  await form.locator('input[name="hasAccess"]').check();
  for (const permission of input.permissions) {
    await form.locator(`input[name="permissions"][value="${permission}"]`).check();
  }
  await form.locator('button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === "/cuenta/contactos" && url.searchParams.get("aviso") === "invited", { waitUntil: "commit" });
  return waitForOutboxLink(INVITATION_LINK, offset, { to: input.email });
}

/** Opens an invitation link in a context of its own and sets the password; waits for the "done" message. */
export async function acceptInvitation(browser: Browser, link: string, password: string): Promise<void> {
  const page = await newPage(browser);
  try {
    await page.goto(link);
    const form = page.locator('form:has(input[name="passwordConfirmation"])');
    await form.locator('input[name="password"]').fill(password);
    await form.locator('input[name="passwordConfirmation"]').fill(password);
    await form.locator('button[type="submit"]').click();
    await page.getByRole("link", { name: "Acceder al área de cliente" }).waitFor();
  } finally {
    await page.context().close();
  }
}

/** Invites a new sub-account as demo@ (own context) and sets its password; returns its email. */
export async function createSignedUpSubAccount(
  browser: Browser,
  input: { prefix: string; password: string; permissions: string[]; firstName?: string; lastName?: string },
): Promise<string> {
  const email = uniqueEmail(input.prefix);
  const page = await newPage(browser);
  let link: string;
  try {
    await signInToDashboard(page, LOGINS.demo);
    link = await inviteSubAccount(page, {
      email,
      firstName: input.firstName ?? "Prueba",
      lastName: input.lastName ?? "Automática",
      permissions: input.permissions,
    });
  } finally {
    await page.context().close();
  }
  await acceptInvitation(browser, link, input.password);
  return email;
}
