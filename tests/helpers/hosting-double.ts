import { afterAll, beforeEach } from "vitest";
import type { CreateAccountInput, CreateMailboxInput, HostingPanel, PanelServer, PanelSessionRequest, PanelUsage } from "@/lib/hosting/hosting-panel";
import { HostingPanelError } from "@/lib/hosting/hosting-panel";
import { setProviderForTests } from "@/lib/providers";

/** One call the panel received: the method, the server's id and the arguments after it. */
export type HostingCall = { method: keyof Omit<HostingPanel, "name">; serverId: number; args: unknown[] };

export type HostingDouble = HostingPanel & {
  calls: HostingCall[];
  /** The figures getUsage answers with; per username when set there. */
  usage: PanelUsage;
  /** Make the next calls of `method` fail with this error (or hang for `delayMs` first). */
  failWith(method: HostingCall["method"], error: Error | null): void;
  delay(method: HostingCall["method"], delayMs: number): void;
  callsOf(method: HostingCall["method"]): HostingCall[];
  reset(): void;
};

/**
 * A recording stand-in for the hosting panel: every call is kept with its arguments (passwords
 * included, so a test can check what reached the panel and that nothing else kept them), answers are
 * plausible, and any method can be made to fail or be slow. Install with
 * setProviderForTests("hosting", createHostingDouble()).
 */
export function createHostingDouble(): HostingDouble {
  const failures = new Map<HostingCall["method"], Error>();
  const delays = new Map<HostingCall["method"], number>();
  const calls: HostingCall[] = [];
  let sessions = 0;

  async function record(method: HostingCall["method"], server: PanelServer, args: unknown[]): Promise<void> {
    calls.push({ method, serverId: server.id, args });
    const delayMs = delays.get(method);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const failure = failures.get(method);
    if (failure) throw failure;
  }

  const double: HostingDouble = {
    name: "double",
    calls,
    usage: { diskUsedMb: 2048, diskLimitMb: 10_240, bandwidthUsedMb: 30_000, bandwidthLimitMb: 102_400 },
    failWith(method, error) {
      if (error) failures.set(method, error);
      else failures.delete(method);
    },
    delay(method, delayMs) {
      delays.set(method, delayMs);
    },
    callsOf(method) {
      return calls.filter((call) => call.method === method);
    },
    reset() {
      calls.length = 0;
      failures.clear();
      delays.clear();
    },
    async createAccount(server: PanelServer, input: CreateAccountInput) {
      await record("createAccount", server, [input]);
      return { ip: null };
    },
    async accountExists(server: PanelServer, username: string) {
      await record("accountExists", server, [username]);
      return calls.some((call) => call.method === "createAccount" && (call.args[0] as CreateAccountInput).username === username);
    },
    async suspendAccount(server: PanelServer, username: string, reason: string) {
      await record("suspendAccount", server, [username, reason]);
    },
    async unsuspendAccount(server: PanelServer, username: string) {
      await record("unsuspendAccount", server, [username]);
    },
    async terminateAccount(server: PanelServer, username: string) {
      await record("terminateAccount", server, [username]);
    },
    async changePackage(server: PanelServer, username: string, plan: string) {
      await record("changePackage", server, [username, plan]);
    },
    async changePassword(server: PanelServer, username: string, password: string) {
      await record("changePassword", server, [username, password]);
    },
    async createSession(server: PanelServer, request: PanelSessionRequest) {
      await record("createSession", server, [request]);
      sessions += 1;
      const app = request.app ? `&app=${encodeURIComponent(request.app)}` : "";
      return { url: `https://${server.hostname}:2083/cpsess${sessions}/login/?session=${request.username}:double${sessions}${app}` };
    },
    async getUsage(server: PanelServer, username: string): Promise<PanelUsage> {
      await record("getUsage", server, [username]);
      return { ...double.usage };
    },
    async createMailbox(server: PanelServer, input: CreateMailboxInput) {
      await record("createMailbox", server, [input]);
    },
  };
  return double;
}

export const panelUnavailable = () => new HostingPanelError("unavailable", "stand-in: the panel does not answer");

/**
 * Call at the top of a test file: a double installed as the hosting panel for every test, emptied
 * (calls, failures, delays) before each one, and the configured panel restored after the file.
 */
export function installHostingDouble(): HostingDouble {
  const double = createHostingDouble();
  beforeEach(() => {
    double.reset();
    setProviderForTests("hosting", double);
  });
  afterAll(() => setProviderForTests("hosting", null));
  return double;
}
