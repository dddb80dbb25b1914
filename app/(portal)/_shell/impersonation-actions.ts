"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientIp } from "@/lib/auth/client-ip";
import { signOut } from "@/lib/auth/config";
import { getSessionUser } from "@/lib/auth/session";
import { endImpersonation } from "@/lib/staff/impersonation";

/** "Terminar": ends the impersonation and its customer session, back to the client's page in the staff area. */
export async function endImpersonationAction(): Promise<void> {
  const user = await getSessionUser();
  if (!user?.impersonator) redirect("/");
  const ended = await endImpersonation({ impersonationId: user.impersonator.impersonationId, sessionId: user.sessionId, ip: clientIp(await headers()) });
  await signOut({ redirectTo: ended ? `/admin/clientes/${ended.clientId}` : "/admin/clientes" });
}
