import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { accountTokens, auditLog, contacts, rateLimitEvents, sentEmails } from "@/db/schema";
import { inspectResetToken, requestPasswordReset, resetPassword } from "@/lib/account/password-reset";
import { hashSecurityAnswer } from "@/lib/account/security-answer";
import { verifyPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { env } from "@/lib/env";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient, uniqueEmail, uniqueSuffix } from "@/tests/helpers/factories";

let db: Database;
let ipCounter = 0;
// Unique per test and per run: files share one database on DATABASE_URL.
const run = uniqueSuffix().slice(0, 4);
const nextIp = () => `2001:db8:${run}::${(ipCounter += 1)}`;
const NEW_PASSWORD = "Nueva-Clave-Segura-2026";
const resetPrefix = `${env.APP_BASE_URL.replace(/\/+$/, "")}/recuperar/`;

beforeAll(async () => {
  db = await setupTestDatabase();
});

beforeEach(() => {
  // The outbox prints every message; keep the test output readable.
  vi.spyOn(console, "log").mockImplementation(() => {});
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function emailsTo(address: string) {
  return db.select().from(sentEmails).where(eq(sentEmails.toAddress, address)).orderBy(desc(sentEmails.id));
}

function tokenFrom(text: string): string {
  const escaped = resetPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = text.match(new RegExp(`${escaped}([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`No reset link in: ${text}`);
  return match[1]!;
}

async function contactRow(id: number) {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
  return row!;
}

/** A client whose owner asked for a reset; returns the raw token read from the email. */
async function clientWithResetLink() {
  const created = await createTestClient(db);
  expect(await requestPasswordReset({ email: created.owner.email, ip: nextIp() })).toEqual({ ok: true });
  const [email] = await emailsTo(created.owner.email);
  return { ...created, token: tokenFrom(email!.text) };
}

describe("requestPasswordReset", () => {
  it("answers ok for an unknown email and sends nothing", async () => {
    const unknown = uniqueEmail("nadie");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    log.mockClear();
    expect(await requestPasswordReset({ email: unknown, ip: nextIp() })).toEqual({ ok: true });
    expect(await emailsTo(unknown)).toHaveLength(0);
    expect(log).not.toHaveBeenCalled();
  });

  it("emails a known account a link built from APP_BASE_URL, and stores only the token's hash", async () => {
    const { client, owner } = await createTestClient(db);
    const ip = nextIp();
    expect(await requestPasswordReset({ email: ` ${owner.email.toUpperCase()}`, ip })).toEqual({ ok: true });

    const emails = await emailsTo(owner.email);
    expect(emails).toHaveLength(1);
    const [email] = emails;
    expect(email).toMatchObject({ template: "password-reset", clientId: client.id, contactId: owner.id, provider: "outbox" });
    expect(email!.subject).toBe("Restablecer la contraseña de su área de cliente");
    expect(email!.text).toContain(resetPrefix);
    expect(email!.html).toContain(resetPrefix);
    const token = tokenFrom(email!.text);
    expect(token.length).toBeGreaterThanOrEqual(43);

    const tokens = await db.select().from(accountTokens).where(eq(accountTokens.contactId, owner.id));
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ purpose: "password_reset", tokenHash: hashToken(token), usedAt: null, requestedIp: ip });
    expect(JSON.stringify(tokens)).not.toContain(token);
    const minutesLeft = (tokens[0]!.expiresAt.getTime() - tokens[0]!.createdAt.getTime()) / 60_000;
    expect(minutesLeft).toBeCloseTo(60, 1);

    // The page's strength meter judges the password against the same email and name as the server.
    expect(await inspectResetToken(token)).toEqual({ valid: true, securityQuestion: null, email: owner.email, name: `${owner.firstName} ${owner.lastName}` });
  });

  it("logs one line per email with the full link on it", async () => {
    const { owner } = await createTestClient(db);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    log.mockClear();
    await requestPasswordReset({ email: owner.email, ip: nextIp() });
    const lines = log.mock.calls.map((call) => String(call[0])).filter((line) => line.startsWith("[outbox]"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`to=${owner.email}`);
    expect(lines[0]).not.toContain("\n");
    const [email] = await emailsTo(owner.email);
    expect(lines[0]).toContain(`${resetPrefix}${tokenFrom(email!.text)}`);
  });

  it("makes only the newest link work", async () => {
    const { owner } = await createTestClient(db);
    const ip = nextIp();
    await requestPasswordReset({ email: owner.email, ip });
    await requestPasswordReset({ email: owner.email, ip });
    const [newest, older] = await emailsTo(owner.email);
    expect(await inspectResetToken(tokenFrom(older!.text))).toEqual({ valid: false });
    expect(await inspectResetToken(tokenFrom(newest!.text))).toMatchObject({ valid: true });
  });

  it("silently stops emailing one account after 3 requests an hour", async () => {
    const { owner } = await createTestClient(db);
    for (let request = 0; request < 5; request += 1) {
      expect(await requestPasswordReset({ email: owner.email, ip: nextIp() })).toEqual({ ok: true });
    }
    expect(await emailsTo(owner.email)).toHaveLength(3);
  });

  it("answers rateLimited to an address after 10 requests an hour, known email or not", async () => {
    const ip = nextIp();
    for (let request = 0; request < 10; request += 1) {
      expect(await requestPasswordReset({ email: uniqueEmail(`desconocido-${request}`), ip })).toEqual({ ok: true });
    }
    const { owner } = await createTestClient(db);
    expect(await requestPasswordReset({ email: owner.email, ip })).toEqual({ ok: false, error: "errors.rateLimited" });
    expect(await requestPasswordReset({ email: uniqueEmail("otro"), ip })).toEqual({ ok: false, error: "errors.rateLimited" });
    expect(await emailsTo(owner.email)).toHaveLength(0);
  });

  it("emails in the client's language", async () => {
    const { owner } = await createTestClient(db, { client: { language: "en" } });
    await requestPasswordReset({ email: owner.email, ip: nextIp() });
    const [email] = await emailsTo(owner.email);
    expect(email!.subject).toBe("Reset your client area password");
  });
});

describe("resetPassword", () => {
  it("sets the new password, ends other sessions, logs it and sends a notice", async () => {
    const { client, owner, password, token } = await clientWithResetLink();
    const ip = nextIp();
    const before = await contactRow(owner.id);

    const result = await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip });
    expect(result).toEqual({ ok: true });

    const after = await contactRow(owner.id);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);

    const [tokenRow] = await db.select().from(accountTokens).where(eq(accountTokens.tokenHash, hashToken(token)));
    expect(tokenRow!.usedAt).toBeInstanceOf(Date);

    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "password.reset")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ clientId: client.id, ip });

    const [notice] = await emailsTo(owner.email);
    expect(notice).toMatchObject({ template: "password-changed", clientId: client.id, contactId: owner.id });
    expect(notice!.text).toContain(ip);

    expect(await verifyCredentials({ email: owner.email, password, ip })).toMatchObject({ ok: false });
    expect(await verifyCredentials({ email: owner.email, password: NEW_PASSWORD, ip })).toMatchObject({
      ok: true,
      contact: { sessionVersion: before.sessionVersion + 1 },
    });
  });

  it("refuses a second use of the same link and changes nothing", async () => {
    const { owner, token } = await clientWithResetLink();
    const ip = nextIp();
    expect(await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip })).toEqual({ ok: true });
    const afterFirst = await contactRow(owner.id);

    const second = await resetPassword({ token, password: "Otra-Clave-2026!!", passwordConfirmation: "Otra-Clave-2026!!", ip });
    expect(second).toEqual({ ok: false, error: "errors.resetTokenInvalid" });
    const afterSecond = await contactRow(owner.id);
    expect(afterSecond.passwordHash).toBe(afterFirst.passwordHash);
    expect(afterSecond.sessionVersion).toBe(afterFirst.sessionVersion);
    expect(await inspectResetToken(token)).toEqual({ valid: false });
  });

  it("consumes a link once when two submits race", async () => {
    const { owner, token } = await clientWithResetLink();
    const before = await contactRow(owner.id);
    const results = await Promise.all([
      resetPassword({ token, password: "Primera-Clave-2026", passwordConfirmation: "Primera-Clave-2026", ip: nextIp() }),
      resetPassword({ token, password: "Segunda-Clave-2026", passwordConfirmation: "Segunda-Clave-2026", ip: nextIp() }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, error: "errors.resetTokenInvalid" }]);
    const after = await contactRow(owner.id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
  });

  it("refuses an expired link and changes nothing", async () => {
    const { owner, token } = await clientWithResetLink();
    await db
      .update(accountTokens)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(accountTokens.tokenHash, hashToken(token)));
    const before = await contactRow(owner.id);
    expect(await inspectResetToken(token)).toEqual({ valid: false });
    expect(await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip: nextIp() })).toEqual({
      ok: false,
      error: "errors.resetTokenInvalid",
    });
    const after = await contactRow(owner.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
  });

  it("refuses a made-up token", async () => {
    for (const token of ["", "abc", "x".repeat(5000)]) {
      expect(await inspectResetToken(token)).toEqual({ valid: false });
      expect(await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip: nextIp() })).toEqual({
        ok: false,
        error: "errors.resetTokenInvalid",
      });
    }
  });

  it("answers field errors for a bad password or confirmation, and writes nothing", async () => {
    const { owner, token } = await clientWithResetLink();
    const ip = nextIp();
    const before = await contactRow(owner.id);
    const throttleKeys = [`reset-submit:ip:${ip}`, `reset-answer:account:${owner.id}`];
    const eventsBefore = await db.select().from(rateLimitEvents).where(inArray(rateLimitEvents.key, throttleKeys));

    expect(await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: `${NEW_PASSWORD}x`, ip })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { passwordConfirmation: "security.errors.passwordMismatch" },
    });
    expect(await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: "", ip })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { passwordConfirmation: "errors.required" },
    });
    expect(await resetPassword({ token, password: "corta", passwordConfirmation: "corta", ip })).toEqual({
      ok: false,
      error: "errors.checkFields",
      fieldErrors: { password: "security.errors.passwordTooShort" },
    });
    const long = "L".repeat(201);
    expect(await resetPassword({ token, password: long, passwordConfirmation: long, ip })).toMatchObject({
      fieldErrors: { password: "security.errors.passwordTooLong" },
    });

    const after = await contactRow(owner.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(await db.select().from(rateLimitEvents).where(inArray(rateLimitEvents.key, throttleKeys))).toHaveLength(
      eventsBefore.length,
    );
    expect(await inspectResetToken(token)).toMatchObject({ valid: true });
    expect(
      await db.select().from(auditLog).where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "password.reset"))),
    ).toHaveLength(0);
  });

  it("holds a reset to the same password policy as Cambiar contraseña: weak or personal passwords change nothing", async () => {
    const { owner, token } = await clientWithResetLink();
    const before = await contactRow(owner.id);
    const localPart = owner.email.split("@")[0]!;
    const refusals: [string, string][] = [
      ["Password123", "security.errors.passwordCommon"],
      ["abcdefghij", "security.errors.passwordWeak"],
      [`${localPart}-Zq81v!`, "security.errors.passwordContainsEmail"],
    ];
    for (const [password, errorKey] of refusals) {
      expect(await resetPassword({ token, password, passwordConfirmation: password, ip: nextIp() }), password).toEqual({
        ok: false,
        error: "errors.checkFields",
        fieldErrors: { password: errorKey },
      });
    }

    const after = await contactRow(owner.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
    expect(await verifyPassword(after.passwordHash!, "Password123")).toBe(false);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.contactId, owner.id), eq(auditLog.action, "password.reset")))).toHaveLength(0);
    // The link was not spent by the refusals: a strong password still goes through with it.
    expect(await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip: nextIp() })).toEqual({ ok: true });
  });

  describe("with a security question", () => {
    async function clientWithQuestion() {
      const created = await clientWithResetLink();
      await db
        .update(contacts)
        .set({ securityQuestion: "birthCity", securityAnswerHash: await hashSecurityAnswer("Málaga") })
        .where(eq(contacts.id, created.owner.id));
      return created;
    }

    it("tells the page which question to ask", async () => {
      const { token } = await clientWithQuestion();
      expect(await inspectResetToken(token)).toMatchObject({ valid: true, securityQuestion: "birthCity" });
    });

    it("refuses a wrong or missing answer and changes nothing", async () => {
      const { owner, token } = await clientWithQuestion();
      const ip = nextIp();
      const before = await contactRow(owner.id);
      expect(
        await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, securityAnswer: "Sevilla", ip }),
      ).toEqual({ ok: false, error: "errors.securityAnswerWrong", fieldErrors: { securityAnswer: "errors.securityAnswerWrong" } });
      expect(await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip })).toEqual({
        ok: false,
        error: "errors.checkFields",
        fieldErrors: { securityAnswer: "errors.securityAnswerRequired" },
      });
      const after = await contactRow(owner.id);
      expect(after.passwordHash).toBe(before.passwordHash);
      expect(after.sessionVersion).toBe(before.sessionVersion);
      expect(await inspectResetToken(token)).toMatchObject({ valid: true });
    });

    it("accepts the right answer typed with another case and without accents", async () => {
      const { owner, token } = await clientWithQuestion();
      const before = await contactRow(owner.id);
      expect(
        await resetPassword({
          token,
          password: NEW_PASSWORD,
          passwordConfirmation: NEW_PASSWORD,
          securityAnswer: "  MALAGA ",
          ip: nextIp(),
        }),
      ).toEqual({ ok: true });
      expect((await contactRow(owner.id)).sessionVersion).toBe(before.sessionVersion + 1);
    });

    it("counts wrong answers: after 5 even the right answer is refused for a while", async () => {
      const { owner, token } = await clientWithQuestion();
      for (let attempt = 0; attempt < 5; attempt += 1) {
        expect(
          await resetPassword({
            token,
            password: NEW_PASSWORD,
            passwordConfirmation: NEW_PASSWORD,
            securityAnswer: `ciudad-${attempt}`,
            ip: nextIp(),
          }),
        ).toMatchObject({ error: "errors.securityAnswerWrong" });
      }
      const before = await contactRow(owner.id);
      expect(
        await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, securityAnswer: "Málaga", ip: nextIp() }),
      ).toEqual({ ok: false, error: "errors.rateLimited" });
      expect((await contactRow(owner.id)).passwordHash).toBe(before.passwordHash);
    });

    it("throttles one address after 10 failed submits", async () => {
      const { token } = await clientWithQuestion();
      const ip = nextIp();
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await resetPassword({ token: `inventado-${attempt}`, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip });
      }
      expect(
        await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, securityAnswer: "Málaga", ip }),
      ).toEqual({ ok: false, error: "errors.rateLimited" });
    });
  });

  it("lifts a sign-in lock-out once the owner has reset the password", async () => {
    const { owner, token } = await clientWithResetLink();
    const ip = nextIp();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await verifyCredentials({ email: owner.email, password: `incorrecta-${attempt}`, ip });
    }
    expect(await verifyCredentials({ email: owner.email, password: NEW_PASSWORD, ip: nextIp() })).toMatchObject({
      error: "errors.rateLimited",
    });
    expect(await resetPassword({ token, password: NEW_PASSWORD, passwordConfirmation: NEW_PASSWORD, ip: nextIp() })).toEqual({
      ok: true,
    });
    expect(await verifyCredentials({ email: owner.email, password: NEW_PASSWORD, ip: nextIp() })).toMatchObject({ ok: true });
  });
});
