import type { CreateAccountInput, HostingPanel, PanelServer } from "@/lib/hosting/hosting-panel";
import { HostingPanelError, type HostingPanelErrorCode } from "@/lib/hosting/hosting-panel";

type Method = "createAccount" | "accountExists" | "suspendAccount" | "unsuspendAccount" | "terminateAccount";

export type PanelCall = { method: Method | "other"; serverId: number; username: string; input?: CreateAccountInput };

/**
 * A recording hosting panel for tests: keeps accounts in memory like a WHM would (create refuses a
 * taken user name), counts every call, and can be told to fail (a HostingPanelError code, for the
 * next N calls of a method or until healed) or to answer slowly. Install with
 * setProviderForTests("hosting", double).
 */
export function createHostingPanelDouble() {
  const accounts = new Map<string, { domain: string; plan: string; status: "active" | "suspended"; serverId: number }>();
  const calls: PanelCall[] = [];
  const failures = new Map<Method, { code: HostingPanelErrorCode; times: number; afterEffect: boolean; username?: string }>();
  let delayMs = 0;

  async function step(method: Method, server: PanelServer, username: string, effect: () => void, input?: CreateAccountInput) {
    calls.push({ method, serverId: server.id, username, input });
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const failure = failures.get(method);
    if (failure && failure.times > 0 && (failure.username === undefined || failure.username === username)) {
      failure.times -= 1;
      // "afterEffect": the panel did the work but the answer was lost (a timeout after the account was made).
      if (failure.afterEffect) effect();
      throw new HostingPanelError(failure.code, `double: ${method} ${username} fails with ${failure.code}`);
    }
    effect();
  }

  const panel: HostingPanel = {
    name: "double",
    async createAccount(server, input) {
      await step(
        "createAccount",
        server,
        input.username,
        () => {
          if (accounts.has(input.username)) throw new HostingPanelError("already_exists", `account ${input.username} exists`);
          accounts.set(input.username, { domain: input.domain, plan: input.plan, status: "active", serverId: server.id });
        },
        input,
      );
      return { ip: "192.0.2.10" };
    },
    async accountExists(server, username) {
      let exists = false;
      await step("accountExists", server, username, () => {
        exists = accounts.has(username);
      });
      return exists;
    },
    async suspendAccount(server, username) {
      await step("suspendAccount", server, username, () => {
        const account = accounts.get(username);
        if (!account) throw new HostingPanelError("not_found", `no account ${username}`);
        account.status = "suspended";
      });
    },
    async unsuspendAccount(server, username) {
      await step("unsuspendAccount", server, username, () => {
        const account = accounts.get(username);
        if (!account) throw new HostingPanelError("not_found", `no account ${username}`);
        account.status = "active";
      });
    },
    async terminateAccount(server, username) {
      await step("terminateAccount", server, username, () => {
        if (!accounts.delete(username)) throw new HostingPanelError("not_found", `no account ${username}`);
      });
    },
    async changePackage() {},
    async changePassword() {},
    async createSession(_server, request) {
      return { url: `https://panel.test/session/${request.username}` };
    },
    async getUsage() {
      return { diskUsedMb: 0, diskLimitMb: null, bandwidthUsedMb: 0, bandwidthLimitMb: null };
    },
    async createMailbox() {},
  };

  return {
    panel,
    accounts,
    calls,
    count(method: Method, username?: string): number {
      return calls.filter((call) => call.method === method && (username === undefined || call.username === username)).length;
    },
    /**
     * The next `times` calls of `method` (for `username` only, when given) throw a HostingPanelError
     * with `code`; afterEffect: the work is done first (a lost answer).
     */
    failNext(method: Method, code: HostingPanelErrorCode, times = 1, options: { afterEffect?: boolean; username?: string } = {}) {
      failures.set(method, { code, times, afterEffect: options.afterEffect ?? false, username: options.username });
    },
    heal() {
      failures.clear();
    },
    slow(ms: number) {
      delayMs = ms;
    },
    /** An account made outside the portal (another customer's, staff's), to test user-name collisions. */
    addForeignAccount(username: string, serverId: number) {
      accounts.set(username, { domain: "ajeno.example", plan: "default", status: "active", serverId });
    },
    reset() {
      accounts.clear();
      calls.length = 0;
      failures.clear();
      delayMs = 0;
    },
  };
}

export type HostingPanelDouble = ReturnType<typeof createHostingPanelDouble>;
