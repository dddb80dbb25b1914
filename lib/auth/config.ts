import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authSecret } from "@/lib/env";
import { loadSessionContact } from "./device-sessions";
import { authorizeCredentials, type SignInRefusal } from "./two-factor-sign-in";
import { clientIp } from "./client-ip";
import { authorizePasskey } from "./passkeys-sign-in";
import { loadActiveImpersonation, redeemImpersonationGrant } from "@/lib/staff/impersonation";

/** The refusal travels as the error's `code`; the sign-in action turns it back into a message key. */
class SignInRefused extends CredentialsSignin {
  constructor(refusal: SignInRefusal | string) {
    super();
    this.code = refusal;
  }
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
      // email + password (accounts without two-factor sign-in), or the sign-in form's pendingToken + code.
      credentials: { email: {}, password: {}, pendingToken: {}, code: {} },
      async authorize(credentials, request) {
        const result = await authorizeCredentials({
          email: credentials?.email,
          password: credentials?.password,
          pendingToken: credentials?.pendingToken,
          code: credentials?.code,
          ip: clientIp(request.headers),
          userAgent: request.headers.get("user-agent"),
        });
        if (!result.ok) throw new SignInRefused(result.refusal);
        return result.user;
      },
    }),
    // A passkey's signed answer (lib/auth/passkeys.ts): both factors at once, no password, no code.
    Credentials({
      id: "passkey",
      name: "Passkey",
      credentials: { response: {} },
      async authorize(credentials, request) {
        const result = await authorizePasskey({
          response: credentials?.response,
          ip: clientIp(request.headers),
          userAgent: request.headers.get("user-agent"),
        });
        if (!result.ok) throw new SignInRefused(result.refusal);
        return result.user;
      },
    }),
    // "Acceder como cliente": only the staff action (lib/staff/impersonation.ts) makes a grant, single-use
    // and a minute long; posting anything else here signs no one in.
    Credentials({
      id: "impersonation",
      name: "Impersonation",
      credentials: { grant: {} },
      async authorize(credentials, request) {
        const user = await redeemImpersonationGrant({ grant: credentials?.grant, ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") });
        if (!user) throw new SignInRefused("impersonationRefused");
        return user;
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
        if (typeof (user as { impersonationId?: unknown }).impersonationId === "number") token.impersonationId = (user as { impersonationId: number }).impersonationId;
      }
      if (typeof token.contactId !== "number") return null;
      const contact = await loadSessionContact({ contactId: token.contactId, sessionVersion: token.sessionVersion, sessionId: token.sessionId });
      if (!contact) return null;
      // A session opened by staff as this client lasts only while their impersonation and staff session do.
      if (token.impersonationId !== undefined) {
        const impersonation = await loadActiveImpersonation({ impersonationId: token.impersonationId, sessionId: token.sessionId });
        if (!impersonation || impersonation.clientId !== contact.clientId) return null;
        token.impersonatorStaffUserId = impersonation.staffUserId;
        token.impersonatorName = impersonation.staffName;
      }
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
      session.impersonation =
        typeof token.impersonationId === "number"
          ? { impersonationId: token.impersonationId, staffUserId: token.impersonatorStaffUserId as number, staffName: token.impersonatorName as string }
          : null;
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
    /** Set while a member of staff uses the portal as this client ("Acceder como cliente"). */
    impersonation: { impersonationId: number; staffUserId: number; staffName: string } | null;
  }
}
