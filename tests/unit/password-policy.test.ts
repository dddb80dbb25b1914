import { describe, expect, it } from "vitest";
import { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/account/password-policy";
import { catalogs } from "@/lib/i18n/messages";

const context = { email: "lucia.navarro+hosting@ejemplo.es", userInputs: ["Lucía Navarro"] };

function messageExists(key: string): boolean {
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogs.es);
  return typeof value === "string" && value.length > 0;
}

describe("password policy", () => {
  it("accepts long, unguessable passwords and passphrases", async () => {
    for (const password of ["Tr0ub4dor&3x-Azul", "correcto caballo batería grapa", "Xk9#mP2vL7qR", "Prueba-Segura-2026!"]) {
      const result = await checkPassword(password, context);
      expect(result, password).toMatchObject({ ok: true, errorKey: null });
      expect(result.score, password).toBeGreaterThanOrEqual(3);
    }
  });

  it("asks for a password when none is typed", async () => {
    expect(await checkPassword("", context)).toMatchObject({ ok: false, errorKey: "errors.required" });
  });

  it("refuses fewer than 10 characters and more than 200", async () => {
    expect(await checkPassword("Xk9#mP2v", context)).toMatchObject({ ok: false, errorKey: "security.errors.passwordTooShort" });
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    const long = "Xk9#mP2vL7qR".repeat(20).slice(0, PASSWORD_MAX_LENGTH + 1);
    expect(await checkPassword(long, context)).toMatchObject({ ok: false, errorKey: "security.errors.passwordTooLong" });
    const longest = "Xk9#mP2vL7qR".repeat(20).slice(0, PASSWORD_MAX_LENGTH);
    expect(await checkPassword(longest, context)).toMatchObject({ ok: true });
  });

  it("refuses passwords containing the email, its local part or the name before a +tag, in any case", async () => {
    for (const password of ["LUCIA.NAVARRO+hosting@ejemplo.es", "xx-Lucia.Navarro+Hosting-93!", "Lucia.Navarro#Zq81v"]) {
      expect(await checkPassword(password, context), password).toMatchObject({ ok: false, errorKey: "security.errors.passwordContainsEmail" });
    }
  });

  it("does not treat a very short local part as personal data", async () => {
    const result = await checkPassword("Xk9#mP2vL7qR-jo", { email: "jo@ejemplo.es" });
    expect(result.ok).toBe(true);
  });

  it("refuses common passwords and dictionary words, Spanish ones included", async () => {
    for (const password of ["password1234", "1234567890", "qwertyuiop", "P4ssw0rd!2024", "mariposa12"]) {
      expect(await checkPassword(password, context), password).toMatchObject({ ok: false, errorKey: "security.errors.passwordCommon" });
    }
    expect(await checkPassword("contraseña", context)).toMatchObject({ ok: false, errorKey: "security.errors.passwordCommon" });
    expect(await checkPassword("mantequilla", context)).toMatchObject({ ok: false, errorKey: "security.errors.passwordCommon" });
  });

  it("refuses weak patterns with a score under 3", async () => {
    const result = await checkPassword("abcdefghij", context);
    expect(result).toMatchObject({ ok: false, errorKey: "security.errors.passwordWeak" });
    expect(result.score).toBeLessThan(3);
  });

  it("counts the person's name, with or without accents and spaces, as personal data", async () => {
    const result = await checkPassword("LuciaNavarro", context);
    expect(result).toMatchObject({ ok: false, errorKey: "security.errors.passwordWeak" });
    expect(result.suggestions).toContain("security.strength.warnings.userInputs");
    expect(await checkPassword("LuciaNavarro", {})).not.toMatchObject({ suggestions: expect.arrayContaining(["security.strength.warnings.userInputs"]) });
  });

  it("answers with catalog keys that exist, in Spanish and English", async () => {
    const keys = new Set<string>();
    for (const password of ["password1234", "abcdefghij", "aaaaaaaaaaaa", "qwertyuiop", "Barcelona1!", "P4ssw0rd!2024", "lucianavarro1", "1990-05-12ab"]) {
      const result = await checkPassword(password, context);
      if (result.errorKey) keys.add(result.errorKey);
      for (const key of result.suggestions) keys.add(key);
    }
    expect(keys.size).toBeGreaterThan(5);
    expect([...keys].filter((key) => !messageExists(key))).toEqual([]);
  });

  it("stays fast on long symbol-heavy input, so the server cannot be made to spin on it", async () => {
    await checkPassword("warm-up-password", context);
    const started = performance.now();
    await checkPassword("!#$%&/()=?¿¡*+[]{}<>;:,.-_@".repeat(8).slice(0, PASSWORD_MAX_LENGTH), context);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
