import { forbidden, redirect } from "next/navigation";
import type { Permission } from "@/db/schema";
import { auth } from "./config";
import { hasPermission } from "./permissions";
import { clientScopeFromSession, type ClientScope } from "./scope";

export type SessionUser = {
  contactId: number;
  clientId: number;
  /** What queries on the client's rows take: the client id of this session, typed so no other number passes. */
  scope: ClientScope;
  isOwner: boolean;
  permissions: Permission[];
  name: string;
  email: string;
  /** This browser's row in user_sessions. */
  sessionId: number;
  /**
   * Set when a member of staff opened this session with "Acceder como cliente": the portal shows its
   * banner, and the customer action wrapper makes every audit row name this staff user.
   */
  impersonator?: { impersonationId: number; staffUserId: number; name: string } | null;
};

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  if (!session?.contactId || !session.clientId) return null;
  return {
    contactId: session.contactId,
    clientId: session.clientId,
    scope: clientScopeFromSession({ clientId: session.clientId }),
    isOwner: session.isOwner,
    permissions: session.permissions as Permission[],
    name: session.user?.name ?? "",
    email: session.user?.email ?? "",
    sessionId: session.sessionId,
    impersonator: session.impersonation ? { impersonationId: session.impersonation.impersonationId, staffUserId: session.impersonation.staffUserId, name: session.impersonation.staffName } : null,
  };
}


/** For pages and route handlers: signed out goes to /acceder, a missing permission answers 403. */
export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/acceder");
  if (permission && !hasPermission(user, permission)) forbidden();
  return user;
}
