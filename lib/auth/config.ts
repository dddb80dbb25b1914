import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret } from "@/lib/env";
import { loadSessionContact, startDeviceSession } from "./device-sessions";
import { verifyCredentials } from "./verify-credentials";
import { clientIp } from "./client-ip";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/acceder", error: "/acceder" },
  // A wrong password is an expected outcome shown on the form, not a server error worth a stack trace.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin || error.cause instanceof CredentialsSignin) return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        const ip = clientIp(request.headers);
        const result = await verifyCredentials({ email, password, ip });
        if (!result.ok) throw result.error === "errors.rateLimited" ? new RateLimited() : new InvalidCredentials();
        const sessionId = await startDeviceSession({ contactId: result.contact.id, ip, userAgent: request.headers.get("user-agent") });
        return { id: String(result.contact.id), sessionVersion: result.contact.sessionVersion, sessionId };
      },
    }),
  ],
  callbacks: {
    // Runs on every auth() call: the contact row decides, so a password change, a removed
    // sub-account or a revoked permission takes effect on the very next request.
    async jwt({ token, user }) {
      if (user) {
        const signedIn = user as { id: string; sessionVersion: number; sessionId: number };
        token.contactId = Number(signedIn.id);
        token.sessionVersion = signedIn.sessionVersion;
        token.sessionId = signedIn.sessionId;
      }
      if (typeof token.contactId !== "number") return null;
      const contact = await loadSessionContact({ contactId: token.contactId, sessionVersion: token.sessionVersion, sessionId: token.sessionId });
      if (!contact) return null;
      token.clientId = contact.clientId;
      token.isOwner = contact.isOwner;
      token.permissions = contact.permissions;
      token.name = `${contact.firstName} ${contact.lastName}`;
      token.email = contact.email;
      return token;
    },
    session({ session, token }) {
      session.contactId = token.contactId as number;
      session.clientId = token.clientId as number;
      session.isOwner = token.isOwner as boolean;
      session.permissions = (token.permissions ?? []) as string[];
      session.sessionId = token.sessionId as number;
      return session;
    },
  },
});

declare module "next-auth" {
  interface Session {
    contactId: number;
    clientId: number;
    isOwner: boolean;
    permissions: string[];
    sessionId: number;
  }
}
