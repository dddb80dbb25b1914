import http from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP server that answers the part of WHM API 1 the portal uses, the way WHM does
// (https://api.docs.cpanel.net/, envelopes as in ../shared/INTEGRATIONS.md §1): GET
// /json-api/<function>?api.version=1&…, `Authorization: whm USER:TOKEN`, HTTP 200 with
// {data, metadata: {command, reason, result, version}} where result 0 is a failure, and
// uapi_cpanel wrapping a UAPI answer in data.uapi with its own `status`. It keeps accounts in
// memory, records every request, and can be told to misbehave for the next request: a result-0
// failure, an HTTP status (401), a slow answer, malformed JSON or a failed UAPI call.

export const STAND_IN_WHM_USER = "root";
export const STAND_IN_WHM_TOKEN = "STANDINTOKEN0123456789ABCDEFGHIJ";

export type RecordedWhmRequest = {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
};

export type StandInAccount = {
  user: string;
  domain: string;
  plan: string;
  email: string;
  suspended: boolean;
  suspendReason: string | null;
  password: string;
  /** "123M" style, as accountsummary reports it. */
  diskused: string;
  disklimit: string;
  /** Bytes, as showbw reports them (limit 0: unlimited). */
  bandwidthBytes: number;
  bandwidthLimitBytes: number;
  mailboxes: string[];
};

export type WhmMisbehaviour =
  | { kind: "result0"; reason: string }
  | { kind: "http"; status: number }
  | { kind: "slow"; ms: number }
  | { kind: "malformed" }
  | { kind: "uapiFailure"; errors: string[] };

export type WhmStandIn = {
  baseUrl: string;
  requests: RecordedWhmRequest[];
  accounts: Map<string, StandInAccount>;
  /** Applies to the next request (whatever its function), then normal answers resume. */
  misbehaveNext(misbehaviour: WhmMisbehaviour): void;
  close(): Promise<void>;
};

type Envelope = { data?: unknown; metadata: { command: string; reason: string; result: 0 | 1; version: 1; output?: { raw?: string } } };

const ok = (command: string, reason: string, data?: unknown): Envelope => ({
  ...(data === undefined ? {} : { data }),
  metadata: { command, reason, result: 1, version: 1 },
});
const failed = (command: string, reason: string): Envelope => ({ metadata: { command, reason, result: 0, version: 1 } });

export type WhmStandInOptions = {
  /** Every answer waits this long, as a busy panel across the Atlantic would (the benchmark uses 300 ms). */
  latencyMs?: number;
};

export async function startWhmStandIn(options: WhmStandInOptions = {}): Promise<WhmStandIn> {
  const requests: RecordedWhmRequest[] = [];
  const accounts = new Map<string, StandInAccount>();
  const pending: WhmMisbehaviour[] = [];
  let sessionCounter = 1000;

  function answer(fn: string, q: Record<string, string>): Envelope {
    switch (fn) {
      case "createacct": {
        const user = q.username ?? "";
        if (!user) return failed(fn, "No user name supplied: “username” is a required argument.");
        if (user.length > 16 || !/^[a-z][a-z0-9]*$/.test(user) || user.startsWith("test")) return failed(fn, `Invalid user name “${user}”.`);
        if (accounts.has(user)) return failed(fn, "Sorry, a group for that username already exists.");
        if ([...accounts.values()].some((account) => account.domain === q.domain)) return failed(fn, `Sorry, the domain ${q.domain} is already owned by another user.`);
        accounts.set(user, {
          user,
          domain: q.domain ?? "",
          plan: q.plan ?? "default",
          email: q.contactemail ?? "",
          suspended: false,
          suspendReason: null,
          password: q.password ?? "",
          diskused: "0M",
          disklimit: q.quota ? `${q.quota}M` : "unlimited",
          bandwidthBytes: 0,
          bandwidthLimitBytes: 0,
          mailboxes: [],
        });
        return {
          data: {
            ip: q.ip === "y" ? "192.0.2.50" : "192.0.2.10",
            nameserver: "ns1.example.net",
            nameserver2: "ns2.example.net",
            nameserver3: null,
            nameserver4: null,
            nameservera: null,
            nameservera2: null,
            nameservera3: null,
            nameservera4: null,
            nameserverentry: null,
            nameserverentry2: null,
            nameserverentry3: null,
            nameserverentry4: null,
            package: q.plan ?? "default",
          },
          metadata: { command: fn, reason: "Account Creation Ok", result: 1, version: 1, output: { raw: `Account Creation Ok for ${user}` } },
        };
      }
      case "accountsummary": {
        const account = accounts.get(q.user ?? "");
        if (!account) return failed(fn, "Account does not exist.");
        return ok(fn, "OK", {
          acct: [
            {
              user: account.user,
              domain: account.domain,
              diskused: account.diskused,
              disklimit: account.disklimit,
              suspended: account.suspended ? 1 : 0,
              suspendreason: account.suspendReason ?? "not suspended",
              plan: account.plan,
              email: account.email,
              ip: "192.0.2.10",
              startdate: "24 Jan 01 10:00",
              unix_startdate: 1706090400,
              owner: "root",
              partition: "home",
              theme: "jupiter",
              shell: "/usr/local/cpanel/bin/noshell",
              maxaddons: "unlimited",
              maxparked: "unlimited",
              maxpop: "unlimited",
              maxsql: "unlimited",
              maxsub: "unlimited",
              maxftp: "unlimited",
              maxlst: "unlimited",
              is_locked: 0,
              outgoing_mail_hold: 0,
              outgoing_mail_suspended: 0,
              uid: 1001,
            },
          ],
        });
      }
      case "showbw": {
        const pattern = q.searchtype === "user" && q.search ? new RegExp(q.search) : null;
        const matched = [...accounts.values()].filter((account) => (pattern ? pattern.test(account.user) : true));
        const acct = matched.map((account) => ({
          user: account.user,
          maindomain: account.domain,
          owner: "root",
          reseller: 0,
          deleted: 0,
          limit: account.bandwidthLimitBytes,
          totalbytes: account.bandwidthBytes,
          bwusage: [{ domain: account.domain, usage: account.bandwidthBytes, deleted: 0 }],
        }));
        const now = new Date();
        return ok(fn, "OK", {
          acct,
          month: Number(q.month ?? now.getUTCMonth() + 1),
          year: Number(q.year ?? now.getUTCFullYear()),
          reseller: "root",
          totalused: acct.reduce((sum, row) => sum + row.totalbytes, 0),
        });
      }
      case "suspendacct": {
        const account = accounts.get(q.user ?? "");
        if (!account) return failed(fn, `The user “${q.user}” does not exist.`);
        account.suspended = true;
        account.suspendReason = q.reason ?? "";
        return { metadata: { command: fn, reason: "OK", result: 1, version: 1, output: { raw: `Suspending account ${account.user}` } } };
      }
      case "unsuspendacct": {
        const account = accounts.get(q.user ?? "");
        if (!account) return failed(fn, `The user “${q.user}” does not exist.`);
        account.suspended = false;
        account.suspendReason = null;
        return ok(fn, "OK");
      }
      case "removeacct": {
        const user = q.username ?? q.user ?? "";
        if (!accounts.delete(user)) return failed(fn, `The user “${user}” does not exist.`);
        return { metadata: { command: fn, reason: "OK", result: 1, version: 1, output: { raw: `Account Removal Ok for ${user}` } } };
      }
      case "changepackage": {
        const account = accounts.get(q.user ?? "");
        if (!account) return failed(fn, `The user “${q.user}” does not exist.`);
        if (!q.pkg) return failed(fn, "Specify a package.");
        account.plan = q.pkg;
        return { metadata: { command: fn, reason: `Account Upgrade/Downgrade Complete for ${account.user}`, result: 1, version: 1 } };
      }
      case "passwd": {
        const account = accounts.get(q.user ?? "");
        if (!account) return failed(fn, `The user “${q.user}” does not exist.`);
        account.password = q.password ?? "";
        return { data: { app: ["ftp"] }, metadata: { command: fn, reason: `Password changed for user “${account.user}”.`, result: 1, version: 1 } };
      }
      case "create_user_session": {
        const user = q.user ?? "";
        const account = accounts.get(user);
        if (!account) return failed(fn, `The user “${user}” does not exist.`);
        if (!["cpaneld", "webmaild", "whostmgrd"].includes(q.service ?? "")) return failed(fn, "Invalid service.");
        const port = q.service === "webmaild" ? 2096 : 2083;
        const session = `${user}:${(sessionCounter++).toString(16)}:create_user_session:0123456789abcdef`;
        const token = `/cpsess${sessionCounter.toString().padStart(10, "0")}`;
        const app = q.app ? `&goto_app=${encodeURIComponent(q.app)}` : "";
        return ok(fn, "OK", {
          url: `https://server1.example.net:${port}${token}/login/?session=${encodeURIComponent(session)}${app}`,
          session,
          cp_security_token: token,
          expires: Math.floor(Date.now() / 1000) + 900,
          service: q.service,
        });
      }
      case "uapi_cpanel": {
        const account = accounts.get(q["cpanel.user"] ?? "");
        if (!account) return failed(fn, `User parameter is invalid or was not supplied: “${q["cpanel.user"]}” does not exist.`);
        if (q["cpanel.module"] !== "Email" || q["cpanel.function"] !== "add_pop") return failed(fn, "Unknown module or function.");
        const address = `${q.email}@${q.domain}`;
        const uapi = account.mailboxes.includes(address)
          ? { status: 0, errors: [`The account ${address} already exists!`], messages: null, warnings: null, data: null, metadata: {} }
          : (account.mailboxes.push(address), { status: 1, errors: null, messages: null, warnings: null, data: address.replace("@", "+"), metadata: {} });
        return ok(fn, "OK", { uapi });
      }
      default:
        return failed(fn, `Unknown app (“${fn}”) requested for this version (1) of the API.`);
    }
  }

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const query = Object.fromEntries(url.searchParams);
    const authorization = request.headers.authorization ?? null;
    requests.push({ method: request.method ?? "", path: url.pathname, query, authorization });

    const send = (status: number, body: string, type = "application/json") => {
      response.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
      response.end(body);
    };
    const misbehaviour = pending.shift();
    const delayMs = misbehaviour?.kind === "slow" ? misbehaviour.ms : (options.latencyMs ?? 0);
    if (delayMs > 0) {
      const timer = setTimeout(() => respond(), delayMs);
      response.on("close", () => clearTimeout(timer));
      return;
    }
    respond();

    function respond() {
      if (misbehaviour?.kind === "http") {
        send(misbehaviour.status, "<html><body><h1>Access denied</h1></body></html>", "text/html");
        return;
      }
      if (misbehaviour?.kind === "malformed") {
        send(200, '{"metadata":{"result":1,"reason":"OK"');
        return;
      }
      if (authorization !== `whm ${STAND_IN_WHM_USER}:${STAND_IN_WHM_TOKEN}`) {
        send(401, "<html><body><h1>Access denied</h1></body></html>", "text/html");
        return;
      }
      const match = /^\/json-api\/([a-z_]+)$/.exec(url.pathname);
      if (request.method !== "GET" || !match || query["api.version"] !== "1") {
        send(404, "<html><body><h1>Not found</h1></body></html>", "text/html");
        return;
      }
      const fn = match[1]!;
      if (misbehaviour?.kind === "result0") {
        send(200, JSON.stringify(failed(fn, misbehaviour.reason)));
        return;
      }
      if (misbehaviour?.kind === "uapiFailure") {
        send(200, JSON.stringify(ok(fn, "OK", { uapi: { status: 0, errors: misbehaviour.errors, messages: null, warnings: null, data: null, metadata: {} } })));
        return;
      }
      send(200, JSON.stringify(answer(fn, query)));
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    accounts,
    misbehaveNext: (misbehaviour) => pending.push(misbehaviour),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
