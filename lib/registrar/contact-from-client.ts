import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { clients, contacts } from "@/db/schema";
import type { DomainContact } from "./registrar";

// Calling codes of the countries most of our customers live in; elsewhere the number must already carry one.
const CALLING_CODES: Record<string, string> = { ES: "34", PT: "351", FR: "33", DE: "49", IT: "39", GB: "44", IE: "353", NL: "31", BE: "32", US: "1", MX: "52", AR: "54", CO: "57", CL: "56", PE: "51" };

/**
 * A phone as registries want it, "+CC.NUMBER" (RFC 5733 / LogicBoxes' phone-cc + phone). A number
 * without a country code is read as dialled in `country`. Null when it cannot be told.
 */
export function registryPhone(phone: string, country: string): string | null {
  const international = phone.trim().replace(/^\(/, "").startsWith("+") || phone.trim().startsWith("00");
  const digits = phone.replace(/\D/g, "").replace(/^00/, "");
  if (digits.length < 6) return null;
  if (!international) {
    const code = CALLING_CODES[country];
    // France and others write a trunk 0 in front of the national number.
    return code ? `+${code}.${digits.replace(/^0/, "")}` : null;
  }
  const code = [3, 2, 1].map((length) => digits.slice(0, length)).find((prefix) => Object.values(CALLING_CODES).includes(prefix));
  return code ? `+${code}.${digits.slice(code.length)}` : `+${digits.slice(0, 2)}.${digits.slice(2)}`;
}

/** The client's own details as a WHOIS contact, the default of all three roles (walkthrough §5.1.2). */
export async function contactFromClient(database: Executor, client: typeof clients.$inferSelect): Promise<DomainContact> {
  const [owner] = await database
    .select({ email: contacts.email, phone: contacts.phone })
    .from(contacts)
    .where(and(eq(contacts.clientId, client.id), eq(contacts.isOwner, true)))
    .limit(1);
  const phone = client.phone ?? owner?.phone ?? "";
  return {
    name: `${client.firstName} ${client.lastName}`.trim(),
    company: client.companyName ?? undefined,
    email: owner?.email ?? "",
    phone: registryPhone(phone, client.country) ?? phone,
    address1: client.address1,
    address2: client.address2 ?? undefined,
    city: client.city,
    state: client.province,
    postcode: client.postcode,
    country: client.country,
    taxId: client.taxId ?? undefined,
  };
}
