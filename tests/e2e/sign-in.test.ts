import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DEMO_PASSWORD,
  formMessage,
  LOGINS,
  resetPasswordByEmail,
  screenshot,
  signInForm,
  submitSignIn,
  type ViewportName,
} from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import errors from "@/lib/i18n/messages/es/errors.json";

// Issue 2 §8: sign in, see the dashboard with the demo data, open an attachment, sign out; a wrong
// password shows the message; 20 wrong passwords are throttled. At a desktop and a phone viewport.

const browser = setUpBrowser();

const VIEWPORTS: ViewportName[] = ["desktop", "phone"];

describe.each(VIEWPORTS)("demo customer at %s", (viewport) => {
  it("signs in and sees the Página inicial with the demo data", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
      const main = page.locator("main");

      const alert = main.getByRole("region", { name: "Aviso de facturas pendientes", exact: true });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/Tiene \d+ facturas? pendientes? por un total de .*\d.*€/);
      expect(await alert.textContent()).toMatch(/vencidas?/);

      const info = main.getByRole("region", { name: "Su información", exact: true });
      expect(await info.textContent()).toContain("María García López");
      expect(await info.textContent()).toContain("García Comercio Digital S.L.");
      expect(await info.getByRole("link", { name: "Actualizar su información" }).getAttribute("href")).toBe("/cuenta");

      const invoices = main.getByRole("region", { name: "Facturas pendientes", exact: true });
      expect(await invoices.textContent()).toMatch(/Factura \S+/);

      const tickets = main.getByRole("region", { name: "Tickets de soporte abiertos", exact: true });
      const ticket = tickets.getByRole("link", { name: "Reactivar mi-blog-personal.es tras pagar la factura pendiente" });
      expect(await ticket.getAttribute("href")).toMatch(/^\/soporte\/tickets\/\d+$/);
      // Closed tickets are not "open".
      expect(await tickets.textContent()).not.toContain("Instalar el certificado SSL en ejemplo-tienda.es");

      const files = main.getByRole("region", { name: "Archivos adjuntos", exact: true });
      expect(await files.getByRole("link", { name: "Contrato de servicio" }).getAttribute("href")).toMatch(/^\/api\/archivos\/\d+$/);

      expect(await main.getByRole("region", { name: "Noticias recientes", exact: true }).getByRole("link").count()).toBeGreaterThanOrEqual(3);
      await screenshot(page, `sign-in-${viewport}-dashboard`);
    });
  });

  it("downloads the attached file as a PDF", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
      const link = page.getByRole("region", { name: "Archivos adjuntos", exact: true }).getByRole("link", { name: "Contrato de servicio" });
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe("Contrato de servicio.pdf");
      const file = await download.path();
      const bytes = fs.readFileSync(file);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(bytes.length).toBeGreaterThan(100);
      // The download did not navigate away from the dashboard.
      expect(new URL(page.url()).pathname).toBe("/");
    });
  });

  it("signs out from the account menu, after which the portal sends to /acceder", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
      const sessionCookies = (await page.context().cookies()).filter((cookie) => cookie.name.includes("session-token"));
      expect(sessionCookies).toHaveLength(1);
      if (viewport === "desktop") {
        await page.getByRole("navigation", { name: "Menú principal" }).getByRole("button", { name: "Cuenta", exact: true }).click();
        await page.getByRole("button", { name: "Salir", exact: true }).click();
      } else {
        await page.getByRole("button", { name: "Menú", exact: true }).click();
        const drawer = page.getByRole("dialog", { name: "Menú principal" });
        await drawer.waitFor();
        await drawer.getByRole("button", { name: "Salir", exact: true }).click();
      }
      await page.waitForURL((url) => url.pathname === "/acceder", { waitUntil: "commit" });
      await signInForm(page).waitFor();

      const direct = await page.request.get("/", { maxRedirects: 0 });
      expect(direct.status()).toBeGreaterThanOrEqual(300);
      expect(direct.status()).toBeLessThan(400);
      expect(new URL(direct.headers()["location"] ?? "", page.url()).pathname).toBe("/acceder");

      await page.goto("/");
      expect(new URL(page.url()).pathname).toBe("/acceder");
      await signInForm(page).waitFor();
      // The session cookie is gone, not only hidden.
      const cookies = await page.context().cookies();
      expect(cookies.filter((cookie) => cookie.name.includes("session-token"))).toEqual([]);

      // A copy of the old cookie, replayed from another browser, is refused: signing out ended the session on the server.
      const replay = await browser.newPage({ viewport });
      try {
        await replay.context().addCookies(sessionCookies);
        const response = await replay.request.get("/", { maxRedirects: 0 });
        expect(response.status()).toBeGreaterThanOrEqual(300);
        expect(new URL(response.headers()["location"] ?? "", page.url()).pathname).toBe("/acceder");
      } finally {
        await replay.context().close();
      }
    });
  });

  it("stays on /acceder with the Spanish message for a wrong password", async () => {
    await browser.withPage(viewport, async (page) => {
      await page.goto("/acceder");
      await submitSignIn(page, LOGINS.demo, "no-es-la-clave");
      expect(await formMessage(page, "alert")).toBe(errors.invalidCredentials);
      expect(new URL(page.url()).pathname).toBe("/acceder");
      const cookies = await page.context().cookies();
      expect(cookies.filter((cookie) => cookie.name.includes("session-token"))).toEqual([]);
      await screenshot(page, `sign-in-${viewport}-wrong-password`);
    });
  });
});

describe("throttling", () => {
  // vacio@ is locked here and unlocked again by a password reset (which clears the lock-out), so the
  // files that sign in with it later do not depend on running before this one.
  it("after 20 wrong passwords even the right one is refused with the rate-limit message", async () => {
    await browser.withPage("desktop", async (page) => {
      await page.goto("/acceder");
      const answers: string[] = [];
      for (let attempt = 0; attempt < 20; attempt++) {
        await submitSignIn(page, LOGINS.empty, `mala-clave-${attempt}`);
        answers.push(await formMessage(page, "alert"));
      }
      // Wrong-password answers first, then the limit, and once limited it stays limited.
      const firstLimited = answers.indexOf(errors.rateLimited);
      expect(firstLimited, answers.join("\n")).toBeGreaterThan(0);
      expect(answers.slice(0, firstLimited).every((answer) => answer === errors.invalidCredentials), answers.join("\n")).toBe(true);
      expect(answers.slice(firstLimited).every((answer) => answer === errors.rateLimited), answers.join("\n")).toBe(true);

      await submitSignIn(page, LOGINS.empty, DEMO_PASSWORD);
      await page.locator("main").getByRole("alert").filter({ hasText: errors.rateLimited }).waitFor();
      expect(new URL(page.url()).pathname).toBe("/acceder");
      await screenshot(page, "sign-in-desktop-rate-limited");
    });

    // Another browser (no shared cookies) is refused too: the limit lives in the database.
    await browser.withPage("phone", async (page) => {
      await page.goto("/acceder");
      await submitSignIn(page, LOGINS.empty, DEMO_PASSWORD);
      expect(await formMessage(page, "alert")).toBe(errors.rateLimited);
    });

    await resetPasswordByEmail(browser.chromium, LOGINS.empty, DEMO_PASSWORD);
    await browser.expectSignIn({ email: LOGINS.empty, viewport: "desktop" });
  });
});
