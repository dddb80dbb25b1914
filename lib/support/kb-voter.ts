import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { kbVoterKey } from "./knowledge-base";

/** A signed-out visitor's random id, so "¿Fue útil la respuesta?" counts one answer per browser. */
export const KB_VOTER_COOKIE = "kb_voter";
const COOKIE_ID = /^[A-Za-z0-9_-]{24,64}$/;

/**
 * The voter key of this request: the signed-in contact, or the SHA-256 of the visitor's cookie id.
 * Without a cookie, `create` gives the browser a new random one (only a server action or a route
 * handler may set cookies); otherwise there is no key yet (null: this browser has not voted).
 */
export async function currentKbVoterKey(options: { create: boolean }): Promise<string | null> {
  const user = await getSessionUser();
  if (user) return kbVoterKey({ contactId: user.contactId });
  const store = await cookies();
  const existing = store.get(KB_VOTER_COOKIE)?.value;
  if (existing && COOKIE_ID.test(existing)) return kbVoterKey({ cookieId: existing });
  if (!options.create) return null;
  const cookieId = randomBytes(24).toString("base64url");
  store.set(KB_VOTER_COOKIE, cookieId, {
    path: "/soporte/conocimiento",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: env.APP_BASE_URL.startsWith("https:"),
  });
  return kbVoterKey({ cookieId });
}
