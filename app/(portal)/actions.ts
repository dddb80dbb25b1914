"use server";

import { revokeDeviceSession } from "@/lib/auth/device-sessions";
import { signOut } from "@/lib/auth/config";
import { getSessionUser } from "@/lib/auth/session";

/** Ends this browser's session on the server too, so a copied cookie stops working. */
export async function signOutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) await revokeDeviceSession(user.contactId, user.sessionId);
  await signOut({ redirectTo: "/acceder" });
}
