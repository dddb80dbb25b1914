import { env } from "@/lib/env";

// Why a session of our own rather than a second Auth.js instance: Auth.js v5 is one module-level
// instance whose cookies (session, CSRF, callback) and /api/auth routes would all have to be renamed
// for a second one, and its JWT sessions cannot be ended on the server without a row anyway. A random
// token in an HttpOnly cookie with only its SHA-256 in staff_sessions is less code, is revoked by
// deleting the row, and cannot be confused with a customer session: customer code never reads this
// cookie, staff code never reads Auth.js's, and the tables behind them are different.

/** `__Host-` (Secure, Path=/, no Domain: no subdomain can set or read it) whenever the site is served over https. */
export function staffCookieName(): string {
  return staffCookieSecure() ? "__Host-staff_session" : "staff_session";
}

export function staffCookieSecure(): boolean {
  return env.APP_BASE_URL.startsWith("https://");
}

/** A working day: staff sign in again each morning, with their code. */
export const STAFF_SESSION_HOURS = 12;

export function staffCookieOptions() {
  return {
    httpOnly: true,
    secure: staffCookieSecure(),
    sameSite: "lax" as const,
    path: "/",
    maxAge: STAFF_SESSION_HOURS * 60 * 60,
  };
}
