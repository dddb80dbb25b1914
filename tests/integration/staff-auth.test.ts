import { customerSessionOf, createTestStaff, signInAsStaff, staffRequest, type TestStaff } from "@/tests/helpers/staff-request";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { auditLog, staffSessions, staffUsers } from "@/db/schema";
import { totpCode } from "@/lib/auth/two-factor-totp";
import { openSecret } from "@/lib/auth/secret-box";
import { setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, sessionUserFor, TEST_PASSWORD } from "@/tests/helpers/factories";
import { NotFound, Redirected } from "@/tests/helpers/next-navigation";
import { form } from "@/tests/helpers/form-data";

const { beginStaffSignIn, completeStaffSignIn } = await import("@/lib/staff/staff-sign-in");
const { getStaffUser, requireStaff } = await import("@/lib/staff/staff-session");
const { staffCookieName } = await import("@/lib/staff/staff-cookie");
const { staffPasswordAction, staffCodeAction, staffSignOutAction } = await import("@/app/admin/acceso/actions");

let db: Database;
let admin: TestStaff;

beforeAll(async () => {
  db = await setupTestDatabase();
  admin = await createTestStaff(db, "admin");
});
afterAll(teardownTestDatabase);

const ip = "198.51.100.7";

describe("staff sign-in", () => {
  it("refuses a wrong password and a customer's credentials, with the same answer", async () => {
    expect(await beginStaffSignIn({ email: admin.email, password: "otra-cosa", ip })).toEqual({ ok: false, error: "errors.invalidCredentials" });
    const { owner } = await createTestClient(db);
    expect(await beginStaffSignIn({ email: owner.email, password: TEST_PASSWORD, ip })).toEqual({ ok: false, error: "errors.invalidCredentials" });
  });

  it("never opens a session with the password alone: a code is always asked for", async () => {
    const started = await beginStaffSignIn({ email: admin.email, password: TEST_PASSWORD, ip });
    expect(started).toMatchObject({ ok: true, enrolment: null });
    if (!started.ok) throw new Error("no pending token");
    expect(await completeStaffSignIn({ pendingToken: started.pendingToken, code: "", ip, userAgent: null })).toEqual({ ok: false, error: "twoFactor.errors.codeRequired" });
    expect(await completeStaffSignIn({ pendingToken: started.pendingToken, code: "000000", ip, userAgent: null })).toMatchObject({ ok: false });
    const code = await totpCode(admin.secret!);
    const done = await completeStaffSignIn({ pendingToken: started.pendingToken, code, ip, userAgent: "vitest" });
    expect(done.ok).toBe(true);
    // The pending token is single use, and the same code does not sign in twice.
    expect(await completeStaffSignIn({ pendingToken: started.pendingToken, code, ip, userAgent: null })).toEqual({ ok: false, error: "admin.errors.signInExpired" });
    const again = await beginStaffSignIn({ email: admin.email, password: TEST_PASSWORD, ip });
    if (!again.ok) throw new Error("no pending token");
    expect(await completeStaffSignIn({ pendingToken: again.pendingToken, code, ip, userAgent: null })).toEqual({ ok: false, error: "twoFactor.errors.codeAlreadyUsed" });
  });

  it("makes a member of staff without an authenticator enrol first, and keeps the secret sealed", async () => {
    const newcomer = await createTestStaff(db, "support", { enrolled: false });
    const started = await beginStaffSignIn({ email: newcomer.email, password: TEST_PASSWORD, ip });
    if (!started.ok || !started.enrolment) throw new Error("expected an enrolment");
    expect(started.enrolment.uri).toContain("otpauth://totp/");
    const done = await completeStaffSignIn({ pendingToken: started.pendingToken, code: await totpCode(started.enrolment.secret), ip, userAgent: null });
    expect(done.ok).toBe(true);
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, newcomer.id));
    expect(row!.totpEnabledAt).not.toBeNull();
    expect(row!.totpSecret).not.toContain(started.enrolment.secret);
    expect(openSecret(row!.totpSecret!)).toBe(started.enrolment.secret);
    const [enrolled] = await db.select().from(auditLog).where(and(eq(auditLog.staffUserId, newcomer.id), eq(auditLog.action, "staff.two_factor_enrolled")));
    expect(enrolled!.clientId).toBeNull();
  });

  it("throttles password guesses per account", async () => {
    const target = await createTestStaff(db, "billing");
    for (let attempt = 0; attempt < 10; attempt++) await beginStaffSignIn({ email: target.email, password: `mal-${attempt}`, ip: `203.0.113.${attempt}` });
    expect(await beginStaffSignIn({ email: target.email, password: TEST_PASSWORD, ip: "203.0.113.99" })).toEqual({ ok: false, error: "errors.rateLimited" });
  });

  it("does not sign in a disabled member of staff", async () => {
    const gone = await createTestStaff(db, "support");
    await db.update(staffUsers).set({ disabledAt: new Date() }).where(eq(staffUsers.id, gone.id));
    expect(await beginStaffSignIn({ email: gone.email, password: TEST_PASSWORD, ip })).toEqual({ ok: false, error: "errors.invalidCredentials" });
  });
});

describe("staff session", () => {
  it("goes through the sign-in actions to a cookie, and signing out deletes the session row", async () => {
    const step = await staffPasswordAction(null, form({ email: admin.email, password: TEST_PASSWORD }));
    if (!("step" in step)) throw new Error(`expected the code step, got ${JSON.stringify(step)}`);
    // A fresh step: the one used in the test above is spent.
    const code = await totpCode(admin.secret!, Date.now() + 30_000);
    await expect(staffCodeAction(null, form({ pendingToken: step.pendingToken, code }))).rejects.toBeInstanceOf(Redirected);
    const token = staffRequest.cookies.get(staffCookieName());
    expect(token).toBeTruthy();
    expect((await getStaffUser())?.staffUserId).toBe(admin.id);
    await expect(staffSignOutAction()).rejects.toBeInstanceOf(Redirected);
    expect(staffRequest.cookies.has(staffCookieName())).toBe(false);
    staffRequest.cookies.set(staffCookieName(), token!);
    expect(await getStaffUser()).toBeNull();
  });

  it("never takes a customer's session for a staff one", async () => {
    const { owner } = await createTestClient(db);
    staffRequest.customerSession = customerSessionOf(sessionUserFor(owner));
    expect(await getStaffUser()).toBeNull();
    await expect(requireStaff()).rejects.toBeInstanceOf(NotFound);
    // Nor a forged cookie value.
    staffRequest.cookies.set(staffCookieName(), "x".repeat(43));
    await expect(requireStaff()).rejects.toBeInstanceOf(NotFound);
  });

  it("stops working once the member of staff is disabled", async () => {
    const leaving = await createTestStaff(db, "support");
    await signInAsStaff(db, leaving);
    expect((await requireStaff()).staffUserId).toBe(leaving.id);
    await db.update(staffUsers).set({ disabledAt: new Date() }).where(eq(staffUsers.id, leaving.id));
    await expect(requireStaff()).rejects.toBeInstanceOf(NotFound);
    const rows = await db.select().from(staffSessions).where(eq(staffSessions.staffUserId, leaving.id));
    expect(rows.length).toBe(1);
  });
});
