import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import "./provided-context";

// Browser-test helpers around Debian's chromium. The server (tests/e2e/setup/server.ts) provides
// the base URL and the path of its log, where the outbox email adapter prints every message.

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(process.cwd(), "tests", "e2e", "artifacts");

export const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
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
    page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 }),
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
