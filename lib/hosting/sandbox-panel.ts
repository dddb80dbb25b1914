import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { sandboxPanelAccounts, sandboxPanelSessions } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { env } from "@/lib/env";
import { HostingPanelError, type CreateAccountInput, type CreateMailboxInput, type HostingPanel, type PanelServer, type PanelSessionRequest } from "./hosting-panel";

// The embedded control panel: no server, no network. Accounts are rows of sandbox_panel_accounts
// (one namespace of usernames, whatever server the portal says they live on), passwords are kept
// only as argon2 hashes, usage is whatever figures the row holds (the demo data sets some), and the
// single sign-on link opens our own page /panel-de-pruebas/<token>, a clearly labelled stand-in for
// cPanel. It fails the way WHM does (already_exists, not_found), so the use cases' error paths run
// in development too.

export const SANDBOX_SESSION_MINUTES = 10;
export const SANDBOX_PANEL_PATH = "/panel-de-pruebas";
// Our tokens are 43 characters; anything far longer is not one of ours and is not worth hashing.
const TOKEN_MAX_LENGTH = 128;

type Account = typeof sandboxPanelAccounts.$inferSelect;

function notFound(username: string): HostingPanelError {
  return new HostingPanelError("not_found", `sandbox panel: no account ${username}`);
}

/** The live (not terminated) account, or not_found. */
async function liveAccount(username: string): Promise<Account> {
  const db = await getDb();
  const [account] = await db
    .select()
    .from(sandboxPanelAccounts)
    .where(and(eq(sandboxPanelAccounts.username, username), ne(sandboxPanelAccounts.status, "terminated")))
    .limit(1);
  if (!account) throw notFound(username);
  return account;
}

/** Changes a live account; not_found when there is none. */
async function updateLive(username: string, values: Partial<typeof sandboxPanelAccounts.$inferInsert>): Promise<void> {
  const db = await getDb();
  const changed = await db
    .update(sandboxPanelAccounts)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(sandboxPanelAccounts.username, username), ne(sandboxPanelAccounts.status, "terminated")))
    .returning({ username: sandboxPanelAccounts.username });
  if (changed.length === 0) throw notFound(username);
}

export function createSandboxPanel(options: { baseUrl?: string } = {}): HostingPanel {
  const base = (options.baseUrl ?? env.APP_BASE_URL).replace(/\/+$/, "");

  return {
    name: "sandbox",

    async createAccount(_server: PanelServer, input: CreateAccountInput) {
      const db = await getDb();
      const values = {
        username: input.username,
        domain: input.domain,
        plan: input.plan,
        status: "active",
        passwordHash: await hashPassword(input.password),
        diskUsedMb: 0,
        diskLimitMb: input.quotaMb ?? null,
        bandwidthUsedMb: 0,
        bandwidthLimitMb: null,
        mailboxes: [],
      };
      // A terminated account's username may be taken again, as on WHM after removeacct; a live one may not.
      const created = await db
        .insert(sandboxPanelAccounts)
        .values(values)
        .onConflictDoUpdate({
          target: sandboxPanelAccounts.username,
          set: { ...values, createdAt: sql`now()`, updatedAt: sql`now()` },
          setWhere: eq(sandboxPanelAccounts.status, "terminated"),
        })
        .returning({ username: sandboxPanelAccounts.username });
      if (created.length === 0) throw new HostingPanelError("already_exists", `sandbox panel: the account ${input.username} already exists`);
      // TEST-NET-3 (RFC 5737): an address that is plainly not a real server.
      return { ip: input.dedicatedIp ? "203.0.113.10" : null };
    },

    async accountExists(_server: PanelServer, username: string) {
      try {
        await liveAccount(username);
        return true;
      } catch (error) {
        if (error instanceof HostingPanelError && error.code === "not_found") return false;
        throw error;
      }
    },

    async suspendAccount(_server: PanelServer, username: string) {
      await updateLive(username, { status: "suspended" });
    },

    async unsuspendAccount(_server: PanelServer, username: string) {
      await updateLive(username, { status: "active" });
    },

    async terminateAccount(_server: PanelServer, username: string) {
      await updateLive(username, { status: "terminated", passwordHash: null, mailboxes: [] });
    },

    async changePackage(_server: PanelServer, username: string, plan: string) {
      await updateLive(username, { plan });
    },

    async changePassword(_server: PanelServer, username: string, password: string) {
      await updateLive(username, { passwordHash: await hashPassword(password) });
    },

    async createSession(_server: PanelServer, request: PanelSessionRequest) {
      await liveAccount(request.username);
      const token = randomBytes(32).toString("base64url");
      const db = await getDb();
      await db.insert(sandboxPanelSessions).values({
        tokenHash: hashToken(token),
        username: request.username,
        service: request.service,
        app: request.app ?? null,
        expiresAt: sql`now() + make_interval(mins => ${SANDBOX_SESSION_MINUTES})`,
      });
      return { url: `${base}${SANDBOX_PANEL_PATH}/${token}` };
    },

    async getUsage(_server: PanelServer, username: string) {
      const account = await liveAccount(username);
      return {
        diskUsedMb: account.diskUsedMb,
        diskLimitMb: account.diskLimitMb,
        bandwidthUsedMb: account.bandwidthUsedMb,
        bandwidthLimitMb: account.bandwidthLimitMb,
      };
    },

    async createMailbox(_server: PanelServer, input: CreateMailboxInput) {
      const email = `${input.localPart}@${input.domain}`.toLowerCase();
      const db = await getDb();
      // One statement: appended only if the account is live and has no mailbox of that address.
      const mailbox = JSON.stringify([{ email, quotaMb: input.quotaMb }]);
      const changed = await db
        .update(sandboxPanelAccounts)
        .set({ mailboxes: sql`${sandboxPanelAccounts.mailboxes} || ${mailbox}::jsonb`, updatedAt: sql`now()` })
        .where(
          and(
            eq(sandboxPanelAccounts.username, input.username),
            ne(sandboxPanelAccounts.status, "terminated"),
            sql`not (${sandboxPanelAccounts.mailboxes} @> ${JSON.stringify([{ email }])}::jsonb)`,
          ),
        )
        .returning({ username: sandboxPanelAccounts.username });
      if (changed.length === 0) {
        await liveAccount(input.username);
        // As UAPI answers it: status 0 with an error, which the WHM adapter reports as "rejected".
        throw new HostingPanelError("rejected", `sandbox panel: the mailbox ${email} already exists`);
      }
    },
  };
}

export type SandboxPanelView = {
  username: string;
  domain: string;
  plan: string;
  status: string;
  service: "cpaneld" | "webmaild";
  app: string | null;
  mailboxes: { email: string; quotaMb: number }[];
  diskUsedMb: number;
  diskLimitMb: number | null;
  bandwidthUsedMb: number;
  bandwidthLimitMb: number | null;
};

/**
 * Follows a sandbox SSO link: the token is used up by one conditional update (two visits race on
 * one row; exactly one wins), and the account it was issued for is returned. Null for an unknown,
 * expired or already used token, or an account terminated since.
 */
export async function openSandboxPanelSession(token: string): Promise<SandboxPanelView | null> {
  if (!token || token.length > TOKEN_MAX_LENGTH) return null;
  const db = await getDb();
  const [session] = await db
    .update(sandboxPanelSessions)
    .set({ usedAt: sql`now()` })
    .where(and(eq(sandboxPanelSessions.tokenHash, hashToken(token)), isNull(sandboxPanelSessions.usedAt), gt(sandboxPanelSessions.expiresAt, sql`now()`)))
    .returning();
  if (!session) return null;
  const [account] = await db
    .select()
    .from(sandboxPanelAccounts)
    .where(and(eq(sandboxPanelAccounts.username, session.username), ne(sandboxPanelAccounts.status, "terminated")))
    .limit(1);
  if (!account) return null;
  return {
    username: account.username,
    domain: account.domain,
    plan: account.plan,
    status: account.status,
    service: session.service === "webmaild" ? "webmaild" : "cpaneld",
    app: session.app,
    mailboxes: account.mailboxes,
    diskUsedMb: account.diskUsedMb,
    diskLimitMb: account.diskLimitMb,
    bandwidthUsedMb: account.bandwidthUsedMb,
    bandwidthLimitMb: account.bandwidthLimitMb,
  };
}
