import { unsafeClientScope, type ClientScope } from "@/lib/auth/scope";

/** A test reads a client's rows the way a session of that client would. */
export function scopeOf(clientId: number): ClientScope {
  return unsafeClientScope(clientId);
}
