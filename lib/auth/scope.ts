declare const clientScopeBrand: unique symbol;
declare const staffScopeBrand: unique symbol;

/**
 * The customer a request acts for, as its session says. Every query on a customer's rows takes one
 * instead of a bare id, so the compiler keeps the rule that the client id comes from the session:
 * a number read from a form, a URL or a header does not type-check where a scope is wanted.
 */
export type ClientScope = { readonly clientId: number; readonly [clientScopeBrand]: true };

export const STAFF_ROLES = ["support", "billing", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A member of staff acting across clients (the staff area): its own type, never taken for a client's scope. */
export type StaffScope = { readonly staffUserId: number; readonly role: StaffRole; readonly [staffScopeBrand]: true };

/** Only lib/auth/session.ts calls this, with the client id of the verified session. */
export function clientScopeFromSession(session: { clientId: number }): ClientScope {
  return Object.freeze({ clientId: session.clientId }) as ClientScope;
}

/**
 * A scope for a client decided by a row the caller already trusts rather than by a session: the
 * gateway's payment attempt in a webhook, an invoice in the cron job, a fixture in a test. Named
 * "unsafe" so every such place is easy to find and review.
 */
export function unsafeClientScope(clientId: number): ClientScope {
  return Object.freeze({ clientId }) as ClientScope;
}

/** For the staff area's session, once it exists; a staff member's id is never a client's. */
export function staffScopeFromSession(session: { staffUserId: number; role: StaffRole }): StaffScope {
  return Object.freeze({ staffUserId: session.staffUserId, role: session.role }) as StaffScope;
}
