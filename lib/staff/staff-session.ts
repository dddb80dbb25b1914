import { cookies } from "next/headers";
import { forbidden, notFound } from "next/navigation";
import { staffScopeFromSession, type StaffRole, type StaffScope } from "@/lib/auth/scope";
import { staffCookieName } from "./staff-cookie";
import { findStaffSession } from "./staff-sessions";

export type StaffUser = {
  staffUserId: number;
  role: StaffRole;
  /** What staff use cases take: a type no customer's scope passes for. */
  scope: StaffScope;
  name: string;
  email: string;
  sessionId: number;
};

/** The signed-in member of staff from the staff cookie only; a customer's Auth.js session is never looked at. */
export async function getStaffUser(): Promise<StaffUser | null> {
  const store = await cookies();
  const session = await findStaffSession(store.get(staffCookieName())?.value);
  if (!session) return null;
  return {
    staffUserId: session.staffUserId,
    role: session.role,
    scope: staffScopeFromSession({ staffUserId: session.staffUserId, role: session.role }),
    name: session.name,
    email: session.email,
    sessionId: session.sessionId,
  };
}

/** Admin may do everything; otherwise the role must be one of those named (none named: any member of staff). */
export function staffMayAct(staff: Pick<StaffUser, "role">, roles?: readonly StaffRole[]): boolean {
  return !roles || roles.length === 0 || staff.role === "admin" || roles.includes(staff.role);
}

/**
 * For every /admin page and route (but the sign-in page): no staff session answers 404, so the staff
 * area does not even show it exists to customers and visitors; a role that may not see it, 403.
 */
export async function requireStaff(roles?: readonly StaffRole[]): Promise<StaffUser> {
  const staff = await getStaffUser();
  if (!staff) notFound();
  if (!staffMayAct(staff, roles)) forbidden();
  return staff;
}
