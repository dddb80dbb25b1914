import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { HOSTING_PANEL_ERRORS, HostingPanelError, type HostingPanel, type PanelServer } from "@/lib/hosting/hosting-panel";
import { catalogs } from "@/lib/i18n/messages";
import { codeForWhmReason, createWhmPanel, parseWhmMegabytes } from "@/lib/hosting/whm-panel";
import { panelFailure } from "@/tests/helpers/panel-failure";
import { STAND_IN_WHM_TOKEN, STAND_IN_WHM_USER, startWhmStandIn, type StandInAccount, type WhmStandIn } from "@/tests/helpers/whm-stand-in";

// Contract tests of the WHM API 1 adapter over real HTTP against tests/helpers/whm-stand-in.ts:
// for every method, the exact request (path, query, Authorization header) and the answer's handling
// (success, result 0 with HTTP 200, 401, timeout, malformed JSON).

// The timeout cases use a short limit; every other call gets a generous one, so a busy machine does
// not turn a normal answer into a timeout.
const TIMEOUT_MS = 250;
const NORMAL_TIMEOUT_MS = 10_000;
const AUTH = `whm ${STAND_IN_WHM_USER}:${STAND_IN_WHM_TOKEN}`;

let standIn: WhmStandIn;
let panel: HostingPanel;
const server: PanelServer = { id: 7, hostname: "server1.example.net", port: 2087, username: STAND_IN_WHM_USER, token: STAND_IN_WHM_TOKEN, nameservers: ["ns1.example.net", "ns2.example.net"] };

function addAccount(user: string, overrides: Partial<StandInAccount> = {}): StandInAccount {
  const account: StandInAccount = {
    user,
    domain: `${user}.example.com`,
    plan: "basico",
    email: `${user}@cliente.test`,
    suspended: false,
    suspendReason: null,
    password: "Old-Pass-2026!",
    diskused: "123M",
    disklimit: "1024M",
    bandwidthBytes: 5 * 1024 * 1024 * 1024,
    bandwidthLimitBytes: 0,
    mailboxes: [],
    ...overrides,
  };
  standIn.accounts.set(user, account);
  return account;
}

type Case = {
  name: string;
  invoke: () => Promise<unknown>;
  /** Every request the call makes, in order of path: [path, exact query]. */
  requests: [string, Record<string, string>][];
  succeeded: (result: unknown) => void;
};

const month = String(new Date().getUTCMonth() + 1);
const year = String(new Date().getUTCFullYear());

const cases: Case[] = [
  {
    name: "createAccount (createacct)",
    invoke: () =>
      panel.createAccount(server, { username: "nuevacta", domain: "nueva.es", plan: "basico", password: "S3cret-Pass!", contactEmail: "ana@cliente.test", quotaMb: 2048, dedicatedIp: true }),
    requests: [
      [
        "/json-api/createacct",
        { "api.version": "1", username: "nuevacta", domain: "nueva.es", plan: "basico", password: "S3cret-Pass!", contactemail: "ana@cliente.test", quota: "2048", ip: "y" },
      ],
    ],
    succeeded: (result) => {
      expect(result).toEqual({ ip: "192.0.2.50" });
      expect(standIn.accounts.get("nuevacta")).toMatchObject({ domain: "nueva.es", plan: "basico", disklimit: "2048M" });
    },
  },
  {
    name: "accountExists (accountsummary)",
    invoke: () => panel.accountExists(server, "cuenta1"),
    requests: [["/json-api/accountsummary", { "api.version": "1", user: "cuenta1" }]],
    succeeded: (result) => expect(result).toBe(true),
  },
  {
    name: "suspendAccount (suspendacct)",
    invoke: () => panel.suspendAccount(server, "cuenta1", "Factura vencida"),
    requests: [["/json-api/suspendacct", { "api.version": "1", user: "cuenta1", reason: "Factura vencida" }]],
    succeeded: () => expect(standIn.accounts.get("cuenta1")).toMatchObject({ suspended: true, suspendReason: "Factura vencida" }),
  },
  {
    name: "unsuspendAccount (unsuspendacct)",
    invoke: () => panel.unsuspendAccount(server, "cuenta1"),
    requests: [["/json-api/unsuspendacct", { "api.version": "1", user: "cuenta1" }]],
    succeeded: () => expect(standIn.accounts.get("cuenta1")?.suspended).toBe(false),
  },
  {
    name: "terminateAccount (removeacct)",
    invoke: () => panel.terminateAccount(server, "cuenta1"),
    requests: [["/json-api/removeacct", { "api.version": "1", username: "cuenta1" }]],
    succeeded: () => expect(standIn.accounts.has("cuenta1")).toBe(false),
  },
  {
    name: "changePackage (changepackage)",
    invoke: () => panel.changePackage(server, "cuenta1", "profesional"),
    requests: [["/json-api/changepackage", { "api.version": "1", user: "cuenta1", pkg: "profesional" }]],
    succeeded: () => expect(standIn.accounts.get("cuenta1")?.plan).toBe("profesional"),
  },
  {
    name: "changePassword (passwd)",
    invoke: () => panel.changePassword(server, "cuenta1", "New-Pass-2026!"),
    requests: [["/json-api/passwd", { "api.version": "1", user: "cuenta1", password: "New-Pass-2026!" }]],
    succeeded: () => expect(standIn.accounts.get("cuenta1")?.password).toBe("New-Pass-2026!"),
  },
  {
    name: "createSession for Webmail with an app (create_user_session)",
    invoke: () => panel.createSession(server, { username: "cuenta1", service: "webmaild", app: "Email_Accounts", locale: "es" }),
    requests: [["/json-api/create_user_session", { "api.version": "1", user: "cuenta1", service: "webmaild", app: "Email_Accounts", locale: "es" }]],
    succeeded: (result) => expect((result as { url: string }).url).toMatch(/^https:\/\/server1\.example\.net:2096\/cpsess\d{10}\/login\/\?session=cuenta1/),
  },
  {
    name: "getUsage (accountsummary + showbw)",
    invoke: () => panel.getUsage(server, "cuenta1"),
    requests: [
      ["/json-api/accountsummary", { "api.version": "1", user: "cuenta1" }],
      ["/json-api/showbw", { "api.version": "1", month, year, searchtype: "user", search: "^cuenta1$" }],
    ],
    succeeded: (result) => expect(result).toEqual({ diskUsedMb: 123, diskLimitMb: 1024, bandwidthUsedMb: 5120, bandwidthLimitMb: null }),
  },
  {
    name: "createMailbox (uapi_cpanel Email::add_pop)",
    invoke: () => panel.createMailbox(server, { username: "cuenta1", domain: "cuenta1.example.com", localPart: "info", password: "Mail-Pass-2026!", quotaMb: 1024 }),
    requests: [
      [
        "/json-api/uapi_cpanel",
        {
          "api.version": "1",
          "cpanel.user": "cuenta1",
          "cpanel.module": "Email",
          "cpanel.function": "add_pop",
          email: "info",
          domain: "cuenta1.example.com",
          password: "Mail-Pass-2026!",
          quota: "1024",
        },
      ],
    ],
    succeeded: () => expect(standIn.accounts.get("cuenta1")?.mailboxes).toEqual(["info@cuenta1.example.com"]),
  },
];

function expectRequests(expected: Case["requests"]) {
  const sorted = [...standIn.requests].sort((a, b) => a.path.localeCompare(b.path));
  expect(sorted.map((request) => [request.path, request.query])).toEqual([...expected].sort((a, b) => a[0].localeCompare(b[0])));
  for (const request of standIn.requests) {
    expect(request.method).toBe("GET");
    expect(request.authorization).toBe(AUTH);
  }
}

function expectNoTokenIn(error: HostingPanelError) {
  expect(error.message).not.toContain(STAND_IN_WHM_TOKEN);
  expect(String(error.cause ?? "")).not.toContain(STAND_IN_WHM_TOKEN);
  expect(JSON.stringify(error)).not.toContain(STAND_IN_WHM_TOKEN);
}

beforeAll(async () => {
  standIn = await startWhmStandIn();
  panel = createWhmPanel({ baseUrl: standIn.baseUrl, timeoutMs: NORMAL_TIMEOUT_MS });
});

afterAll(async () => {
  await standIn.close();
});

beforeEach(() => {
  standIn.requests.length = 0;
  standIn.accounts.clear();
  addAccount("cuenta1");
});

describe.each(cases)("WHM adapter: $name", (testCase) => {
  it("sends the documented request with the whm token header, and reads the answer", async () => {
    const result = await testCase.invoke();
    expectRequests(testCase.requests);
    testCase.succeeded(result);
  });

  it("treats result 0 with HTTP 200 as a failure, with WHM's reason for the log only", async () => {
    standIn.misbehaveNext({ kind: "result0", reason: "The system could not complete the request because of a locked file." });
    const error = await panelFailure(testCase.invoke());
    expect(error.code).toBe("rejected");
    expect(error.messageKey).toBe("hosting.errors.rejected");
    expect(error.message).toContain("locked file");
    expectRequests(testCase.requests);
    expectNoTokenIn(error);
  });

  it("answers unauthorized on a 401", async () => {
    standIn.misbehaveNext({ kind: "http", status: 401 });
    const error = await panelFailure(testCase.invoke());
    expect(error.code).toBe("unauthorized");
    expectRequests(testCase.requests);
    expectNoTokenIn(error);
  });

  it("gives up after the timeout: unavailable", async () => {
    // The answer would come after 10 s; the adapter gives up long before (margin for a busy machine).
    standIn.misbehaveNext({ kind: "slow", ms: 10_000 });
    const normalPanel = panel;
    panel = createWhmPanel({ baseUrl: standIn.baseUrl, timeoutMs: TIMEOUT_MS });
    const started = Date.now();
    const error = await panelFailure(testCase.invoke()).finally(() => {
      panel = normalPanel;
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.code).toBe("unavailable");
    expect(error.message).toContain(`${TIMEOUT_MS} ms`);
    expectRequests(testCase.requests);
    expectNoTokenIn(error);
  });

  it("answers bad_response to malformed JSON", async () => {
    standIn.misbehaveNext({ kind: "malformed" });
    const error = await panelFailure(testCase.invoke());
    expect(error.code).toBe("bad_response");
    expectRequests(testCase.requests);
    expectNoTokenIn(error);
  });
});

describe("WHM adapter: WHM's own failures", () => {
  it("maps an existing username on createacct to already_exists", async () => {
    const error = await panelFailure(panel.createAccount(server, { username: "cuenta1", domain: "otra.es", plan: "basico", password: "S3cret-Pass!", contactEmail: "a@cliente.test" }));
    expect(error.code).toBe("already_exists");
    expect(error.message).toContain("already exists");
  });

  it("maps a missing user to not_found, and accountExists to false", async () => {
    expect(await panel.accountExists(server, "nadie")).toBe(false);
    expect((await panelFailure(panel.suspendAccount(server, "nadie", "x"))).code).toBe("not_found");
    expect((await panelFailure(panel.terminateAccount(server, "nadie"))).code).toBe("not_found");
  });

  it("refuses a UAPI add_pop whose data.uapi.status is 0 although metadata.result is 1", async () => {
    standIn.misbehaveNext({ kind: "uapiFailure", errors: ["The account info@cuenta1.example.com already exists!"] });
    const error = await panelFailure(panel.createMailbox(server, { username: "cuenta1", domain: "cuenta1.example.com", localPart: "info", password: "Mail-Pass-2026!", quotaMb: 0 }));
    expect(error.code).toBe("rejected");
    expect(error.message).toContain("already exists!");
    // The real stand-in answer for a duplicate mailbox takes the same path.
    await panel.createMailbox(server, { username: "cuenta1", domain: "cuenta1.example.com", localPart: "ventas", password: "Mail-Pass-2026!", quotaMb: 0 });
    const duplicate = await panelFailure(panel.createMailbox(server, { username: "cuenta1", domain: "cuenta1.example.com", localPart: "ventas", password: "Mail-Pass-2026!", quotaMb: 0 }));
    expect(duplicate.code).toBe("rejected");
  });

  it("reads unlimited disk and a bandwidth limit in bytes", async () => {
    addAccount("cuenta2", { diskused: "0M", disklimit: "unlimited", bandwidthBytes: 0, bandwidthLimitBytes: 10 * 1024 * 1024 * 1024 });
    expect(await panel.getUsage(server, "cuenta2")).toEqual({ diskUsedMb: 0, diskLimitMb: null, bandwidthUsedMb: 0, bandwidthLimitMb: 10240 });
  });

  it("asks showbw for exactly one user (the PCRE is anchored and escaped)", async () => {
    addAccount("cuenta10");
    await panel.getUsage(server, "cuenta1");
    expect(standIn.requests.find((request) => request.path === "/json-api/showbw")?.query.search).toBe("^cuenta1$");
  });

  it("sends nothing when the server has no token: unauthorized", async () => {
    const error = await panelFailure(panel.suspendAccount({ ...server, token: null }, "cuenta1", "x"));
    expect(error.code).toBe("unauthorized");
    expect(standIn.requests).toEqual([]);
  });

  it("answers unavailable when nothing listens and on a 5xx", async () => {
    const closed = await startWhmStandIn();
    await closed.close();
    const unreachable = createWhmPanel({ baseUrl: closed.baseUrl, timeoutMs: TIMEOUT_MS });
    expect((await panelFailure(unreachable.unsuspendAccount(server, "cuenta1"))).code).toBe("unavailable");
    standIn.misbehaveNext({ kind: "http", status: 503 });
    expect((await panelFailure(panel.unsuspendAccount(server, "cuenta1"))).code).toBe("unavailable");
  });

  it("builds https://HOST:PORT when no base URL is given", async () => {
    const real = createWhmPanel({ timeoutMs: TIMEOUT_MS });
    // Nothing answers on this port of the loopback address: the call fails, but the URL was HOST:PORT.
    const error = await panelFailure(real.unsuspendAccount({ ...server, hostname: "127.0.0.1", port: 1 }, "cuenta1"));
    expect(error.code).toBe("unavailable");
    expect(error.message).toContain("WHM unsuspendacct on server 7");
  });
});

describe("WHM helpers", () => {
  it("has a Spanish and an English message for every error code", () => {
    for (const code of HOSTING_PANEL_ERRORS) {
      expect(catalogs.es.hosting.errors[code], code).toMatch(/\S/);
      expect(catalogs.en.hosting.errors[code], code).toMatch(/\S/);
    }
  });

  it("parses WHM's megabyte strings", () => {
    expect(parseWhmMegabytes("123M")).toBe(123);
    expect(parseWhmMegabytes("1.5G")).toBe(1536);
    expect(parseWhmMegabytes("512K")).toBe(1);
    expect(parseWhmMegabytes("unlimited")).toBeNull();
    expect(parseWhmMegabytes("none")).toBeNull();
    expect(parseWhmMegabytes(250)).toBe(250);
  });

  it("maps WHM's reasons to our codes", () => {
    expect(codeForWhmReason("Sorry, a group for that username already exists.")).toBe("already_exists");
    expect(codeForWhmReason("Sorry, the domain x.es is already owned by another user.")).toBe("already_exists");
    expect(codeForWhmReason("Account does not exist.")).toBe("not_found");
    expect(codeForWhmReason("The user “x” does not exist.")).toBe("not_found");
    expect(codeForWhmReason("Access denied")).toBe("unauthorized");
    expect(codeForWhmReason("Invalid user name “1abc”.")).toBe("rejected");
  });
});
