import { eq, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { clients, domains, sandboxRegistryDomains } from "@/db/schema";
import { contactFromClient } from "@/lib/registrar/contact-from-client";
import { DOMAIN_SETTINGS } from "@/lib/settings/settings-values";
import type { DemoHosting } from "./demo-hosting";

/**
 * The sandbox registry's side of the demo client's four domains: their WHOIS contacts (the client's
 * own details, the administrative contact a colleague), a transfer code each, and the locks: the
 * .es locked at the registry (recommended), the .com unlocked, so both states of Bloquear registro
 * and the transfer-out warning can be seen.
 */
export async function seedDemoDomainRegistry(tx: Transaction, demoClientId: number, hosting: DemoHosting): Promise<void> {
  const { expiringSoon, customNameservers, blog, eu } = hosting.domains;
  const ids = [expiringSoon, customNameservers, blog, eu];
  await tx.update(domains).set({ registrarLock: false }).where(eq(domains.id, customNameservers));
  const [client] = await tx.select().from(clients).where(eq(clients.id, demoClientId));
  const owner = await contactFromClient(tx, client!);
  const admin = { ...owner, name: "Javier Ruiz Martín", email: "javier.ruiz@cliente.test" };
  const rows = await tx.select().from(domains).where(inArray(domains.id, ids));
  await tx.insert(sandboxRegistryDomains).values(
    rows.map((row, index) => ({
      name: row.name,
      status: "active",
      expiryDate: row.expiryDate,
      locked: row.registrarLock,
      idProtection: row.idProtection,
      nameservers: row.useDefaultNameservers || row.nameservers.length === 0 ? DOMAIN_SETTINGS.defaultNameservers : row.nameservers,
      contacts: { registrant: owner, admin, tech: owner },
      // Demo codes, as a registry would issue them; the portal only ever emails them.
      eppCode: `Demo-${index + 1}x${row.id}#Ep9`,
    })),
  );
}
