import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP server answering the part of the LogicBoxes (ResellerClub) HTTP API the portal uses,
// as the vendor's API documentation describes it: /api/<group>/<command>.json, auth-userid and
// api-key as query parameters, list parameters repeated (ns=a&ns=b), GET for reads and POST for
// changes, JSON answers with every value a string, bare ids from orderid.json and contacts/add.json,
// action records {entityid, actiontype, actionstatus, …} from changes, and failures as
// {"status":"ERROR","message":"…"}. Orders and contacts live in memory; every request is recorded;
// the next request can be told to misbehave (an error envelope, an HTTP status, a slow answer,
// malformed JSON, or valid JSON of the wrong shape).

export const STAND_IN_RESELLER_ID = "753669";
export const STAND_IN_API_KEY = "lbKey-UiQJ1uQHVlMasbrPTZMQ2pFc";
export const STAND_IN_CUSTOMER_ID = "98765432";

export type RecordedLogicBoxesRequest = {
  method: string;
  path: string;
  /** Every query parameter; a repeated one (ns, ip, domain-name, tlds) as an array in order. */
  query: Record<string, string | string[]>;
};

export type StandInContact = {
  name: string;
  company: string;
  email: string;
  address1: string;
  address2?: string;
  city: string;
  state: string;
  country: string;
  zip: string;
  phoneCc: string;
  phone: string;
  customerId: string;
  type: string;
};

export type StandInOrder = {
  orderId: number;
  name: string;
  /** Active, InActive (transfer pending), Deleted, … */
  currentStatus: string;
  /** Expiry in epoch seconds; absent while a transfer is pending. */
  endtime?: number;
  nameservers: string[];
  locked: boolean;
  privacy: boolean;
  domsecret: string;
  contacts: { registrant: number; admin: number; tech: number; billing: number };
  cns: Record<string, string[]>;
};

export type LogicBoxesMisbehaviour =
  | { kind: "error"; message: string; httpStatus?: number; spelling?: "ERROR" | "error" }
  | { kind: "http"; status: number }
  | { kind: "slow"; ms: number }
  | { kind: "malformed" }
  | { kind: "wrongShape" }
  /** The change is answered with actionstatus "Failed" and this reason (HTTP 200). */
  | { kind: "actionFailed"; reason: string };

export type LogicBoxesStandIn = {
  /** The API base URL, e.g. http://127.0.0.1:PORT/api */
  baseUrl: string;
  requests: RecordedLogicBoxesRequest[];
  orders: Map<string, StandInOrder>;
  contacts: Map<number, StandInContact>;
  /** Registered at another registrar: a transfer needs this auth code. */
  elsewhere: Map<string, { authCode: string; locked: boolean }>;
  /** Names whose registry did not answer (availability "unknown"). */
  unknownNames: Set<string>;
  addOrder(order: Partial<StandInOrder> & { name: string }): StandInOrder;
  addContact(contact: Partial<StandInContact>): number;
  /** Applies to the next request (whatever its command), then normal answers resume. */
  misbehaveNext(misbehaviour: LogicBoxesMisbehaviour): void;
  /** Applies to the next request of `command` (e.g. "domains/details-by-name"). */
  misbehaveOn(command: string, misbehaviour: LogicBoxesMisbehaviour): void;
  reset(): void;
  close(): Promise<void>;
};

const READS = new Set(["domains/available", "domains/orderid", "domains/details-by-name", "domains/details"]);

type Answer = { status: number; body: unknown };
const ok = (body: unknown): Answer => ({ status: 200, body });
// The vendor sends its error envelope with HTTP 500 for most commands.
const failed = (message: string): Answer => ({ status: 500, body: { status: "ERROR", message } });

const YEAR_SECONDS = 365 * 24 * 3600;

export async function startLogicBoxesStandIn(): Promise<LogicBoxesStandIn> {
  const requests: RecordedLogicBoxesRequest[] = [];
  const orders = new Map<string, StandInOrder>();
  const contacts = new Map<number, StandInContact>();
  const elsewhere = new Map<string, { authCode: string; locked: boolean }>();
  const unknownNames = new Set<string>();
  const pending: LogicBoxesMisbehaviour[] = [];
  const pendingByCommand = new Map<string, LogicBoxesMisbehaviour>();
  let nextOrderId = 84_311_819;
  let nextContactId = 80_083_695;
  let nextActionId = 500_000_000;

  function addOrder(order: Partial<StandInOrder> & { name: string }): StandInOrder {
    const full: StandInOrder = {
      orderId: nextOrderId++,
      currentStatus: "Active",
      endtime: Math.floor(Date.now() / 1000) + YEAR_SECONDS,
      nameservers: ["ns1.example.net", "ns2.example.net"],
      locked: true,
      privacy: false,
      domsecret: `s3cr-${randomBytes(4).toString("hex")}`,
      contacts: { registrant: 0, admin: 0, tech: 0, billing: 0 },
      cns: {},
      ...order,
    };
    orders.set(full.name, full);
    return full;
  }

  function addContact(contact: Partial<StandInContact>): number {
    const id = nextContactId++;
    contacts.set(id, {
      name: "Ana García",
      company: "N/A",
      email: "ana@cliente.test",
      address1: "Calle Mayor 1",
      city: "Madrid",
      state: "Madrid",
      country: "ES",
      zip: "28013",
      phoneCc: "34",
      phone: "912345678",
      customerId: STAND_IN_CUSTOMER_ID,
      type: "Contact",
      ...contact,
    });
    return id;
  }

  const orderById = (id: string | undefined) => [...orders.values()].find((order) => String(order.orderId) === id);
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

  function actionRecord(order: StandInOrder, type: string, description: string): Answer {
    return ok({
      description: order.name,
      entityid: String(order.orderId),
      actiontype: type,
      actiontypedesc: description,
      eaqid: String(nextActionId++),
      actionstatus: "Success",
      actionstatusdesc: `${description} completed successfully`,
    });
  }

  function contactJson(id: number) {
    const contact = contacts.get(id);
    if (!contact) return undefined;
    return {
      contactid: String(id),
      name: contact.name,
      company: contact.company,
      emailaddr: contact.email,
      address1: contact.address1,
      ...(contact.address2 ? { address2: contact.address2 } : {}),
      city: contact.city,
      state: contact.state,
      country: contact.country,
      zip: contact.zip,
      telnocc: contact.phoneCc,
      telno: contact.phone,
      customerid: contact.customerId,
      type: contact.type,
      contactstatus: "Active",
      contacttype: [],
    };
  }

  function detailsJson(order: StandInOrder) {
    const ns = Object.fromEntries(order.nameservers.map((host, index) => [`ns${index + 1}`, host]));
    return {
      orderid: String(order.orderId),
      entityid: String(order.orderId),
      description: order.name,
      domainname: order.name,
      currentstatus: order.currentStatus,
      orderstatus: order.locked ? ["transferlock"] : [],
      domainstatus: [],
      productcategory: "domorder",
      productkey: "domcno",
      classkey: "domcno",
      ...(order.endtime === undefined ? {} : { endtime: String(order.endtime) }),
      creationtime: String(Math.floor(Date.now() / 1000) - 3600),
      isprivacyprotected: String(order.privacy),
      privacyprotectedallowed: "true",
      domsecret: order.domsecret,
      noOfNameServers: String(order.nameservers.length),
      ...ns,
      cns: order.cns,
      customerid: STAND_IN_CUSTOMER_ID,
      registrantcontactid: String(order.contacts.registrant),
      admincontactid: String(order.contacts.admin),
      techcontactid: String(order.contacts.tech),
      billingcontactid: String(order.contacts.billing),
      registrantcontact: contactJson(order.contacts.registrant),
      admincontact: contactJson(order.contacts.admin),
      techcontact: contactJson(order.contacts.tech),
      billingcontact: contactJson(order.contacts.billing),
      gdpr: { enabled: "true", eligible: "true" },
      raaVerificationStatus: "Verified",
    };
  }

  function checkContacts(q: RecordedLogicBoxesRequest["query"]): string | null {
    for (const key of ["reg-contact-id", "admin-contact-id", "tech-contact-id", "billing-contact-id"]) {
      const id = Number(first(q[key]));
      if (!contacts.has(id)) return `Invalid contact id ${first(q[key]) ?? ""} for ${key}`;
    }
    return null;
  }

  function checkNameservers(ns: string[]): string | null {
    if (ns.length === 0) return "Name Servers are required";
    const bad = ns.find((host) => host.endsWith(".invalid"));
    return bad ? `Invalid Nameserver: ${bad} is not a valid Name Server` : null;
  }

  function answer(command: string, q: RecordedLogicBoxesRequest["query"]): Answer {
    switch (command) {
      case "domains/available": {
        const result: Record<string, { status: string; classkey: string }> = {};
        for (const label of list(q["domain-name"])) {
          for (const tld of list(q.tlds)) {
            const name = `${label}.${tld}`;
            const status = unknownNames.has(name) ? "unknown" : orders.has(name) ? "regthroughus" : elsewhere.has(name) ? "regthroughothers" : "available";
            result[name] = { status, classkey: `dot${tld.replace(/\./g, "")}` };
          }
        }
        return ok(result);
      }
      case "domains/orderid": {
        const order = orders.get(first(q["domain-name"]) ?? "");
        return order ? ok(order.orderId) : failed(`Website doesn't exist for ${first(q["domain-name"]) ?? ""}`);
      }
      case "domains/details-by-name": {
        const order = orders.get(first(q["domain-name"]) ?? "");
        if (!first(q.options)) return failed("options is required");
        return order ? ok(detailsJson(order)) : failed(`Website doesn't exist for ${first(q["domain-name"]) ?? ""}`);
      }
      case "contacts/add": {
        for (const key of ["name", "company", "email", "address-line-1", "city", "country", "zipcode", "phone-cc", "phone", "customer-id", "type"]) {
          if (!first(q[key])) return failed(`${key} is required`);
        }
        if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(first(q.email)!)) return failed("Invalid Email address of the Contact");
        if (first(q["customer-id"]) !== STAND_IN_CUSTOMER_ID) return failed(`Customer ${first(q["customer-id"])} does not exist`);
        return ok(
          addContact({
            name: first(q.name),
            company: first(q.company),
            email: first(q.email),
            address1: first(q["address-line-1"]),
            address2: first(q["address-line-2"]),
            city: first(q.city),
            state: first(q.state) ?? "",
            country: first(q.country),
            zip: first(q.zipcode),
            phoneCc: first(q["phone-cc"]),
            phone: first(q.phone),
            customerId: first(q["customer-id"]),
            type: first(q.type),
          }),
        );
      }
      case "domains/register": {
        const name = first(q["domain-name"]) ?? "";
        if (orders.has(name) || elsewhere.has(name)) return failed(`${name} is already registered`);
        const nsProblem = checkNameservers(list(q.ns));
        if (nsProblem) return failed(nsProblem);
        const contactProblem = checkContacts(q);
        if (contactProblem) return failed(contactProblem);
        const years = Number(first(q.years));
        const order = addOrder({
          name,
          endtime: Math.floor(Date.now() / 1000) + years * YEAR_SECONDS,
          nameservers: list(q.ns),
          privacy: first(q["protect-privacy"]) === "true",
          contacts: {
            registrant: Number(first(q["reg-contact-id"])),
            admin: Number(first(q["admin-contact-id"])),
            tech: Number(first(q["tech-contact-id"])),
            billing: Number(first(q["billing-contact-id"])),
          },
        });
        return actionRecord(order, "AddNewDomain", `Registration of ${name} for ${years} years`);
      }
      case "domains/transfer": {
        const name = first(q["domain-name"]) ?? "";
        if (orders.has(name)) return failed(`${name} is already in your account`);
        const there = elsewhere.get(name);
        if (!there) return failed(`${name} is not registered and cannot be transferred`);
        if (there.locked) return failed(`Domain is locked at the current registrar: ${name}`);
        if (first(q["auth-code"]) !== there.authCode) return failed("Invalid auth code supplied for the domain");
        const nsProblem = checkNameservers(list(q.ns));
        if (nsProblem) return failed(nsProblem);
        const contactProblem = checkContacts(q);
        if (contactProblem) return failed(contactProblem);
        elsewhere.delete(name);
        const order = addOrder({
          name,
          currentStatus: "InActive",
          endtime: undefined,
          locked: false,
          nameservers: list(q.ns),
          privacy: first(q["protect-privacy"]) === "true",
          contacts: {
            registrant: Number(first(q["reg-contact-id"])),
            admin: Number(first(q["admin-contact-id"])),
            tech: Number(first(q["tech-contact-id"])),
            billing: Number(first(q["billing-contact-id"])),
          },
        });
        return actionRecord(order, "AddTransferDomain", `Transfer of ${name}`);
      }
      case "domains/renew": {
        const order = orderById(first(q["order-id"]));
        if (!order) return failed(`Invalid Order ID ${first(q["order-id"]) ?? ""}`);
        if (first(q["exp-date"]) !== String(order.endtime)) return failed("The exp-date given does not match the current expiry date of the order");
        if (!first(q["invoice-option"])) return failed("invoice-option is required");
        const years = Number(first(q.years));
        order.endtime = (order.endtime ?? 0) + years * YEAR_SECONDS;
        return actionRecord(order, "RenewDomain", `Renewal of ${order.name} for ${years} years`);
      }
      default:
        break;
    }

    // The remaining changes all name an order by its id.
    const order = orderById(first(q["order-id"]));
    if (!order) return failed(`Invalid Order ID ${first(q["order-id"]) ?? ""}`);
    switch (command) {
      case "domains/modify-ns": {
        const problem = checkNameservers(list(q.ns));
        if (problem) return failed(problem);
        order.nameservers = list(q.ns);
        return actionRecord(order, "ModNS", "Modification of Name Servers");
      }
      case "domains/modify-contact": {
        const problem = checkContacts(q);
        if (problem) return failed(problem);
        order.contacts = {
          registrant: Number(first(q["reg-contact-id"])),
          admin: Number(first(q["admin-contact-id"])),
          tech: Number(first(q["tech-contact-id"])),
          billing: Number(first(q["billing-contact-id"])),
        };
        return actionRecord(order, "ModContact", "Modification of Contact Details");
      }
      case "domains/enable-theft-protection":
        order.locked = true;
        return actionRecord(order, "AddTheftProtection", "Enable Theft Protection");
      case "domains/disable-theft-protection":
        order.locked = false;
        return actionRecord(order, "DelTheftProtection", "Disable Theft Protection");
      case "domains/modify-privacy-protection":
        if (!first(q.reason)) return failed("reason is required");
        order.privacy = first(q["protect-privacy"]) === "true";
        return actionRecord(order, "ModPrivacy", "Modification of Privacy Protection");
      case "domains/add-cns": {
        const host = first(q.cns) ?? "";
        if (!host.endsWith(`.${order.name}`)) return failed(`Invalid Child Name Server ${host}`);
        order.cns[host] = [...new Set([...(order.cns[host] ?? []), ...list(q.ip)])];
        return actionRecord(order, "AddCNS", `Addition of Child Name Server ${host}`);
      }
      case "domains/modify-cns-ip": {
        const host = first(q.cns) ?? "";
        const ips = order.cns[host];
        if (!ips || !ips.includes(first(q["old-ip"]) ?? "")) return failed(`Child Name Server ${host} does not have the IP ${first(q["old-ip"]) ?? ""}`);
        order.cns[host] = ips.map((ip) => (ip === first(q["old-ip"]) ? first(q["new-ip"])! : ip));
        return actionRecord(order, "ModCNSIP", `Modification of IP of ${host}`);
      }
      case "domains/delete-cns-ip": {
        const host = first(q.cns) ?? "";
        const ips = order.cns[host];
        if (!ips) return failed(`Child Name Server ${host} does not exist`);
        const left = ips.filter((ip) => !list(q.ip).includes(ip));
        if (left.length === 0) delete order.cns[host];
        else order.cns[host] = left;
        return actionRecord(order, "DelCNSIP", `Deletion of IP of ${host}`);
      }
      default:
        return { status: 404, body: { status: "ERROR", message: `Unknown command ${command}` } };
    }
  }

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    const query: RecordedLogicBoxesRequest["query"] = {};
    for (const [key, value] of url.searchParams) {
      const existing = query[key];
      query[key] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    }
    requests.push({ method: request.method ?? "", path: url.pathname, query });

    const send = (status: number, body: string, type = "application/json;charset=UTF-8") => {
      response.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) });
      response.end(body);
    };
    const commandOfPath = /^\/api\/([a-z]+\/[a-z-]+)\.json$/.exec(url.pathname)?.[1];
    const forCommand = commandOfPath ? pendingByCommand.get(commandOfPath) : undefined;
    if (forCommand) pendingByCommand.delete(commandOfPath!);
    // A failed action can only answer a change: it waits for the next POST.
    const misbehaviour = forCommand ?? (pending[0]?.kind === "actionFailed" && request.method !== "POST" ? undefined : pending.shift());
    if (misbehaviour?.kind === "slow") {
      const timer = setTimeout(respond, misbehaviour.ms);
      response.on("close", () => clearTimeout(timer));
      return;
    }
    respond();

    function respond() {
      if (misbehaviour?.kind === "http") {
        send(misbehaviour.status, "<html><body><h1>Error</h1></body></html>", "text/html");
        return;
      }
      if (misbehaviour?.kind === "malformed") {
        send(200, '{"status":"Success","entityid":');
        return;
      }
      if (first(query["auth-userid"]) !== STAND_IN_RESELLER_ID || first(query["api-key"]) !== STAND_IN_API_KEY) {
        send(403, JSON.stringify({ status: "ERROR", message: "Access Denied: You are not authorized to perform this action" }));
        return;
      }
      const match = /^\/api\/([a-z]+\/[a-z-]+)\.json$/.exec(url.pathname);
      if (!match) {
        send(404, "<html><body><h1>Not found</h1></body></html>", "text/html");
        return;
      }
      const command = match[1]!;
      const expected = READS.has(command) ? "GET" : "POST";
      if (request.method !== expected) {
        send(405, JSON.stringify({ status: "ERROR", message: `Unsupported HTTP method ${request.method ?? ""}, use ${expected}` }));
        return;
      }
      if (misbehaviour?.kind === "error") {
        const status = misbehaviour.spelling === "error" ? "error" : "ERROR";
        send(misbehaviour.httpStatus ?? 500, JSON.stringify({ status, message: misbehaviour.message }));
        return;
      }
      if (misbehaviour?.kind === "wrongShape") {
        send(200, JSON.stringify({ hello: "world", items: [1, 2, 3] }));
        return;
      }
      const result = answer(command, query);
      if (misbehaviour?.kind === "actionFailed" && result.status === 200 && typeof result.body === "object" && result.body !== null) {
        send(200, JSON.stringify({ ...result.body, actionstatus: "Failed", actionstatusdesc: misbehaviour.reason }));
        return;
      }
      send(result.status, JSON.stringify(result.body));
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api`,
    requests,
    orders,
    contacts,
    elsewhere,
    unknownNames,
    addOrder,
    addContact,
    misbehaveNext: (misbehaviour) => pending.push(misbehaviour),
    misbehaveOn: (command, misbehaviour) => pendingByCommand.set(command, misbehaviour),
    reset() {
      requests.length = 0;
      orders.clear();
      contacts.clear();
      elsewhere.clear();
      unknownNames.clear();
      pending.length = 0;
      pendingByCommand.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
