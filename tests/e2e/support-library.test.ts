import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoHorizontalScroll, LOGINS, screenshot } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";

// Issue 9: the knowledge base works signed out (browse, search, vote once), and "Estado de los
// servidores" marks the ongoing incident on the demo customer's own server, at desktop and phone widths.

const browser = setUpBrowser();

// One demo article per width, so the two runs never vote on the same one.
const VOTED_ARTICLE: Record<"desktop" | "phone", { slug: string; before: number }> = {
  desktop: { slug: "cuota-buzon-correo-lleno", before: 4 },
  phone: { slug: "correo-no-llega-spam", before: 64 },
};

async function helpfulCount(page: Page): Promise<string> {
  return (await page.getByTestId("kb-helpful-count").textContent())?.trim() ?? "";
}

describe.each(["desktop", "phone"] as const)("support library at %s width", (viewport) => {
  it("browses, searches and votes in the knowledge base signed out", async () => {
    await browser.withPage(viewport, async (page) => {
      const response = await page.goto("/soporte/conocimiento");
      expect(response?.status()).toBe(200);
      expect(page.url()).toMatch(/\/soporte\/conocimiento$/);
      await page.getByRole("heading", { level: 1, name: "Base de conocimientos" }).waitFor();
      // The four demo categories with their counts; the public menu offers to sign in.
      for (const name of ["Correo electrónico", "Dominios y DNS", "cPanel", "Facturación"]) {
        await page.getByRole("link", { name, exact: true }).waitFor();
      }
      expect(await page.locator("main").textContent()).toMatch(/Correo electrónico\s*\(4 artículos\)/);
      await page.getByRole("link", { name: "Acceder" }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `${viewport}-kb-categorias`);

      await page.getByRole("link", { name: "cPanel", exact: true }).click();
      await page.getByRole("heading", { level: 1, name: "cPanel" }).waitFor();
      await page.getByRole("link", { name: "Cómo acceder a cPanel" }).waitFor();

      await page.getByRole("searchbox", { name: "Buscar en la base de conocimientos" }).fill("correo");
      await page.getByRole("button", { name: "Buscar" }).click();
      await page.waitForURL(/\?q=correo$/);
      const results = page.locator("main h3 a");
      await results.first().waitFor();
      const titles = await results.allTextContents();
      expect(titles.length).toBeGreaterThanOrEqual(3);
      expect(titles.slice(0, 4).some((title) => title.includes("correo"))).toBe(true);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `${viewport}-kb-busqueda`);

      const { slug, before } = VOTED_ARTICLE[viewport];
      await page.goto(`/soporte/conocimiento/${slug}`);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await helpfulCount(page)).toBe(`${before} usuarios han encontrado esto útil`);
      await page.getByRole("heading", { name: "Artículos relacionados" }).waitFor();
      expect(await page.locator("aside li").count()).toBeGreaterThan(0);
      await page.getByText("¿Fue útil la respuesta?").waitFor();
      await page.getByRole("button", { name: "Sí", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Gracias por su respuesta." }).waitFor();
      await page.getByTestId("kb-helpful-count").filter({ hasText: `${before + 1} usuarios` }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `${viewport}-kb-articulo-votado`);

      // The same browser cannot vote again: the page thanks instead of asking, and the count holds.
      await page.reload();
      await page.getByText("Ya ha respondido si este artículo le fue útil.").waitFor();
      expect(await page.getByRole("button", { name: "Sí", exact: true }).count()).toBe(0);
      expect(await helpfulCount(page)).toBe(`${before + 1} usuarios han encontrado esto útil`);
    });
  });

  it("shows the demo customer the ongoing incident on their server, on the status page and the dashboard", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
      const card = page.locator('section[aria-labelledby="incidencias-servicios"]');
      await card.waitFor();
      expect(await card.textContent()).toContain("Lentitud en las webs del Servidor Madrid 01");

      const response = await page.goto("/soporte/estado");
      expect(response?.status()).toBe(200);
      await page.getByRole("heading", { level: 1, name: "Estado de los servidores" }).waitFor();
      const ongoing = page.locator('article[data-affects-me="yes"]', { hasText: "Lentitud en las webs del Servidor Madrid 01" });
      await ongoing.waitFor();
      const text = (await ongoing.textContent()) ?? "";
      expect(text).toContain("Afecta a sus servicios");
      expect(text).toContain("ejemplo-tienda.es");
      expect(text).toContain("En investigación");
      // The maintenance on the other server is listed but not marked as theirs.
      const maintenance = page.locator("article", { hasText: "Mantenimiento programado: actualización del sistema del Servidor Madrid 02" });
      expect(await maintenance.getAttribute("data-affects-me")).toBe("no");
      await page.getByRole("heading", { name: "Incidencias resueltas" }).waitFor();
      await page.getByText("Retrasos en la entrega de correo en el Servidor Madrid 01").waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `${viewport}-estado-servidores`);
    });
  });
});
