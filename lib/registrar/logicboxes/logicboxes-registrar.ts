import { isIP } from "node:net";
import { addDays } from "@/lib/billing/today";
import { checkNameservers, checkPrivateNameserver } from "../registrar-checks";
import {
  RegistrarError,
  type DomainAvailability,
  type DomainContact,
  type DomainContacts,
  type PrivateNameserver,
  type Registrar,
  type RegistryDomainInfo,
  type RegistryStatus,
} from "../registrar";
import { createLogicBoxesClient, type LogicBoxesClient, type LogicBoxesConfig } from "./client";
import { addContact, contactFromVendor, splitRegistryPhone } from "./contacts";
import * as domains from "./domains";

/**
 * The Registrar interface over the LogicBoxes (ResellerClub) HTTP API. LogicBoxes works with order
 * ids: every change first resolves the name with domains/orderid.json, every read asks
 * domains/details-by-name.json for the whole order. Nothing is cached between calls (serverless:
 * each request may run in a fresh process, and the registry is the truth). Failures arrive as
 * RegistrarError from the client (transport, credentials, the vendor's error envelope) or from
 * the checks every adapter shares (registrar-checks.ts), made before any call.
 */
export function createLogicBoxesRegistrar(config: LogicBoxesConfig): Registrar {
  const client: LogicBoxesClient = createLogicBoxesClient(config);

  async function details(name: string) {
    return domains.detailsByName(client, name);
  }

  /** One vendor contact per distinct contact (the three roles are usually the same person); billing is the admin's. */
  async function contactIds(contacts: DomainContacts): Promise<domains.ContactIds> {
    // All refused before the first one is created, so a bad phone leaves no stray contact behind.
    const badPhone = [contacts.registrant, contacts.admin, contacts.tech].find((contact) => !splitRegistryPhone(contact.phone));
    if (badPhone) throw new RegistrarError("invalid_contact", "LogicBoxes contacts/add: phone not in +CC.NUMBER form");
    const created = new Map<string, number>();
    const idOf = async (contact: DomainContact) => {
      const key = JSON.stringify(contact);
      let id = created.get(key);
      if (id === undefined) {
        id = await addContact(client, contact);
        created.set(key, id);
      }
      return id;
    };
    const registrant = await idOf(contacts.registrant);
    const admin = await idOf(contacts.admin);
    const tech = await idOf(contacts.tech);
    return { registrant, admin, tech, billing: admin };
  }

  return {
    name: "logicboxes",

    async checkAvailability(names) {
      if (names.length === 0) return [];
      const lowerNames = names.map((name) => name.toLowerCase());
      // domains/available.json checks every label against every TLD given: one call per TLD asks exactly the names wanted.
      const byTld = new Map<string, Set<string>>();
      for (const name of lowerNames) {
        const dot = name.indexOf(".");
        if (dot <= 0) continue;
        const labels = byTld.get(name.slice(dot + 1)) ?? new Set<string>();
        labels.add(name.slice(0, dot));
        byTld.set(name.slice(dot + 1), labels);
      }
      const answers = await Promise.all([...byTld].map(([tld, labels]) => domains.checkAvailability(client, [...labels], [tld])));
      const merged = new Map(answers.flatMap((answer) => [...answer]));
      return lowerNames.map((name): DomainAvailability => {
        const status = merged.get(name);
        return { name, status: status === "available" ? "available" : status === "regthroughus" || status === "regthroughothers" ? "taken" : "unknown" };
      });
    },

    async register(input) {
      checkNameservers(input.nameservers);
      const ids = await contactIds(input.contacts);
      await domains.register(client, { name: input.name, years: input.years, nameservers: input.nameservers, contacts: ids, privacy: input.idProtection });
      // The vendor's own expiry, so a later renew's date matches its endtime. The name is registered
      // whatever happens next: if the details cannot be read now, the term counted from today (as
      // the registry counts it) stands until the cron's sync() copies the vendor's date.
      try {
        const order = await details(input.name);
        if (order.endtime) return { expiryDate: isoDateOfEpoch(order.endtime) };
      } catch (error) {
        console.warn(`[registrar] ${input.name} registered; its expiry date could not be read yet: ${error instanceof Error ? error.message : "unknown error"}`);
      }
      return { expiryDate: addYears(todayUtc(), input.years) };
    },

    async transfer(input) {
      checkNameservers(input.nameservers);
      const ids = await contactIds(input.contacts);
      await domains.transfer(client, { name: input.name, authCode: input.eppCode, nameservers: input.nameservers, contacts: ids, privacy: input.idProtection });
      return { status: "pending_transfer" };
    },

    async renew(input) {
      const order = await details(input.name);
      if (order.endtime === undefined) throw new RegistrarError("rejected", `LogicBoxes: ${input.name} has no expiry date yet (transfer pending?)`);
      const vendorExpiry = isoDateOfEpoch(order.endtime);
      // Someone (or a repeat of this request) renewed already: the vendor's date moved on.
      if (vendorExpiry !== input.currentExpiryDate) {
        throw new RegistrarError("rejected", `LogicBoxes: ${input.name} expires on ${vendorExpiry}, not on ${input.currentExpiryDate}`);
      }
      // exp-date is the vendor's own endtime, so a second call with the same value is refused by the vendor as well.
      await domains.renew(client, { orderId: order.orderid, years: input.years, expiryEpoch: order.endtime });
      return { expiryDate: addYears(input.currentExpiryDate, input.years) };
    },

    async getNameservers(name) {
      return (await details(name)).nameservers;
    },

    async saveNameservers(name, nameservers) {
      checkNameservers(nameservers);
      await domains.modifyNameservers(client, await domains.orderIdOf(client, name), nameservers);
    },

    async getContacts(name) {
      const order = await details(name);
      const { registrantcontact, admincontact, techcontact } = order;
      if (!registrantcontact) throw new RegistrarError("unavailable", `LogicBoxes details-by-name: no registrant contact for ${name}`);
      const registrant = contactFromVendor(registrantcontact);
      return {
        registrant,
        admin: admincontact ? contactFromVendor(admincontact) : registrant,
        tech: techcontact ? contactFromVendor(techcontact) : registrant,
      };
    },

    async saveContacts(name, contacts) {
      const orderId = await domains.orderIdOf(client, name);
      await domains.modifyContacts(client, orderId, await contactIds(contacts));
    },

    async getLock(name) {
      return (await details(name)).orderstatus.some((status) => status.toLowerCase() === "transferlock");
    },

    async setLock(name, locked) {
      await domains.setTheftProtection(client, await domains.orderIdOf(client, name), locked);
    },

    async getEppCode(name) {
      const code = (await details(name)).domsecret;
      if (!code) throw new RegistrarError("rejected", `LogicBoxes: no transfer code for ${name}`);
      return code;
    },

    async setIdProtection(name, enabled) {
      await domains.modifyPrivacyProtection(client, await domains.orderIdOf(client, name), enabled);
    },

    async listPrivateNameservers(name) {
      return privateNameserversOf((await details(name)).cns);
    },

    async registerPrivateNameserver(name, nameserver) {
      checkPrivateNameserver(name, nameserver);
      await domains.addChildNameserver(client, await domains.orderIdOf(client, name), nameserver.host, [...nameserver.ipv4, ...nameserver.ipv6]);
    },

    async modifyPrivateNameserver(name, nameserver) {
      checkPrivateNameserver(name, nameserver);
      const order = await details(name);
      const current = order.cns[nameserver.host];
      if (!current) throw new RegistrarError("not_found", `LogicBoxes: ${nameserver.host} is not a private name server of ${name}`);
      const wanted = [...nameserver.ipv4, ...nameserver.ipv6];
      const removed = current.filter((ip) => !wanted.includes(ip));
      const added = wanted.filter((ip) => !current.includes(ip));
      // The vendor changes one address at a time (old-ip -> new-ip). Extra addresses are added first
      // and surplus ones deleted last, so the name server never has no address on the way.
      const paired = Math.min(removed.length, added.length);
      if (added.length > paired) await domains.addChildNameserver(client, order.orderid, nameserver.host, added.slice(paired));
      for (let index = 0; index < paired; index += 1) {
        await domains.modifyChildNameserverIp(client, order.orderid, nameserver.host, removed[index]!, added[index]!);
      }
      if (removed.length > paired) await domains.deleteChildNameserverIps(client, order.orderid, nameserver.host, removed.slice(paired));
    },

    async deletePrivateNameserver(name, host) {
      const order = await details(name);
      const current = order.cns[host];
      if (!current) throw new RegistrarError("not_found", `LogicBoxes: ${host} is not a private name server of ${name}`);
      await domains.deleteChildNameserverIps(client, order.orderid, host, current);
    },

    async sync(name) {
      const order = await details(name);
      const expiryDate = order.endtime ? isoDateOfEpoch(order.endtime) : null;
      return {
        name: order.domainname.toLowerCase(),
        status: registryStatusOf(order.currentstatus, expiryDate),
        expiryDate,
        locked: order.orderstatus.some((status) => status.toLowerCase() === "transferlock"),
        idProtection: order.isprivacyprotected ?? false,
        nameservers: order.nameservers,
      } satisfies RegistryDomainInfo;
    },
  };
}

/**
 * The vendor's order status in our terms. "InActive": the order exists but the name is not ours yet
 * (a transfer waiting for the losing registrar). "Deleted"/"Archived": gone; before its expiry date
 * that can only be a transfer away, after it the name lapsed.
 */
export function registryStatusOf(currentStatus: string, expiryDate: string | null): RegistryStatus {
  const today = todayUtc();
  switch (currentStatus.toLowerCase().replace(/\s+/g, "")) {
    case "inactive":
      return "pending_transfer";
    case "pendingdeleterestorable":
      return "expired";
    case "deleted":
    case "archived":
      return expiryDate && expiryDate >= today ? "transferred_away" : "cancelled";
    default:
      // Active, Suspended: registered with us, expired once the date has passed.
      return expiryDate && expiryDate < today ? "expired" : "active";
  }
}

function privateNameserversOf(cns: Record<string, string[]>): PrivateNameserver[] {
  return Object.entries(cns)
    .map(([host, ips]) => ({ host: host.toLowerCase(), ipv4: ips.filter((ip) => isIP(ip) === 4), ipv6: ips.filter((ip) => isIP(ip) === 6) }))
    .sort((a, b) => a.host.localeCompare(b.host));
}

/** Registry expiry dates are UTC: the vendor's endtime (epoch seconds) as YYYY-MM-DD. */
export function isoDateOfEpoch(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 10);
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function addYears(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split("-").map(Number) as [number, number, number];
  // 29 February plus a year is 28 February, as registries count it.
  const target = new Date(Date.UTC(year + years, month - 1, day));
  const iso = target.toISOString().slice(0, 10);
  return target.getUTCMonth() === month - 1 ? iso : addDays(iso, -1);
}
