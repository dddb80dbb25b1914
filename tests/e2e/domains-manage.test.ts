import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectNoHorizontalScroll, LOGINS, outboxLines, screenshot, serverLogOffset, type ViewportName } from "@/tests/helpers/browser";
import { setUpBrowser } from "@/tests/helpers/sign-in";
import domainErrors from "@/lib/i18n/messages/es/domains.json";
import manage from "@/lib/i18n/messages/es/domain-manage.json";
import email from "@/lib/i18n/messages/es/email.json";
import portal from "@/lib/i18n/messages/es/portal.json";
import records from "@/lib/i18n/messages/es/records.json";

// Issue 8 Acceptance (Mis dominios and the domain's management pages), as demo@cliente.test at 1280
// and 390 px: set 3 custom name servers and back to the defaults, a refused name server shows the
// registrar's Spanish message next to the form, edit the registrant's phone, toggle the lock, and
// request the EPP code: an email appears in Correos enviados without the code. Each width works on
// a domain of its own so the two runs never meet.

const browser = setUpBrowser();
const DOMAIN_OF: Record<"desktop" | "phone", string> = { desktop: "mi-blog-personal.es", phone: "garcia-comercio.eu" };
const DEMO_DOMAINS = ["ejemplo-tienda.es", "ejemplo-tienda.com", "mi-blog-personal.es", "garcia-comercio.eu"];

async function openDomainsFromMenu(page: Page, viewport: ViewportName): Promise<void> {
  let menu: Locator;
  if (viewport === "desktop") {
    menu = page.getByRole("navigation", { name: "Menú principal" });
    await menu.getByRole("button", { name: portal.menu.domains.label, exact: true }).click();
  } else {
    await page.getByRole("button", { name: "Menú", exact: true }).click();
    menu = page.getByRole("dialog", { name: "Menú principal" });
    await menu.getByText(portal.menu.domains.label, { exact: true }).waitFor();
  }
  await menu.getByRole("link", { name: portal.menu.domains.list, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: manage.list.title }).waitFor();
}

/** A page of the domain's "Administrar" menu: a column on a desktop, a disclosure to open on a phone. */
async function openManagePage(page: Page, viewport: ViewportName, label: string, title: string): Promise<void> {
  if (viewport !== "desktop") await page.locator("summary", { hasText: manage.nav.label }).click();
  await page.getByRole("navigation", { name: manage.nav.label }).getByRole("link", { name: label, exact: true }).click();
  await page.getByRole("heading", { level: 2, name: title }).waitFor();
}

function section(page: Page): Locator {
  return page.locator("main section[aria-labelledby=manage-title]");
}

async function statusText(page: Page): Promise<string> {
  const status = section(page).getByRole("status").first();
  await status.waitFor();
  return (await status.innerText()).trim();
}

describe.each<"desktop" | "phone">(["desktop", "phone"])("Mis dominios at %s", (viewport) => {
  const login = { email: LOGINS.demo, viewport };
  const domain = DOMAIN_OF[viewport];

  it("lists the domains with dates, price and status, filters them, and opens the wrench menu's name-server page", async () => {
    await browser.withSignedInPage(login, async (page) => {
      await page.goto("/");
      await openDomainsFromMenu(page, viewport);
      for (const name of DEMO_DOMAINS) await page.locator("tr", { hasText: name }).first().waitFor();
      const row = page.locator("tr", { hasText: domain });
      const text = await row.innerText();
      expect(text).toContain(manage.status.active);
      expect(text).toMatch(/\d{1,2} \S+ \d{4}/);
      expect(text).toMatch(/€/);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `domains-${viewport}-list`);

      // The text filter keeps only the matching domain; the other client's domains never show.
      await page.getByRole("searchbox", { name: manage.list.search.label }).fill("garcia");
      await page.getByRole("button", { name: manage.list.search.submit, exact: true }).click();
      await page.waitForURL(/q=garcia/);
      await page.locator("tr", { hasText: "garcia-comercio.eu" }).waitFor();
      expect(await page.locator("tr", { hasText: "ejemplo-tienda.es" }).count()).toBe(0);
      expect(await page.locator("body").innerText()).not.toContain("martin-fotografia");
      await page.getByRole("link", { name: manage.list.search.clear }).click();
      await page.locator("tr", { hasText: "ejemplo-tienda.es" }).waitFor();

      // The wrench: the row's actions menu.
      const wrench = page.locator("tr", { hasText: domain }).getByLabel(manage.list.menu.label.replace("{domain}", domain));
      await wrench.click();
      await screenshot(page, `domains-${viewport}-actions-menu`);
      await page.locator("tr", { hasText: domain }).getByRole("link", { name: manage.list.menu.nameservers, exact: true }).click();
      await page.waitForURL(/\/dominios\/\d+\/servidores-de-nombres$/);
      await page.getByRole("heading", { level: 1, name: domain }).waitFor();
      await page.getByRole("heading", { level: 2, name: manage.nameservers.title }).waitFor();
    });
  });

  it("sets three custom name servers, shows the registrar's refusal next to the form, and goes back to the defaults", async () => {
    await browser.withSignedInPage(login, async (page) => {
      await page.goto("/dominios");
      await page.locator("tr", { hasText: domain }).getByRole("link", { name: domain }).click();
      await page.getByRole("heading", { level: 1, name: domain }).waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, `domains-${viewport}-overview`);
      await openManagePage(page, viewport, manage.nav.nameservers, manage.nameservers.title);

      await section(page).getByLabel(manage.nameservers.useCustom).check();
      const custom = ["ns1.proveedor-externo.com", "ns2.proveedor-externo.com", "ns3.proveedor-externo.com"];
      for (const [index, host] of custom.entries()) await section(page).getByLabel(manage.nameservers.field.replace("{number}", String(index + 1)), { exact: true }).fill(host);
      await section(page).getByRole("button", { name: manage.nameservers.submit }).click();
      expect(await statusText(page)).toBe(manage.nameservers.saved);
      await page.reload();
      for (const [index, host] of custom.entries()) {
        expect(await section(page).getByLabel(manage.nameservers.field.replace("{number}", String(index + 1)), { exact: true }).inputValue()).toBe(host);
      }
      await expectNoHorizontalScroll(page);
      await screenshot(page, `domains-${viewport}-nameservers`);

      // A name server the registry refuses (the sandbox refuses .invalid): its message, and nothing changed.
      await section(page).getByLabel(manage.nameservers.field.replace("{number}", "1"), { exact: true }).fill("ns1.no-existe.invalid");
      await section(page).getByRole("button", { name: manage.nameservers.submit }).click();
      const alert = section(page).getByRole("alert");
      await alert.waitFor();
      expect((await alert.innerText()).trim()).toBe(domainErrors.errors.registrar.invalid_nameserver);
      await screenshot(page, `domains-${viewport}-nameservers-refused`);
      await page.reload();
      expect(await section(page).getByLabel(manage.nameservers.field.replace("{number}", "1"), { exact: true }).inputValue()).toBe(custom[0]);

      // A bad host name gets its message next to the box, before any registrar call.
      await section(page).getByLabel(manage.nameservers.field.replace("{number}", "2"), { exact: true }).fill("no es un servidor");
      await section(page).getByRole("button", { name: manage.nameservers.submit }).click();
      await section(page).getByText(manage.errors.hostName).waitFor();

      await section(page).getByLabel(manage.nameservers.useDefault).check();
      await section(page).getByRole("button", { name: manage.nameservers.submit }).click();
      expect(await statusText(page)).toBe(manage.nameservers.saved);
      await page.reload();
      expect(await section(page).getByLabel(manage.nameservers.useDefault).isChecked()).toBe(true);
      await openManagePage(page, viewport, manage.nav.overview, manage.summary.overviewTitle);
      await section(page).getByText("ns1.example-hosting.es").waitFor();
    });
  });

  it("edits the registrant's phone, sent to the registry as +CC.NUMBER", async () => {
    await browser.withSignedInPage(login, async (page) => {
      await page.goto("/dominios");
      await page.locator("tr", { hasText: domain }).getByRole("link", { name: domain }).click();
      await openManagePage(page, viewport, manage.nav.contacts, manage.contacts.title);
      const phone = section(page).getByLabel(manage.contacts.fields.phone, { exact: true });
      const phoneNumber = viewport === "desktop" ? "611 222 333" : "+34 622 333 444";
      await phone.fill(phoneNumber);
      await section(page).getByRole("button", { name: manage.contacts.submit.replace("{role}", "titular") }).click();
      expect(await statusText(page)).toBe(manage.contacts.saved.replace("{role}", "titular"));
      await page.reload();
      expect(await section(page).getByLabel(manage.contacts.fields.phone, { exact: true }).inputValue()).toBe(`+34.${phoneNumber.replace(/^\+34/, "").replace(/\D/g, "")}`);
      await expectNoHorizontalScroll(page);
      await screenshot(page, `domains-${viewport}-contacts`);

      // A phone Spain does not number that way: the message next to the field, nothing saved.
      await section(page).getByLabel(manage.contacts.fields.phone, { exact: true }).fill("12345");
      await section(page).getByRole("button", { name: manage.contacts.submit.replace("{role}", "titular") }).click();
      await section(page).locator("#field-phone-error").waitFor();

      // "Copy my account details" fills the form with Mis datos.
      await section(page).getByRole("button", { name: manage.contacts.copyFromAccount }).click();
      expect(await section(page).getByLabel(manage.contacts.fields.email, { exact: true }).inputValue()).toBe(LOGINS.demo);
    });
  });

  it("turns the registrar lock off after confirming, sees the warning, and turns it back on", async () => {
    await browser.withSignedInPage(login, async (page) => {
      await page.goto("/dominios");
      await page.locator("tr", { hasText: domain }).getByRole("link", { name: domain }).click();
      await openManagePage(page, viewport, manage.nav.lock, manage.lock.title);
      await section(page).getByText(manage.lock.stateOn).waitFor();
      await section(page).getByRole("button", { name: manage.lock.disable }).click();
      const dialog = page.getByRole("dialog", { name: manage.lock.confirmTitle });
      await dialog.waitFor();
      await screenshot(page, `domains-${viewport}-lock-confirm`);
      await dialog.getByRole("button", { name: manage.lock.confirm }).click();
      await page.waitForURL(/aviso=desactivado/);
      expect(await statusText(page)).toBe(manage.lock.savedOff);
      await section(page).getByText(manage.lock.warning).waitFor();
      await screenshot(page, `domains-${viewport}-lock-off`);
      await section(page).getByRole("button", { name: manage.lock.enable }).click();
      await page.waitForURL(/aviso=activado/);
      expect(await statusText(page)).toBe(manage.lock.savedOn);
      await section(page).getByText(manage.lock.stateOn).waitFor();
    });
  });

  it("emails the EPP code to the registrant and shows that email in Correos enviados without the code", async () => {
    await browser.withSignedInPage(login, async (page) => {
      await page.goto("/dominios");
      await page.locator("tr", { hasText: domain }).getByRole("link", { name: domain }).click();
      await openManagePage(page, viewport, manage.nav.epp, manage.epp.title);
      const offset = serverLogOffset();
      await section(page).getByRole("button", { name: manage.epp.submit }).click();
      const confirmation = await statusText(page);
      expect(confirmation).toBe(manage.epp.sent.replace("{email}", LOGINS.demo));
      await expectNoHorizontalScroll(page);
      await screenshot(page, `domains-${viewport}-epp`);

      // The delivered message (the dev outbox prints it) carries the code; the page never does.
      const subject = manage.email.eppCode.subject.replace("{domain}", domain);
      let line: string | undefined;
      for (let tries = 0; tries < 20 && !line; tries += 1) {
        line = outboxLines(offset, LOGINS.demo).find((entry) => entry.includes(subject));
        if (!line) await page.waitForTimeout(250);
      }
      const code = /Código EPP: (\S+)/.exec(line ?? "")?.[1];
      expect(code, "the EPP email in the outbox").toBeTruthy();
      expect(await page.locator("body").innerText()).not.toContain(code!);

      await page.goto("/cuenta/correos");
      await page.getByRole("heading", { level: 1, name: records.emails.title }).waitFor();
      const row = page.locator("main").locator("tr, li").filter({ hasText: subject }).first();
      await row.waitFor();
      const [message] = await Promise.all([page.context().waitForEvent("page"), row.getByRole("link", { name: new RegExp(records.emails.view) }).click()]);
      await message.waitForLoadState("domcontentloaded");
      const body = message.frameLocator("iframe").locator("body");
      await body.getByText(manage.email.eppCode.heading.replace("{domain}", domain)).first().waitFor();
      const logged = await body.innerText();
      expect(logged).not.toContain(code!);
      expect(logged).toContain(email.layout.secretWithheld);
      await screenshot(message, `domains-${viewport}-epp-logged-email`);
      await message.close();
    });
  });
});

describe("Mis dominios at 360 px", () => {
  it("fits every domain page without sideways scroll, and registers and deletes a private name server", async () => {
    await browser.withSignedInPage({ email: LOGINS.demo, viewport: "narrow" }, async (page) => {
      const domain = "ejemplo-tienda.com";
      await page.goto("/dominios");
      await page.locator("tr", { hasText: domain }).getByRole("link", { name: domain }).click();
      await page.getByRole("heading", { level: 1, name: domain }).waitFor();
      const overview = new URL(page.url()).pathname;
      for (const slug of ["", "/auto-renovar", "/servidores-de-nombres", "/bloqueo", "/contactos", "/contactos?tipo=tecnico", "/servidores-privados", "/codigo-epp"]) {
        await page.goto(`${overview}${slug}`);
        await page.locator("main h2").first().waitFor();
        await expectNoHorizontalScroll(page);
      }
      await screenshot(page, "domains-narrow-epp");

      await openManagePage(page, "narrow", manage.nav.privateNameservers, manage.privateNameservers.title);
      await section(page).getByLabel(manage.privateNameservers.hostField, { exact: true }).fill("ns1");
      await section(page).getByLabel(manage.privateNameservers.ipv4Field, { exact: true }).fill("192.0.2.53");
      await section(page).getByLabel(manage.privateNameservers.ipv6Field, { exact: true }).fill("2001:db8::53");
      await section(page).getByRole("button", { name: manage.privateNameservers.register }).click();
      expect(await statusText(page)).toBe(manage.privateNameservers.registered.replace("{host}", `ns1.${domain}`));
      const row = section(page).locator("tr", { hasText: `ns1.${domain}` });
      await row.waitFor();
      expect(await row.innerText()).toContain("192.0.2.53");
      await expectNoHorizontalScroll(page);
      await screenshot(page, "domains-narrow-private-nameservers");
      await row.getByRole("button", { name: manage.privateNameservers.delete }).click();
      const dialog = page.getByRole("dialog", { name: manage.privateNameservers.deleteTitle.replace("{host}", `ns1.${domain}`) });
      await dialog.getByRole("button", { name: manage.privateNameservers.deleteConfirm }).click();
      await page.waitForURL(/aviso=eliminado/);
      expect(await statusText(page)).toBe(manage.privateNameservers.deleted.replace("{host}", `ns1.${domain}`));
      await section(page).getByText(manage.privateNameservers.none).waitFor();
    });
  });
});
