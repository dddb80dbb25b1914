import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import "./provided-context";

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

/** A page in a context of its own (own cookies), Spanish locale, relative URLs resolved against the server. */
export async function newPage(browser: Browser, options: { viewport?: ViewportName } = {}): Promise<Page> {
  const context = await browser.newContext({
    ...VIEWPORTS[options.viewport ?? "desktop"],
    baseURL: baseUrl(),
    locale: "es-ES",
    timezoneId: "Europe/Madrid",
  });
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
