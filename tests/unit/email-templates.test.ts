import { createElement } from "react";
import { describe, expect, it } from "vitest";
import PasswordChangedEmail from "@/emails/password-changed";
import PasswordResetEmail from "@/emails/password-reset";
import { renderEmail } from "@/lib/email/send-email";
import { templates } from "@/lib/email/templates";
import { render } from "@react-email/render";

const resetUrl = "http://localhost:3000/recuperar/AbCdEf_-0123456789abcdefghijklmnopqrstuvwxyz01";

// An untranslated key would show up as its dotted path ("email.passwordReset.intro").
const rawKey = /\bemail\.(layout|passwordReset|passwordChanged)\./;

describe("password-reset email", () => {
  it("renders in Spanish with the link in both the HTML and the plain text", async () => {
    const email = await renderEmail("password-reset", { name: "Ana", resetUrl, expiresInMinutes: 60 }, "es");
    expect(email.subject).toBe("Restablecer la contraseña de su área de cliente");
    expect(email.html).toContain('lang="es"');
    expect(email.html).toContain(`href="${resetUrl}"`);
    expect(email.text).toContain(resetUrl);
    expect(email.text).toContain("Hola, Ana:");
    expect(email.text).toContain("60 minutos");
    expect(email.text).not.toMatch(rawKey);
    expect(email.html).not.toMatch(rawKey);
  });

  it("renders in English when asked", async () => {
    const email = await renderEmail("password-reset", { name: "Ann", resetUrl, expiresInMinutes: 45 }, "en");
    expect(email.subject).toBe("Reset your client area password");
    expect(email.html).toContain('lang="en"');
    expect(email.text).toContain("Hello Ann,");
    expect(email.text).toContain("45 minutes");
    expect(email.text).toContain(resetUrl);
    expect(email.text).not.toMatch(rawKey);
  });

  it("escapes a name that looks like markup", async () => {
    const email = await renderEmail("password-reset", { name: "<script>x</script>", resetUrl, expiresInMinutes: 60 }, "es");
    expect(email.html).not.toContain("<script>x</script>");
    expect(email.html).toContain("&lt;script&gt;");
  });

  it("previews with its default props", async () => {
    const html = await render(createElement(PasswordResetEmail));
    expect(html).toContain("/recuperar/");
    expect(html).not.toMatch(rawKey);
  });
});

describe("password-changed email", () => {
  it("states when and from which IP, in Spanish by default and in Madrid time", async () => {
    const email = await renderEmail(
      "password-changed",
      { name: "Ana", when: "2026-03-14T09:30:00.000Z", ip: "203.0.113.7" },
      "es",
    );
    expect(email.subject).toBe("Se ha cambiado la contraseña de su área de cliente");
    expect(email.text).toContain("203.0.113.7");
    expect(email.text).toContain("14 de marzo de 2026");
    expect(email.text).toContain("10:30");
    expect(email.text).not.toMatch(rawKey);
  });

  it("says the IP is unknown when there is none", async () => {
    const email = await renderEmail("password-changed", { name: "Ann", when: new Date(), ip: null }, "en");
    expect(email.text).toContain("from IP address unknown");
  });

  it("previews with its default props", async () => {
    const html = await render(createElement(PasswordChangedEmail));
    expect(html).toContain("203.0.113.7");
  });
});

describe("template registry", () => {
  it("gives every template a subject in both languages", async () => {
    const { translatorFor } = await import("@/lib/i18n/translator");
    for (const definition of Object.values(templates)) {
      for (const locale of ["es", "en"] as const) {
        const subject = definition.subject(translatorFor(locale), {} as never);
        expect(subject).not.toMatch(rawKey);
        expect(subject.length).toBeGreaterThan(5);
      }
    }
  });
});
