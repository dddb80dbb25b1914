import { beforeEach, vi } from "vitest";
import type { Executor } from "@/db/client";
import { staffUsers } from "@/db/schema";
import type { StaffRole } from "@/lib/auth/scope";
import { sealSecret } from "@/lib/auth/secret-box";
import { generateTotpSecret } from "@/lib/auth/two-factor-totp";
import { testPasswordHash, uniqueEmail } from "./factories";

// For integration tests of staff pages and actions: the real staff wrapper and session lookup run
// against the database; only the request is stood in for (headers, a cookie jar, cache revalidation,
// Next's navigation interrupts). Auth.js's auth() answers whatever customer session a test sets, so
// a test can show that a customer's session is never taken for a staff one. Import this module
// first, then load the code under test with `await import(...)`.

export const staffRequest = {
  cookies: new Map<string, string>(),
  headers: new Headers({ "x-forwarded-for": "198.51.100.7", "user-agent": "vitest" }),
  /** What Auth.js's auth() returns: null (signed out) or a customer's session. */
  customerSession: null as unknown,
  revalidatePath: vi.fn(),
};

vi.mock("@/lib/auth/config", () => ({ auth: async () => staffRequest.customerSession }));
vi.mock("next/headers", () => ({
  headers: async () => staffRequest.headers,
  cookies: async () => ({
    get: (name: string) => (staffRequest.cookies.has(name) ? { name, value: staffRequest.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void staffRequest.cookies.set(name, value),
    delete: (name: string) => void staffRequest.cookies.delete(name),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: staffRequest.revalidatePath }));
vi.mock("next/navigation", () => import("@/tests/helpers/next-navigation"));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));

beforeEach(() => {
  staffRequest.cookies.clear();
  staffRequest.customerSession = null;
  staffRequest.revalidatePath.mockReset();
});

export type TestStaff = { id: number; email: string; name: string; role: StaffRole; secret: string | null };

/** A member of staff with the test password; with an enrolled authenticator unless `enrolled: false`. */
export async function createTestStaff(db: Executor, role: StaffRole, options: { enrolled?: boolean } = {}): Promise<TestStaff> {
  const secret = options.enrolled === false ? null : generateTotpSecret();
  const email = uniqueEmail(`personal-${role}`);
  const name = `Personal ${role} ${email.slice(-14, -11)}`;
  const [row] = await db
    .insert(staffUsers)
    .values({ email, name, role, passwordHash: await testPasswordHash(), totpSecret: secret ? sealSecret(secret) : null, totpEnabledAt: secret ? new Date() : null })
    .returning({ id: staffUsers.id });
  return { id: row!.id, email, name, role, secret };
}

/** Puts a staff session for `staff` in the cookie jar, as a completed sign-in would. */
export async function signInAsStaff(db: Executor, staff: TestStaff): Promise<void> {
  const { createStaffSession } = await import("@/lib/staff/staff-sessions");
  const { staffCookieName } = await import("@/lib/staff/staff-cookie");
  staffRequest.cookies.set(staffCookieName(), await createStaffSession(db, { staffUserId: staff.id, ip: "198.51.100.7", userAgent: "vitest" }));
}

/** A customer's Auth.js session (what auth() would return for a signed-in customer). */
export function customerSessionOf(user: { contactId: number; clientId: number; name: string; email: string }) {
  return { contactId: user.contactId, clientId: user.clientId, isOwner: true, permissions: [], user: { name: user.name, email: user.email }, sessionId: 0 };
}
