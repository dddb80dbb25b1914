import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { codeForLogicBoxesMessage, createLogicBoxesClient } from "@/lib/registrar/logicboxes/client";
import * as lbDomains from "@/lib/registrar/logicboxes/domains";
import { createLogicBoxesRegistrar, registryStatusOf } from "@/lib/registrar/logicboxes/logicboxes-registrar";
import { RegistrarError, type DomainContact, type Registrar } from "@/lib/registrar/registrar";
import {
  STAND_IN_API_KEY,
  STAND_IN_CUSTOMER_ID,
  STAND_IN_RESELLER_ID,
  startLogicBoxesStandIn,
  type LogicBoxesStandIn,
  type StandInOrder,
} from "@/tests/helpers/logicboxes-stand-in";

// Contract tests of the LogicBoxes (ResellerClub) adapter over real HTTP against
// tests/helpers/logicboxes-stand-in.ts: for every Registrar method the exact requests (method, path,
// every query parameter including auth-userid and api-key), the answer's handling, and each failure
// mode (error envelope, 401, 403, timeout, 5xx, malformed JSON, JSON of the wrong shape) mapped to
// a RegistrarError code, with the api-key never in an error or in console output.

// Short, for the timeout tests; every other call gets NORMAL_TIMEOUT_MS so a busy machine cannot
// turn a slow connect into a timeout that never reaches the stand-in.
const TIMEOUT_MS = 250;
const NORMAL_TIMEOUT_MS = 5_000;
const AUTH = { "auth-userid": STAND_IN_RESELLER_ID, "api-key": STAND_IN_API_KEY };
const EXPIRY_EPOCH = Date.UTC(2027, 2, 15, 13, 34, 52) / 1000;

let standIn: LogicBoxesStandIn;
let registrar: Registrar;
let normalRegistrar: Registrar;
let impatientRegistrar: Registrar;
let order: StandInOrder;
let ownerContactId: number;
let consoleOutput: string[];

const ana: DomainContact = {
  name: "Ana García",
  email: "ana@cliente.test",
  phone: "+34.912345678",
  address1: "Calle Mayor 1",
  city: "Madrid",
  state: "Madrid",
  postcode: "28013",
  country: "ES",
};
const empresa: DomainContact = { ...ana, name: "Luis Pérez", company: "Tiendas Pérez SL", email: "luis@empresa.test", address2: "2º B" };

const anaQuery = {
  ...AUTH,
  name: "Ana García",
  company: "N/A",
  email: "ana@cliente.test",
  "address-line-1": "Calle Mayor 1",
  city: "Madrid",
  state: "Madrid",
  country: "ES",
  zipcode: "28013",
  "phone-cc": "34",
  phone: "912345678",
  "customer-id": STAND_IN_CUSTOMER_ID,
  type: "Contact",
};
const empresaQuery = { ...anaQuery, name: "Luis Pérez", company: "Tiendas Pérez SL", email: "luis@empresa.test", "address-line-2": "2º B" };

type Expected = [method: "GET" | "POST", path: string, query: Record<string, string | string[]>];

/** The contact ids the stand-in handed out, oldest first (the fixture's owner is the first). */
const contactIds = () => [...standIn.contacts.keys()].map(String);
const details = (name: string): Expected => ["GET", "/api/domains/details-by-name.json", { ...AUTH, "domain-name": name, options: "All" }];
const orderIdOf = (name: string): Expected => ["GET", "/api/domains/orderid.json", { ...AUTH, "domain-name": name }];

type Case = {
  name: string;
  invoke: () => Promise<unknown>;
  /** Every request the call makes, in order; evaluated after the call (ids handed out meanwhile). */
  requests: () => Expected[];
  succeeded: (result: unknown) => void;
};

const cases: Case[] = [
  {
    name: "checkAvailability (domains/available)",
    invoke: () => registrar.checkAvailability(["Libre.com", "mi-tienda.com", "de-otro.com", "nadie-sabe.com"]),
    requests: () => [["GET", "/api/domains/available.json", { ...AUTH, "domain-name": ["libre", "mi-tienda", "de-otro", "nadie-sabe"], tlds: "com" }]],
    succeeded: (result) =>
      expect(result).toEqual([
        { name: "libre.com", status: "available" },
        { name: "mi-tienda.com", status: "taken" },
        { name: "de-otro.com", status: "taken" },
        { name: "nadie-sabe.com", status: "unknown" },
      ]),
  },
  {
    name: "register (contacts/add + domains/register)",
    invoke: () =>
      registrar.register({
        name: "nueva.com",
        years: 2,
        nameservers: ["ns1.hosting.test", "ns2.hosting.test"],
        contacts: { registrant: ana, admin: empresa, tech: ana },
        idProtection: true,
      }),
    requests: () => {
      const [, anaId, empresaId] = contactIds();
      return [
        ["POST", "/api/contacts/add.json", anaQuery],
        ["POST", "/api/contacts/add.json", empresaQuery],
        [
          "POST",
          "/api/domains/register.json",
          {
            ...AUTH,
            "domain-name": "nueva.com",
            years: "2",
            ns: ["ns1.hosting.test", "ns2.hosting.test"],
            "customer-id": STAND_IN_CUSTOMER_ID,
            "reg-contact-id": anaId!,
            "admin-contact-id": empresaId!,
            "tech-contact-id": anaId!,
            "billing-contact-id": empresaId!,
            "invoice-option": "NoInvoice",
            "purchase-privacy": "true",
            "protect-privacy": "true",
          },
        ],
        details("nueva.com"),
      ];
    },
    succeeded: (result) => {
      // The vendor's endtime, as details-by-name reports it.
      expect(result).toEqual({ expiryDate: new Date(standIn.orders.get("nueva.com")!.endtime! * 1000).toISOString().slice(0, 10) });
      expect(standIn.orders.get("nueva.com")).toMatchObject({ currentStatus: "Active", privacy: true, nameservers: ["ns1.hosting.test", "ns2.hosting.test"] });
    },
  },
  {
    name: "transfer (contacts/add + domains/transfer)",
    invoke: () =>
      registrar.transfer({
        name: "de-otro.com",
        eppCode: "EPP-code#2026",
        nameservers: ["ns1.hosting.test", "ns2.hosting.test"],
        contacts: { registrant: ana, admin: ana, tech: ana },
        idProtection: false,
      }),
    requests: () => {
      const [, anaId] = contactIds();
      return [
        ["POST", "/api/contacts/add.json", anaQuery],
        [
          "POST",
          "/api/domains/transfer.json",
          {
            ...AUTH,
            "domain-name": "de-otro.com",
            "auth-code": "EPP-code#2026",
            ns: ["ns1.hosting.test", "ns2.hosting.test"],
            "customer-id": STAND_IN_CUSTOMER_ID,
            "reg-contact-id": anaId!,
            "admin-contact-id": anaId!,
            "tech-contact-id": anaId!,
            "billing-contact-id": anaId!,
            "invoice-option": "NoInvoice",
            "purchase-privacy": "false",
            "protect-privacy": "false",
          },
        ],
      ];
    },
    succeeded: (result) => {
      expect(result).toEqual({ status: "pending_transfer" });
      expect(standIn.orders.get("de-otro.com")?.currentStatus).toBe("InActive");
    },
  },
  {
    name: "renew (details-by-name + domains/renew with exp-date)",
    invoke: () => registrar.renew({ name: "mi-tienda.com", years: 1, currentExpiryDate: "2027-03-15" }),
    requests: () => [
      details("mi-tienda.com"),
      [
        "POST",
        "/api/domains/renew.json",
        { ...AUTH, "order-id": String(order.orderId), years: "1", "exp-date": String(EXPIRY_EPOCH), "invoice-option": "NoInvoice", "auto-renew": "false" },
      ],
    ],
    succeeded: (result) => {
      expect(result).toEqual({ expiryDate: "2028-03-15" });
      expect(order.endtime).toBeGreaterThan(EXPIRY_EPOCH);
    },
  },
  {
    name: "getNameservers (details-by-name)",
    invoke: () => registrar.getNameservers("mi-tienda.com"),
    requests: () => [details("mi-tienda.com")],
    succeeded: (result) => expect(result).toEqual(["ns1.example.net", "ns2.example.net", "ns3.example.net"]),
  },
  {
    name: "saveNameservers (orderid + domains/modify-ns)",
    invoke: () => registrar.saveNameservers("mi-tienda.com", ["ns1.hosting.test", "ns2.hosting.test"]),
    requests: () => [
      orderIdOf("mi-tienda.com"),
      ["POST", "/api/domains/modify-ns.json", { ...AUTH, "order-id": String(order.orderId), ns: ["ns1.hosting.test", "ns2.hosting.test"] }],
    ],
    succeeded: () => expect(order.nameservers).toEqual(["ns1.hosting.test", "ns2.hosting.test"]),
  },
  {
    name: "getContacts (details-by-name)",
    invoke: () => registrar.getContacts("mi-tienda.com"),
    requests: () => [details("mi-tienda.com")],
    succeeded: (result) => expect(result).toEqual({ registrant: ana, admin: ana, tech: ana }),
  },
  {
    name: "saveContacts (orderid + contacts/add + domains/modify-contact)",
    invoke: () => registrar.saveContacts("mi-tienda.com", { registrant: empresa, admin: empresa, tech: ana }),
    requests: () => {
      const [, empresaId, anaId] = contactIds();
      return [
        orderIdOf("mi-tienda.com"),
        ["POST", "/api/contacts/add.json", empresaQuery],
        ["POST", "/api/contacts/add.json", anaQuery],
        [
          "POST",
          "/api/domains/modify-contact.json",
          { ...AUTH, "order-id": String(order.orderId), "reg-contact-id": empresaId!, "admin-contact-id": empresaId!, "tech-contact-id": anaId!, "billing-contact-id": empresaId! },
        ],
      ];
    },
    succeeded: () => expect(order.contacts.registrant).toBe(Number(contactIds()[1])),
  },
  {
    name: "getLock (details-by-name: transferlock)",
    invoke: () => registrar.getLock("mi-tienda.com"),
    requests: () => [details("mi-tienda.com")],
    succeeded: (result) => expect(result).toBe(true),
  },
  {
    name: "setLock off (orderid + domains/disable-theft-protection)",
    invoke: () => registrar.setLock("mi-tienda.com", false),
    requests: () => [orderIdOf("mi-tienda.com"), ["POST", "/api/domains/disable-theft-protection.json", { ...AUTH, "order-id": String(order.orderId) }]],
    succeeded: () => expect(order.locked).toBe(false),
  },
  {
    name: "getEppCode (details-by-name: domsecret)",
    invoke: () => registrar.getEppCode("mi-tienda.com"),
    requests: () => [details("mi-tienda.com")],
    succeeded: (result) => expect(result).toBe("5npuY-XQnJ"),
  },
  {
    name: "setIdProtection (orderid + domains/modify-privacy-protection)",
    invoke: () => registrar.setIdProtection("mi-tienda.com", true),
    requests: () => [
      orderIdOf("mi-tienda.com"),
      ["POST", "/api/domains/modify-privacy-protection.json", { ...AUTH, "order-id": String(order.orderId), "protect-privacy": "true", reason: "Customer enabled ID protection" }],
    ],
    succeeded: () => expect(order.privacy).toBe(true),
  },
  {
    name: "listPrivateNameservers (details-by-name: cns)",
    invoke: () => registrar.listPrivateNameservers("mi-tienda.com"),
    requests: () => [details("mi-tienda.com")],
    succeeded: (result) => expect(result).toEqual([{ host: "ns1.mi-tienda.com", ipv4: ["192.0.2.10"], ipv6: ["2001:db8::10"] }]),
  },
  {
    name: "registerPrivateNameserver (orderid + domains/add-cns)",
    invoke: () => registrar.registerPrivateNameserver("mi-tienda.com", { host: "ns2.mi-tienda.com", ipv4: ["192.0.2.11"], ipv6: ["2001:db8::11"] }),
    requests: () => [
      orderIdOf("mi-tienda.com"),
      ["POST", "/api/domains/add-cns.json", { ...AUTH, "order-id": String(order.orderId), cns: "ns2.mi-tienda.com", ip: ["192.0.2.11", "2001:db8::11"] }],
    ],
    succeeded: () => expect(order.cns["ns2.mi-tienda.com"]).toEqual(["192.0.2.11", "2001:db8::11"]),
  },
  {
    name: "modifyPrivateNameserver (details-by-name + add-cns + modify-cns-ip + delete-cns-ip)",
    invoke: () => registrar.modifyPrivateNameserver("mi-tienda.com", { host: "ns1.mi-tienda.com", ipv4: ["192.0.2.20", "192.0.2.21"], ipv6: [] }),
    requests: () => [
      details("mi-tienda.com"),
      ["POST", "/api/domains/modify-cns-ip.json", { ...AUTH, "order-id": String(order.orderId), cns: "ns1.mi-tienda.com", "old-ip": "192.0.2.10", "new-ip": "192.0.2.20" }],
      ["POST", "/api/domains/modify-cns-ip.json", { ...AUTH, "order-id": String(order.orderId), cns: "ns1.mi-tienda.com", "old-ip": "2001:db8::10", "new-ip": "192.0.2.21" }],
    ],
    succeeded: () => expect(order.cns["ns1.mi-tienda.com"]).toEqual(["192.0.2.20", "192.0.2.21"]),
  },
  {
    name: "deletePrivateNameserver (details-by-name + domains/delete-cns-ip)",
    invoke: () => registrar.deletePrivateNameserver("mi-tienda.com", "ns1.mi-tienda.com"),
    requests: () => [
      details("mi-tienda.com"),
      ["POST", "/api/domains/delete-cns-ip.json", { ...AUTH, "order-id": String(order.orderId), cns: "ns1.mi-tienda.com", ip: ["192.0.2.10", "2001:db8::10"] }],
    ],
    succeeded: () => expect(order.cns).toEqual({}),
  },
  {
    name: "sync (details-by-name)",
    invoke: () => registrar.sync("mi-tienda.com"),
    requests: () => [details("mi-tienda.com")],
    succeeded: (result) =>
      expect(result).toEqual({
        name: "mi-tienda.com",
        status: "active",
        expiryDate: "2027-03-15",
        locked: true,
        idProtection: false,
        nameservers: ["ns1.example.net", "ns2.example.net", "ns3.example.net"],
      }),
  },
];

function expectRequests(expected: Expected[]) {
  expect(standIn.requests.map((request) => [request.method, request.path, request.query])).toEqual(expected);
}

function expectNoKeyIn(error: RegistrarError) {
  for (const text of [error.message, error.vendorCode ?? "", String(error.cause ?? ""), JSON.stringify(error), error.stack ?? ""]) {
    expect(text).not.toContain(STAND_IN_API_KEY);
  }
}

async function failure(promise: Promise<unknown>): Promise<RegistrarError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RegistrarError);
    return error as RegistrarError;
  }
  throw new Error("expected the registrar call to fail");
}

beforeAll(async () => {
  standIn = await startLogicBoxesStandIn();
  const config = { baseUrl: standIn.baseUrl, resellerId: STAND_IN_RESELLER_ID, apiKey: STAND_IN_API_KEY, customerId: STAND_IN_CUSTOMER_ID };
  normalRegistrar = createLogicBoxesRegistrar({ ...config, timeoutMs: NORMAL_TIMEOUT_MS });
  impatientRegistrar = createLogicBoxesRegistrar({ ...config, timeoutMs: TIMEOUT_MS });
});

afterAll(async () => {
  await standIn.close();
});

beforeEach(() => {
  registrar = normalRegistrar;
  standIn.reset();
  ownerContactId = standIn.addContact({});
  order = standIn.addOrder({
    name: "mi-tienda.com",
    endtime: EXPIRY_EPOCH,
    nameservers: ["ns1.example.net", "ns2.example.net", "ns3.example.net"],
    domsecret: "5npuY-XQnJ",
    contacts: { registrant: ownerContactId, admin: ownerContactId, tech: ownerContactId, billing: ownerContactId },
    cns: { "ns1.mi-tienda.com": ["192.0.2.10", "2001:db8::10"] },
  });
  standIn.elsewhere.set("de-otro.com", { authCode: "EPP-code#2026", locked: false });
  standIn.unknownNames.add("nadie-sabe.com");
  // Every line the adapter writes to the console, to prove the api-key never reaches a log.
  consoleOutput = [];
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      consoleOutput.push(args.map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack ?? ""}` : typeof arg === "string" ? arg : JSON.stringify(arg))).join(" "));
    });
  }
});

afterEach(() => {
  for (const line of consoleOutput) expect(line).not.toContain(STAND_IN_API_KEY);
  vi.restoreAllMocks();
});

describe.each(cases)("LogicBoxes adapter: $name", (testCase) => {
  it("sends the documented requests with auth-userid and api-key, and reads the answer", async () => {
    const result = await testCase.invoke();
    expectRequests(testCase.requests());
    testCase.succeeded(result);
  });

  it("maps the vendor's error envelope to a code, with the vendor's text for the log only", async () => {
    standIn.misbehaveNext({ kind: "error", message: "The order is being processed, please wait" });
    const error = await failure(testCase.invoke());
    expect(error.code).toBe("rejected");
    expect(error.messageKey).toBe("domains.errors.registrar.rejected");
    expect(error.message).toContain("being processed");
    expectRequests(testCase.requests().slice(0, 1));
    expectNoKeyIn(error);
  });

  it.each([401, 403])("answers unavailable on HTTP %i, with the configuration to check in the log", async (status) => {
    standIn.misbehaveNext({ kind: "http", status });
    const error = await failure(testCase.invoke());
    expect(error.code).toBe("unavailable");
    expect(error.message).toContain("LOGICBOXES_API_KEY");
    expect(consoleOutput.join("\n")).toContain(`HTTP ${status}`);
    expectRequests(testCase.requests().slice(0, 1));
    expectNoKeyIn(error);
  });

  it("gives up after the timeout: unavailable", async () => {
    registrar = impatientRegistrar;
    standIn.misbehaveNext({ kind: "slow", ms: 10_000 });
    const started = Date.now();
    const error = await failure(testCase.invoke());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(error.code).toBe("unavailable");
    expect(error.message).toContain(`${TIMEOUT_MS} ms`);
    expectRequests(testCase.requests().slice(0, 1));
    expectNoKeyIn(error);
  });

  it("answers unavailable to a 5xx page, malformed JSON and JSON of the wrong shape", async () => {
    for (const misbehaviour of [{ kind: "http", status: 503 }, { kind: "malformed" }, { kind: "wrongShape" }] as const) {
      standIn.requests.length = 0;
      standIn.misbehaveNext(misbehaviour);
      const error = await failure(testCase.invoke());
      expect(error.code, misbehaviour.kind).toBe("unavailable");
      expectRequests(testCase.requests().slice(0, 1));
      expectNoKeyIn(error);
    }
  });
});

describe("LogicBoxes adapter: the vendor's own refusals", () => {
  const nameservers = ["ns1.hosting.test", "ns2.hosting.test"];
  const contacts = { registrant: ana, admin: ana, tech: ana };

  it("refuses a name registered already: name_taken", async () => {
    const error = await failure(registrar.register({ name: "mi-tienda.com", years: 1, nameservers, contacts, idProtection: false }));
    expect(error.code).toBe("name_taken");
    expect(error.message).toContain("is already registered");
  });

  it("refuses a transfer with the wrong auth code (invalid_epp_code) or locked at the losing registrar (domain_locked)", async () => {
    expect((await failure(registrar.transfer({ name: "de-otro.com", eppCode: "wrong-code", nameservers, contacts, idProtection: false }))).code).toBe("invalid_epp_code");
    standIn.elsewhere.set("cerrado.com", { authCode: "EPP-code#2026", locked: true });
    expect((await failure(registrar.transfer({ name: "cerrado.com", eppCode: "EPP-code#2026", nameservers, contacts, idProtection: false }))).code).toBe("domain_locked");
  });

  it("maps the vendor's name server and contact errors", async () => {
    standIn.misbehaveNext({ kind: "error", message: "Invalid Nameserver: ns9.example.org is not a valid Name Server", httpStatus: 200, spelling: "error" });
    expect((await failure(registrar.saveNameservers("mi-tienda.com", nameservers))).code).toBe("invalid_nameserver");
    const badEmail = await failure(registrar.saveContacts("mi-tienda.com", { ...contacts, registrant: { ...ana, email: "no-es-un-correo" } }));
    expect(badEmail.code).toBe("invalid_contact");
    expect(badEmail.message).toContain("Invalid Email");
  });

  it("refuses before any request what every adapter refuses (name servers, phone form)", async () => {
    expect((await failure(registrar.saveNameservers("mi-tienda.com", ["ns1.caido.invalid", "ns2.hosting.test"]))).code).toBe("invalid_nameserver");
    expect((await failure(registrar.register({ name: "nueva.com", years: 1, nameservers, contacts: { ...contacts, tech: { ...ana, phone: "912345678" } }, idProtection: false }))).code).toBe(
      "invalid_contact",
    );
    expect(standIn.requests).toEqual([]);
  });

  it("answers not_found for a name the account does not hold", async () => {
    expect((await failure(registrar.getNameservers("ajeno.com"))).code).toBe("not_found");
    expect((await failure(registrar.setLock("ajeno.com", true))).code).toBe("not_found");
    expect((await failure(registrar.deletePrivateNameserver("mi-tienda.com", "ns7.mi-tienda.com"))).code).toBe("not_found");
  });

  it("maps an action answered with actionstatus Failed", async () => {
    standIn.misbehaveNext({ kind: "actionFailed", reason: "Registry rejected the Name Server update" });
    const error = await failure(registrar.saveNameservers("mi-tienda.com", nameservers));
    expect(error.code).toBe("invalid_nameserver");
  });

  it("cannot renew twice: a repeat with the old expiry date is refused before it reaches the vendor, and the vendor refuses a stale exp-date", async () => {
    await registrar.renew({ name: "mi-tienda.com", years: 1, currentExpiryDate: "2027-03-15" });
    standIn.requests.length = 0;
    const repeat = await failure(registrar.renew({ name: "mi-tienda.com", years: 1, currentExpiryDate: "2027-03-15" }));
    expect(repeat.code).toBe("rejected");
    expectRequests([details("mi-tienda.com")]);
    // Two requests that read the same endtime: the second one's exp-date is stale by the time it arrives.
    const client = createLogicBoxesClient({ baseUrl: standIn.baseUrl, resellerId: STAND_IN_RESELLER_ID, apiKey: STAND_IN_API_KEY, customerId: STAND_IN_CUSTOMER_ID, timeoutMs: NORMAL_TIMEOUT_MS });
    const stale = await failure(lbDomains.renew(client, { orderId: order.orderId, years: 1, expiryEpoch: EXPIRY_EPOCH }));
    expect(stale.code).toBe("rejected");
    expect(stale.message).toContain("exp-date");
  });

  it("checks each TLD in its own request so only the names asked are checked", async () => {
    const result = await registrar.checkAvailability(["libre.com", "libre.es", "otra.es"]);
    expect(result.map((entry) => entry.status)).toEqual(["available", "available", "available"]);
    expect(standIn.requests.map((request) => request.query).sort((a, b) => String(a.tlds).localeCompare(String(b.tlds)))).toEqual([
      { ...AUTH, "domain-name": "libre", tlds: "com" },
      { ...AUTH, "domain-name": ["libre", "otra"], tlds: "es" },
    ]);
    expect(await registrar.checkAvailability([])).toEqual([]);
  });

  it("keeps a registration that succeeded even when its details cannot be read afterwards", async () => {
    registrar = impatientRegistrar;
    standIn.misbehaveOn("domains/details-by-name", { kind: "slow", ms: 10_000 });
    const result = await registrar.register({ name: "nueva.com", years: 3, nameservers, contacts, idProtection: false });
    const today = new Date();
    expect(result.expiryDate).toBe(`${today.getUTCFullYear() + 3}-${today.toISOString().slice(5, 10)}`);
    expect(standIn.orders.has("nueva.com")).toBe(true);
    expect(standIn.requests.map((request) => request.path)).toEqual(["/api/contacts/add.json", "/api/domains/register.json", "/api/domains/details-by-name.json"]);
    expect(consoleOutput.join("\n")).toContain("nueva.com registered; its expiry date could not be read yet");
  });

  it("asks availability at the separate check host when one is configured, everything else at the API URL", async () => {
    const checkHost = await startLogicBoxesStandIn();
    try {
      const split = createLogicBoxesRegistrar({
        baseUrl: standIn.baseUrl,
        availabilityUrl: checkHost.baseUrl,
        resellerId: STAND_IN_RESELLER_ID,
        apiKey: STAND_IN_API_KEY,
        customerId: STAND_IN_CUSTOMER_ID,
        timeoutMs: NORMAL_TIMEOUT_MS,
      });
      // The check host holds no orders: there mi-tienda.com is free, which proves where the question went.
      expect(await split.checkAvailability(["mi-tienda.com"])).toEqual([{ name: "mi-tienda.com", status: "available" }]);
      expect(await split.getLock("mi-tienda.com")).toBe(true);
      expect(checkHost.requests.map((request) => request.path)).toEqual(["/api/domains/available.json"]);
      expect(standIn.requests.map((request) => request.path)).toEqual(["/api/domains/details-by-name.json"]);
    } finally {
      await checkHost.close();
    }
  });

  it("reports a pending transfer and a domain gone before its expiry", async () => {
    await registrar.transfer({ name: "de-otro.com", eppCode: "EPP-code#2026", nameservers, contacts, idProtection: false });
    expect(await registrar.sync("de-otro.com")).toMatchObject({ status: "pending_transfer", expiryDate: null, locked: false });
    order.currentStatus = "Deleted";
    expect((await registrar.sync("mi-tienda.com")).status).toBe("transferred_away");
  });

  it("modifies a private name server by adding and removing addresses, never leaving it with none", async () => {
    await registrar.modifyPrivateNameserver("mi-tienda.com", { host: "ns1.mi-tienda.com", ipv4: ["192.0.2.30", "192.0.2.31"], ipv6: ["2001:db8::10", "2001:db8::11"] });
    expect(standIn.requests.map((request) => request.path)).toEqual(["/api/domains/details-by-name.json", "/api/domains/add-cns.json", "/api/domains/modify-cns-ip.json"]);
    expect(order.cns["ns1.mi-tienda.com"]).toEqual(["192.0.2.30", "2001:db8::10", "192.0.2.31", "2001:db8::11"]);
    standIn.requests.length = 0;
    await registrar.modifyPrivateNameserver("mi-tienda.com", { host: "ns1.mi-tienda.com", ipv4: ["192.0.2.30"], ipv6: [] });
    expect(standIn.requests.map((request) => [request.path, request.query.ip ?? null])).toEqual([
      ["/api/domains/details-by-name.json", null],
      ["/api/domains/delete-cns-ip.json", ["2001:db8::10", "192.0.2.31", "2001:db8::11"]],
    ]);
    expect(order.cns["ns1.mi-tienda.com"]).toEqual(["192.0.2.30"]);
  });
});

describe("LogicBoxes adapter: the api-key stays secret", () => {
  it("keeps the key out of errors even when the vendor quotes it, and out of every log line", async () => {
    standIn.misbehaveNext({ kind: "error", message: `Invalid api-key ${STAND_IN_API_KEY} for reseller ${STAND_IN_RESELLER_ID}`, httpStatus: 200 });
    const quoted = await failure(registrar.getLock("mi-tienda.com"));
    expect(quoted.code).toBe("unavailable");
    expect(quoted.message).toContain("[redacted]");
    expectNoKeyIn(quoted);

    const wrongKey = createLogicBoxesRegistrar({ baseUrl: standIn.baseUrl, resellerId: STAND_IN_RESELLER_ID, apiKey: "wrong-key-0123456789", customerId: STAND_IN_CUSTOMER_ID, timeoutMs: NORMAL_TIMEOUT_MS });
    const refused = await failure(wrongKey.getLock("mi-tienda.com"));
    expect(refused.code).toBe("unavailable");
    expect(refused.message).not.toContain("wrong-key-0123456789");
    expect(consoleOutput.join("\n")).not.toContain("wrong-key-0123456789");
    expect(consoleOutput.join("\n")).toContain("HTTP 403");
  });

  it("answers unavailable when nothing listens, without the URL (and its key) in the message", async () => {
    const closed = await startLogicBoxesStandIn();
    await closed.close();
    const unreachable = createLogicBoxesRegistrar({ baseUrl: closed.baseUrl, resellerId: STAND_IN_RESELLER_ID, apiKey: STAND_IN_API_KEY, customerId: STAND_IN_CUSTOMER_ID, timeoutMs: NORMAL_TIMEOUT_MS });
    const error = await failure(unreachable.sync("mi-tienda.com"));
    expect(error.code).toBe("unavailable");
    expect(error.message).toContain("network error");
    expectNoKeyIn(error);
  });
});

describe("LogicBoxes helpers", () => {
  it.each([
    ["nueva.com is already registered", "name_taken"],
    ["Domain name nueva.com is not available", "name_taken"],
    ["Invalid auth code supplied for the domain", "invalid_epp_code"],
    ["Invalid Authorization Code", "invalid_epp_code"],
    ["Domain is locked", "domain_locked"],
    ["Invalid Nameserver: ns1.x.com", "invalid_nameserver"],
    ["Invalid Child Name Server ns1.example.org", "invalid_nameserver"],
    ["Invalid Email address of the Contact", "invalid_contact"],
    ["Invalid zipcode for the country", "invalid_contact"],
    ["Website doesn't exist for ajeno.com", "not_found"],
    ["Invalid Order ID 12", "not_found"],
    ["Access Denied: You are not authorized to perform this action", "unavailable"],
    ["Insufficient funds in the reseller account", "unavailable"],
    ["Something unexpected happened", "rejected"],
  ])("maps %j to %s", (message, code) => {
    expect(codeForLogicBoxesMessage(message)).toBe(code);
  });

  it("reads the vendor's order statuses", () => {
    expect(registryStatusOf("Active", "2999-01-01")).toBe("active");
    expect(registryStatusOf("Active", "2000-01-01")).toBe("expired");
    expect(registryStatusOf("InActive", null)).toBe("pending_transfer");
    expect(registryStatusOf("Pending Delete Restorable", "2000-01-01")).toBe("expired");
    expect(registryStatusOf("Deleted", "2000-01-01")).toBe("cancelled");
    expect(registryStatusOf("Archived", "2999-01-01")).toBe("transferred_away");
  });
});
