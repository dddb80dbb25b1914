import { z } from "zod";
import { RegistrarError } from "../registrar";
import { codeForLogicBoxesMessage, lbBoolean, lbInteger, type LogicBoxesClient } from "./client";

// The domains/* command group of the LogicBoxes API, one function per command, each answer parsed
// with zod. Names are lower-case ASCII (punycode for IDN); order ids come from orderIdOf().

/** Invoices are ours: the reseller's funds pay the registry and the vendor raises no invoice of its own. */
const INVOICE_OPTION = "NoInvoice";

// domains/available.json: {"example.com": {"status": "available", "classkey": "domcno"}, …}
const availabilitySchema = z.record(z.string(), z.object({ status: z.string() }).loose());

export type VendorAvailability = "available" | "regthroughus" | "regthroughothers" | "unknown";

/** One answer per full name asked (domain-name × tlds); a name the answer omits reads as unknown. */
export async function checkAvailability(client: LogicBoxesClient, labels: string[], tlds: string[]): Promise<Map<string, VendorAvailability>> {
  const answer = await client.checkAvailability({ "domain-name": labels, tlds }, availabilitySchema);
  const result = new Map<string, VendorAvailability>();
  for (const [name, entry] of Object.entries(answer)) {
    const status = entry.status.toLowerCase();
    result.set(name.toLowerCase(), status === "available" || status === "regthroughus" || status === "regthroughothers" ? status : "unknown");
  }
  return result;
}

/** domains/orderid.json answers the bare order id; an unknown name is an error envelope ("Website doesn't exist for …"). */
export async function orderIdOf(client: LogicBoxesClient, name: string): Promise<number> {
  return client.get("domains/orderid", { "domain-name": name }, lbInteger);
}

const contactDetailsSchema = z
  .object({
    contactid: lbInteger.optional(),
    name: z.string(),
    company: z.string().nullish(),
    emailaddr: z.string(),
    telnocc: z.string().nullish(),
    telno: z.string().nullish(),
    address1: z.string().nullish(),
    address2: z.string().nullish(),
    city: z.string().nullish(),
    state: z.string().nullish(),
    country: z.string().nullish(),
    zip: z.string().nullish(),
  })
  .loose();
export type VendorContactDetails = z.infer<typeof contactDetailsSchema>;

// domains/details-by-name.json?options=All. Every value comes as a string; name servers as ns1…ns13;
// child name servers as {"ns1.example.com": ["192.0.2.1", …]}; orderstatus lists the registry
// locks ("transferlock" is the registrar lock), endtime is the expiry in epoch seconds.
const detailsSchema = z
  .object({
    orderid: lbInteger,
    domainname: z.string(),
    currentstatus: z.string(),
    orderstatus: z.array(z.string()).default([]),
    endtime: lbInteger.optional(),
    isprivacyprotected: lbBoolean.optional(),
    domsecret: z.string().optional(),
    cns: z.record(z.string(), z.array(z.string())).default({}),
    registrantcontact: contactDetailsSchema.optional(),
    admincontact: contactDetailsSchema.optional(),
    techcontact: contactDetailsSchema.optional(),
  })
  .catchall(z.unknown());

export type DomainDetails = z.infer<typeof detailsSchema> & { nameservers: string[] };

/** The whole order in one call (the read methods all use it; writes resolve the order id alone). */
export async function detailsByName(client: LogicBoxesClient, name: string): Promise<DomainDetails> {
  const details = await client.get("domains/details-by-name", { "domain-name": name, options: "All" }, detailsSchema);
  const nameservers = Object.entries(details)
    .map(([key, value]) => ({ match: /^ns(\d+)$/.exec(key), value }))
    .filter((entry): entry is { match: RegExpExecArray; value: string } => entry.match !== null && typeof entry.value === "string" && entry.value !== "")
    .sort((a, b) => Number(a.match[1]) - Number(b.match[1]))
    .map((entry) => entry.value.toLowerCase());
  return { ...details, nameservers };
}

// Every change answers an action record; actionstatus "Failed" is a refusal with its reason in actionstatusdesc.
const actionSchema = z
  .object({
    entityid: lbInteger.optional(),
    actionstatus: z.string().optional(),
    actionstatusdesc: z.string().optional(),
    status: z.string().optional(),
  })
  .loose()
  .refine((answer) => answer.entityid !== undefined || answer.actionstatus !== undefined || answer.status !== undefined, "not an action record");

async function action(client: LogicBoxesClient, command: string, params: Record<string, string | number | boolean | readonly string[] | undefined>) {
  const answer = await client.post(command, params, actionSchema);
  if (answer.actionstatus && /^fail/i.test(answer.actionstatus)) {
    const reason = answer.actionstatusdesc?.trim() || "no reason given";
    throw new RegistrarError(codeForLogicBoxesMessage(reason), `LogicBoxes ${command} failed: ${reason}`, reason);
  }
  return answer;
}

export type ContactIds = { registrant: number; admin: number; tech: number; billing: number };

function contactParams(ids: ContactIds) {
  return { "reg-contact-id": ids.registrant, "admin-contact-id": ids.admin, "tech-contact-id": ids.tech, "billing-contact-id": ids.billing };
}

export async function register(
  client: LogicBoxesClient,
  input: { name: string; years: number; nameservers: string[]; contacts: ContactIds; privacy: boolean },
): Promise<void> {
  await action(client, "domains/register", {
    "domain-name": input.name,
    years: input.years,
    ns: input.nameservers,
    "customer-id": client.customerId,
    ...contactParams(input.contacts),
    "invoice-option": INVOICE_OPTION,
    "purchase-privacy": input.privacy,
    "protect-privacy": input.privacy,
  });
}

export async function transfer(
  client: LogicBoxesClient,
  input: { name: string; authCode: string; nameservers: string[]; contacts: ContactIds; privacy: boolean },
): Promise<void> {
  await action(client, "domains/transfer", {
    "domain-name": input.name,
    "auth-code": input.authCode,
    ns: input.nameservers,
    "customer-id": client.customerId,
    ...contactParams(input.contacts),
    "invoice-option": INVOICE_OPTION,
    "purchase-privacy": input.privacy,
    "protect-privacy": input.privacy,
  });
}

/**
 * domains/renew.json. `expiryEpoch` is the order's current endtime: the vendor refuses a renewal
 * whose exp-date no longer matches, so a repeated request cannot renew twice. Auto-renewal at the
 * vendor stays off: the portal invoices and renews itself.
 */
export async function renew(client: LogicBoxesClient, input: { orderId: number; years: number; expiryEpoch: number }): Promise<void> {
  await action(client, "domains/renew", {
    "order-id": input.orderId,
    years: input.years,
    "exp-date": input.expiryEpoch,
    "invoice-option": INVOICE_OPTION,
    "auto-renew": false,
  });
}

export async function modifyNameservers(client: LogicBoxesClient, orderId: number, nameservers: string[]): Promise<void> {
  await action(client, "domains/modify-ns", { "order-id": orderId, ns: nameservers });
}

export async function modifyContacts(client: LogicBoxesClient, orderId: number, contacts: ContactIds): Promise<void> {
  await action(client, "domains/modify-contact", { "order-id": orderId, ...contactParams(contacts) });
}

/** The registrar lock is the vendor's theft protection lock ("transferlock" in orderstatus). */
export async function setTheftProtection(client: LogicBoxesClient, orderId: number, enabled: boolean): Promise<void> {
  await action(client, enabled ? "domains/enable-theft-protection" : "domains/disable-theft-protection", { "order-id": orderId });
}

export async function modifyPrivacyProtection(client: LogicBoxesClient, orderId: number, enabled: boolean): Promise<void> {
  await action(client, "domains/modify-privacy-protection", {
    "order-id": orderId,
    "protect-privacy": enabled,
    reason: enabled ? "Customer enabled ID protection" : "Customer disabled ID protection",
  });
}

export async function addChildNameserver(client: LogicBoxesClient, orderId: number, host: string, ips: string[]): Promise<void> {
  await action(client, "domains/add-cns", { "order-id": orderId, cns: host, ip: ips });
}

export async function modifyChildNameserverIp(client: LogicBoxesClient, orderId: number, host: string, oldIp: string, newIp: string): Promise<void> {
  await action(client, "domains/modify-cns-ip", { "order-id": orderId, cns: host, "old-ip": oldIp, "new-ip": newIp });
}

/** Removing the last address of a child name server removes the name server. */
export async function deleteChildNameserverIps(client: LogicBoxesClient, orderId: number, host: string, ips: string[]): Promise<void> {
  await action(client, "domains/delete-cns-ip", { "order-id": orderId, cns: host, ip: ips });
}
