import { forbidden, redirect } from "next/navigation";
import type { Permission } from "@/db/schema";
import { auth } from "./config";

export type SessionUser = {
  contactId: number;
  clientId: number;
  isOwner: boolean;
  permissions: Permission[];
  name: string;
  email: string;
};

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  if (!session?.contactId || !session.clientId) return null;
  return {
    contactId: session.contactId,
    clientId: session.clientId,
    isOwner: session.isOwner,
    permissions: session.permissions as Permission[],
    name: session.user?.name ?? "",
    email: session.user?.email ?? "",
  };
}

/** The owner may do everything; a sub-account only what its permissions list. */
export function hasPermission(user: Pick<SessionUser, "isOwner" | "permissions">, permission: Permission): boolean {
  return user.isOwner || user.permissions.includes(permission);
}

/** For pages and route handlers: signed out goes to /acceder, a missing permission answers 403. */
export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/acceder");
  if (permission && !hasPermission(user, permission)) forbidden();
  return user;
}
