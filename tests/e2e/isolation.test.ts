import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, LOGINS } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

// Issue 2 Acceptance: signed in as otro@cliente.test, no page, link or download shows anything of
// demo@cliente.test, and a guessed id answers 404. Demo's ids are read from demo's own dashboard in
// a browser context of its own, so nothing here hard-codes seed ids.

type DemoFootprint = {
  name: string;
  company: string;
  fileHref: string;
  fileTitle: string;
  ticketHrefs: string[];
  ticketSubjects: string[];
  invoiceReferences: string[];
};

const browser = setUpBrowser();
let demo: DemoFootprint;
let other: Page;

beforeAll(async () => {
  demo = await readDemoFootprint();
  other = await browser.openSignedInPage({ email: LOGINS.other });
});

afterAll(async () => {
  await other?.context().close();
});

async function readDemoFootprint(): Promise<DemoFootprint> {
  return browser.withSignedInPage({ email: LOGINS.demo }, async (page) => {
    const main = page.locator("main");
    const file = main.getByRole("region", { name: "Archivos adjuntos", exact: true }).getByRole("link", { name: "Contrato de servicio" });
    const ticketLinks = main.getByRole("region", { name: "Tickets de soporte abiertos", exact: true }).getByRole("link");
    const ticketHrefs: string[] = [];
    const ticketSubjects: string[] = [];
    for (const link of await ticketLinks.all()) {
      const href = (await link.getAttribute("href")) ?? "";
      if (!/^\/soporte\/tickets\/\d+$/.test(href)) continue;
      ticketHrefs.push(href);
      ticketSubjects.push(((await link.textContent()) ?? "").trim());
    }
    const invoiceTitles = await main.getByRole("region", { name: "Facturas pendientes", exact: true }).getByText(/^Factura \S+$/).allTextContents();
    const invoiceReferences = invoiceTitles.map((title) => title.trim().replace(/^Factura /, ""));
    const footprint = {
      name: "María García López",
      company: "García Comercio Digital S.L.",
      fileHref: (await file.getAttribute("href")) ?? "",
      fileTitle: "Contrato de servicio",
      ticketHrefs,
      ticketSubjects,
      invoiceReferences,
    };
    // The checks below are only as good as what was found here.
    expect(await main.getByRole("region", { name: "Su información", exact: true }).textContent()).toContain(footprint.name);
    expect(footprint.fileHref).toMatch(/^\/api\/archivos\/\d+$/);
    expect(footprint.ticketHrefs.length).toBeGreaterThan(0);
    expect(footprint.invoiceReferences.length).toBeGreaterThan(0);
    // Long enough that finding one in otro's page could not be a coincidence.
    for (const reference of footprint.invoiceReferences) expect(reference.length).toBeGreaterThanOrEqual(6);
    return footprint;
  });
}

describe("another customer (otro@cliente.test)", () => {
  it("sees only their own data on the dashboard, in the page and in the HTML sent", async () => {
    await other.goto("/");
    const main = other.locator("main");
    await main.getByRole("heading", { level: 1, name: "Página inicial" }).waitFor();
    // Their own data is there (otherwise the absence checks would prove nothing).
    expect(await main.getByRole("region", { name: "Su información", exact: true }).textContent()).toContain("Javier Martín Ruiz");
    expect(await main.getByRole("region", { name: "Archivos adjuntos", exact: true }).getByRole("link", { name: "Presupuesto" }).count()).toBe(1);
    expect(await main.getByRole("region", { name: "Tickets de soporte abiertos", exact: true }).textContent()).toContain("Cambiar la versión de PHP a 8.3");

    const text = (await other.locator("body").textContent()) ?? "";
    const html = await (await other.request.get("/")).text();
    const hrefs = await other.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    for (const secret of [demo.name, demo.company, demo.fileTitle, ...demo.ticketSubjects, ...demo.invoiceReferences]) {
      expect(text, `dashboard text shows "${secret}"`).not.toContain(secret);
      expect(html, `dashboard HTML carries "${secret}"`).not.toContain(secret);
    }
    for (const href of [demo.fileHref, ...demo.ticketHrefs]) {
      expect(hrefs, `dashboard links to ${href}`).not.toContain(href);
    }
  });

  it("downloads their own attachment but gets 404 for demo's and for guessed ids", async () => {
    const ownHref = await other.locator("main").getByRole("region", { name: "Archivos adjuntos", exact: true }).getByRole("link", { name: "Presupuesto" }).getAttribute("href");
    expect(ownHref).toMatch(/^\/api\/archivos\/\d+$/);
    const own = await other.request.get(ownHref!);
    expect(own.status()).toBe(200);
    expect(own.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(own.headers()["content-disposition"]).toContain("Presupuesto otro.pdf");
    expect(own.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await own.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const demoFile = await other.request.get(demo.fileHref);
    expect(demoFile.status()).toBe(404);
    expect(demoFile.headers()["content-disposition"]).toBeUndefined();
    const body = await demoFile.text();
    expect(body).not.toContain("%PDF");
    expect(body).not.toContain(demo.fileTitle);

    const demoId = Number(demo.fileHref.split("/").pop());
    for (const guess of [String(demoId + 1000), "0", "-1", "abc", "1e3", String(2 ** 31)]) {
      const response = await other.request.get(`/api/archivos/${guess}`);
      expect(response.status(), `/api/archivos/${guess}`).toBe(404);
    }
  });

  it("gets 404 for demo's tickets, and their ticket list does not show them", async () => {
    for (const href of demo.ticketHrefs) {
      const response = await other.goto(href);
      expect(response?.status(), href).toBe(404);
      await other.getByRole("heading", { level: 1, name: "Página no encontrada" }).waitFor();
      const text = (await other.locator("body").textContent()) ?? "";
      for (const subject of demo.ticketSubjects) expect(text).not.toContain(subject);
    }
    const guessed = await other.request.get("/soporte/tickets/99999999");
    expect(guessed.status()).toBe(404);

    await other.goto("/soporte/tickets");
    await other.getByRole("link", { name: "Cambiar la versión de PHP a 8.3" }).waitFor();
    const list = (await other.locator("main").textContent()) ?? "";
    for (const subject of demo.ticketSubjects) expect(list).not.toContain(subject);
    const listLinks = await other.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href")));
    for (const href of demo.ticketHrefs) expect(listLinks).not.toContain(href);
  });

  it("signed out, a download link answers a redirect to /acceder, not the file", async () => {
    await browser.withPage("desktop", async (page) => {
      const response = await page.request.get(demo.fileHref, { maxRedirects: 0 });
      expect(response.status()).toBeGreaterThanOrEqual(300);
      expect(response.status()).toBeLessThan(400);
      expect(new URL(response.headers()["location"] ?? "", baseUrl()).pathname).toBe("/acceder");
    });
  });
});
