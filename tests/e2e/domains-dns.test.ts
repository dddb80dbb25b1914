import http from "node:http";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, expectNoHorizontalScroll, LOGINS, screenshot, type ViewportName } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import dns from "@/lib/i18n/messages/es/dns.json";

// Issue 8 Acceptance (DNS part), as demo@cliente.test at 1280 and 390 px: in "Gestión de DNS" of
// ejemplo-tienda.es add an A record and a URL Redirect and save; a request to the app with that
// host in the Host header (as `curl -H 'Host: …'`) answers 301 to the target, an unknown host 404;
// then add an email forward in "Redirección de correo electrónico".

const browser = setUpBrowser();
const DOMAIN = "ejemplo-tienda.es";

/** GET / on the app with this Host header, as curl -H 'Host: …' does; no redirect followed. */
function requestWithHost(host: string): Promise<{ status: number; location: string | undefined }> {
  const url = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname: url.hostname, port: url.port, path: "/alguna/ruta?x=1", method: "GET", headers: { Host: host } }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, location: response.headers.location });
    });
    request.on("error", reject);
    request.end();
  });
}

/** The domain's path, found by opening the DNS page of each id as `page`'s client (ids come from the seed's order). */
async function findDomainPath(page: Page, domain: string): Promise<string> {
  for (let id = 1; id <= 12; id++) {
    const response = await page.goto(`/dominios/${id}/dns`);
    if (response?.status() === 200 && (await page.getByText(dns.editor.description.replace("{domain}", domain)).count()) > 0) return `/dominios/${id}`;
  }
  throw new Error(`no DNS page for ${domain}`);
}

const openDnsPage = (page: Page) => findDomainPath(page, DOMAIN);

describe.each<ViewportName>(["desktop", "phone"])("Gestión de DNS at %s", (viewport) => {
  const login = { email: LOGINS.demo, viewport };
  const label = `e2e-${viewport}`;
  const redirectHost = `${label}.${DOMAIN}`;
  const target = `https://destino.example.org/${viewport}`;

  it("adds an A record and a URL Redirect; the app answers the redirect host with 301, an unknown host with 404", async () => {
    await browser.withSignedInPage(login, async (page) => {
      const domainPath = await openDnsPage(page);
      await page.getByRole("heading", { level: 1, name: dns.editor.title }).waitFor();
      const existing = await page.locator("fieldset").count();
      expect(existing).toBeGreaterThan(0);

      await page.getByRole("button", { name: dns.editor.add, exact: true }).click();
      const aRow = page.getByRole("group", { name: dns.editor.row.replace("{number}", String(existing + 1)) });
      await aRow.getByLabel(dns.editor.host, { exact: true }).fill(`a-${label}`);
      await aRow.getByLabel(dns.editor.type, { exact: true }).selectOption("A");
      await aRow.getByLabel(dns.editor.valueFor.A, { exact: true }).fill("192.0.2.55");

      await page.getByRole("button", { name: dns.editor.add, exact: true }).click();
      const urlRow = page.getByRole("group", { name: dns.editor.row.replace("{number}", String(existing + 2)) });
      await urlRow.getByLabel(dns.editor.host, { exact: true }).fill(label);
      await urlRow.getByLabel(dns.editor.type, { exact: true }).selectOption("URL");
      // A bad target first: the message appears next to the field and nothing is published.
      await urlRow.getByLabel(dns.editor.valueFor.URL, { exact: true }).fill("javascript:alert(1)");
      await page.getByRole("button", { name: dns.editor.save, exact: true }).click();
      await urlRow.getByText(dns.errors.urlInvalid).waitFor();
      expect((await requestWithHost(redirectHost)).status).toBe(404);

      await urlRow.getByLabel(dns.editor.valueFor.URL, { exact: true }).fill(target);
      await page.getByRole("button", { name: dns.editor.save, exact: true }).click();
      await page.getByText(dns.editor.saved).waitFor();
      // The rows still show what was saved (no form reset putting the types back).
      expect(await urlRow.getByLabel(dns.editor.type, { exact: true }).inputValue()).toBe("URL");
      expect(await aRow.getByLabel(dns.editor.type, { exact: true }).inputValue()).toBe("A");
      await expectNoHorizontalScroll(page);
      await screenshot(page, `domains-dns-${viewport}-editor`);

      // As curl -H 'Host: …' against the app: the stored target, whatever the path asked.
      expect(await requestWithHost(redirectHost)).toEqual({ status: 301, location: target });
      expect((await requestWithHost(`nadie-${label}.example.com`)).status).toBe(404);
      expect((await requestWithHost(`a-${label}.${DOMAIN}`)).status).toBe(404);

      // Saved: a fresh load lists both rows.
      await page.goto(`${domainPath}/dns`);
      await page.getByRole("heading", { level: 1, name: dns.editor.title }).waitFor();
      expect(await page.locator("fieldset").count()).toBe(existing + 2);
      const savedUrlRow = page.getByRole("group", { name: dns.editor.row.replace("{number}", String(existing + 2)) });
      expect(await savedUrlRow.getByLabel(dns.editor.type, { exact: true }).inputValue()).toBe("URL");
      await expect.poll(() => page.locator(`input[value="${target}"]`).count()).toBe(1);
    });
  });

  it("adds an email forward", async () => {
    await browser.withSignedInPage(login, async (page) => {
      const domainPath = await openDnsPage(page);
      await page.goto(`${domainPath}/reenvio-de-correo`);
      await page.getByRole("heading", { level: 1, name: dns.forwards.title }).waitFor();
      await page.getByLabel(dns.forwards.alias.replace("{domain}", DOMAIN), { exact: true }).fill(label);
      await page.getByLabel(dns.forwards.destination, { exact: true }).fill("no-es-correo");
      await page.getByRole("button", { name: dns.forwards.add, exact: true }).click();
      await page.getByText(dns.errors.destinationInvalid).waitFor();

      await page.getByLabel(dns.forwards.destination, { exact: true }).fill(`maria.${viewport}@example.org`);
      await page.getByRole("button", { name: dns.forwards.add, exact: true }).click();
      await page.getByText(dns.forwards.added).waitFor();
      await page.getByText(`${label}@${DOMAIN}`).waitFor();
      await page.getByText(`maria.${viewport}@example.org`).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `domains-dns-${viewport}-forwards`);
    });
  });

  it("asks before turning DNS management off, and refuses it inside the dialog while email forwards use the zone", async () => {
    await browser.withSignedInPage(login, async (page) => {
      await openDnsPage(page);
      await page.getByRole("heading", { level: 1, name: dns.editor.title }).waitFor();
      await page.getByRole("button", { name: dns.editor.disable, exact: true }).click();
      const dialog = page.getByRole("dialog", { name: dns.editor.disableConfirmTitle.replace("{domain}", DOMAIN) });
      await dialog.getByText(dns.editor.disableConfirmBody).waitFor();
      await dialog.getByRole("button", { name: dns.editor.disableConfirm, exact: true }).click();
      await dialog.getByText(dns.errors.disableWithForwards).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `domains-dns-${viewport}-disable-refused`);
      await dialog.getByRole("button", { name: dns.editor.disableCancel, exact: true }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      // Still on: the editor is there after a reload.
      await page.reload();
      await expect.poll(() => page.locator("fieldset").count()).toBeGreaterThan(0);
    });
  });

  it("answers 404 for another client's domain", async () => {
    const theirs = await browser.withSignedInPage({ email: LOGINS.other, viewport }, (page) => findDomainPath(page, "martin-fotografia.es"));
    await browser.withSignedInPage(login, async (page) => {
      for (const path of [`${theirs}/dns`, `${theirs}/reenvio-de-correo`]) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(404);
        expect(await page.getByText("martin-fotografia.es").count()).toBe(0);
      }
    });
  });
});
