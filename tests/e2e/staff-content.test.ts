import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import content from "@/lib/i18n/messages/es/admin-content.json";
import admin from "@/lib/i18n/messages/es/admin.json";
import { expectNoHorizontalScroll, LOGINS, screenshot, type ViewportName } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import { setUpAdminSignIn } from "@/tests/helpers/staff-sign-in";

// Issue 10, scope item 6 (content): the staff admin signs in with TOTP, publishes an announcement
// and a knowledge-base article after checking each in "Vista previa", and the demo customer then
// reads both where customers read them (Anuncios, the knowledge base and its search).

const browser = setUpBrowser();
const adminSignIn = setUpAdminSignIn();
async function openSection(page: Page, section: string) {
  await page.getByRole("navigation", { name: admin.nav.label }).getByRole("link", { name: admin.nav.content }).click();
  await page.getByRole("heading", { level: 1, name: content.meta.title }).waitFor();
  await page.getByRole("navigation", { name: content.nav.label }).getByRole("link", { name: section }).click();
  await page.getByRole("heading", { level: 1, name: section }).waitFor();
}

describe("staff content", () => {
  it("is a 404 to customers and signed-out visitors", async () => {
    const paths = ["/admin/contenido", "/admin/contenido/anuncios/nuevo", "/admin/contenido/conocimiento/nuevo", "/admin/contenido/servidores", "/admin/contenido/incidencias"];
    await browser.withPage("desktop", async (page) => {
      for (const path of paths) expect((await page.goto(path, { waitUntil: "commit" }))?.status(), path).toBe(404);
    });
    await browser.withSignedInPage({ email: LOGINS.demo }, async (page) => {
      for (const path of paths) expect((await page.goto(path, { waitUntil: "commit" }))?.status(), path).toBe(404);
    });
  });

  for (const viewport of ["desktop", "phone"] as ViewportName[]) {
    it(`at ${viewport}: the admin publishes an announcement and a knowledge-base article using the preview, and the demo customer reads both`, async () => {
      const stamp = `${viewport}${Date.now()}`;
      const announcementTitle = `Ampliamos el centro de datos ${stamp}`;
      const announcementBody = `Esta semana añadimos servidores nuevos en Madrid.\n\nNo tiene que hacer nada: sus servicios siguen igual.`;
      // A made-up word no demo article has, so the search finds this article alone.
      const word = `quarzinel${stamp}`;
      const articleTitle = `Cómo usar ${word} con su correo`;
      const articleBody = `## Antes de empezar\n\nNecesita ${word} instalado.\n\n- Abra ${word}\n- Elija «Añadir cuenta»\n- Escriba su correo <b>completo</b>`;

      await browser.withPage(viewport, async (page) => {
        await adminSignIn(page);
        await openSection(page, content.nav.announcements);
        await page.getByRole("link", { name: content.announcements.new }).click();
        await page.getByRole("heading", { level: 1, name: content.announcements.new }).waitFor();
        await page.getByLabel(content.announcements.titleField, { exact: true }).fill(announcementTitle);
        await page.getByLabel(content.body.label, { exact: true }).fill(announcementBody);
        await page.getByRole("button", { name: content.body.preview }).click();
        const preview = page.getByRole("region", { name: content.body.previewTitle });
        // Two paragraphs, exactly as the customers' page splits them.
        await preview.locator("p", { hasText: "Esta semana añadimos servidores nuevos en Madrid." }).waitFor();
        expect(await preview.locator("div > p").count()).toBe(2);
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-content-${viewport}-announcement-preview`);
        await page.getByRole("button", { name: content.announcements.create }).click();
        await page.getByText(content.announcements.saved).waitFor();
        await openSection(page, content.nav.announcements);
        await page.getByRole("link", { name: announcementTitle }).waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-content-${viewport}-announcements`);

        await openSection(page, content.nav.kb);
        await page.getByRole("link", { name: content.kb.newArticle }).click();
        await page.getByRole("heading", { level: 1, name: content.kb.newArticle }).waitFor();
        await page.getByLabel(content.kb.titleField, { exact: true }).fill(articleTitle);
        await page.getByLabel(content.kb.category, { exact: true }).selectOption({ label: "Dominios y DNS" }); // support-library counts the demo's email articles exactly
        // Saved without a text first: the message is next to the field and what was typed stays.
        await page.getByRole("button", { name: content.kb.createArticle }).click();
        await page.getByText(content.errors.bodyRequired).waitFor();
        expect(await page.getByLabel(content.kb.titleField, { exact: true }).inputValue()).toBe(articleTitle);
        await page.getByLabel(content.body.label, { exact: true }).fill(articleBody);
        await page.getByRole("button", { name: content.body.preview }).click();
        const articlePreview = page.getByRole("region", { name: content.body.previewTitle });
        await articlePreview.getByRole("heading", { name: "Antes de empezar" }).waitFor();
        expect(await articlePreview.locator("li").allTextContents()).toEqual([`Abra ${word}`, "Elija «Añadir cuenta»", "Escriba su correo <b>completo</b>"]);
        // Markup is shown as text, as on the customers' page.
        expect(await articlePreview.locator("b").count()).toBe(0);
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-content-${viewport}-kb-preview`);
        await page.getByRole("button", { name: content.kb.createArticle }).click();
        await page.getByText(content.kb.articleSaved).waitFor();
        await openSection(page, content.nav.kb);
        await page.getByRole("link", { name: articleTitle }).waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-content-${viewport}-kb`);

        // The section's other pages fit this width too.
        const others: [string, string][] = [
          ["/admin/contenido", content.meta.title],
          ["/admin/contenido/conocimiento/categorias", content.kb.categories],
          ["/admin/contenido/descargas", content.downloads.title],
          ["/admin/contenido/descargas/categorias", content.downloads.categories],
          ["/admin/contenido/servidores", content.servers.title],
          ["/admin/contenido/servidores/nuevo", content.servers.new],
          ["/admin/contenido/incidencias", content.incidents.title],
          ["/admin/contenido/incidencias/nueva", content.incidents.new],
        ];
        for (const [path, heading] of others) {
          await page.goto(path);
          await page.getByRole("heading", { level: 1, name: heading }).waitFor();
          await expectNoHorizontalScroll(page);
          await screenshot(page, `staff-content-${viewport}${path.replace(/^\/admin\/contenido/, "").replace(/\//g, "-") || "-overview"}`);
        }
      });

      await browser.withSignedInPage({ email: LOGINS.demo, viewport }, async (page) => {
        await page.goto("/soporte/anuncios");
        await page.getByRole("link", { name: announcementTitle }).click();
        await page.getByRole("heading", { level: 1, name: announcementTitle }).waitFor();
        await page.getByText("No tiene que hacer nada: sus servicios siguen igual.").waitFor();
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-content-${viewport}-customer-announcement`);

        await page.goto("/soporte/conocimiento");
        await page.getByRole("searchbox", { name: "Buscar en la base de conocimientos" }).fill(word);
        await page.getByRole("button", { name: "Buscar" }).click();
        await page.waitForURL(/\?q=/);
        const results = page.locator("main h3 a");
        await results.first().waitFor();
        expect(await results.allTextContents()).toEqual([articleTitle]);
        await results.first().click();
        await page.getByRole("heading", { level: 1, name: articleTitle }).waitFor();
        await page.getByRole("heading", { level: 2, name: "Antes de empezar" }).waitFor();
        expect(await page.locator("article li").allTextContents()).toEqual([`Abra ${word}`, "Elija «Añadir cuenta»", "Escriba su correo <b>completo</b>"]);
        await expectNoHorizontalScroll(page);
        await screenshot(page, `staff-content-${viewport}-customer-article`);
      });
    });
  }
});
