import { RegistrarError, type DomainContact } from "../registrar";
import { lbInteger, type LogicBoxesClient } from "./client";
import type { VendorContactDetails } from "./domains";

// The contacts/* command group. Since the 2016 transfer policy (IRTP) a contact in use cannot be
// edited (contacts/modify.json is withdrawn): a change of WHOIS data adds new contacts and points the
// order at them (domains/modify-contact.json). contacts/add.json answers the new contact id, bare.

/** "+34.912345678" -> ["34", "912345678"]; null when the phone is not in the registries' form. */
export function splitRegistryPhone(phone: string): [string, string] | null {
  const match = /^\+(\d{1,3})\.(\d{4,14})$/.exec(phone.replace(/\s/g, ""));
  return match ? [match[1]!, match[2]!] : null;
}

/**
 * A generic "Contact". TLDs with their own contact types (.es EsContact with the registrant's NIF,
 * .uk, .eu, …) need extra attributes this adapter does not send yet: the vendor refuses those with a
 * contact error, which reaches the customer as invalid_contact.
 */
export async function addContact(client: LogicBoxesClient, contact: DomainContact): Promise<number> {
  const phone = splitRegistryPhone(contact.phone);
  if (!phone) throw new RegistrarError("invalid_contact", `LogicBoxes contacts/add: phone not in +CC.NUMBER form`);
  return client.post(
    "contacts/add",
    {
      name: contact.name,
      // Required by the vendor; "N/A" is its documented value for a natural person.
      company: contact.company?.trim() || "N/A",
      email: contact.email,
      "address-line-1": contact.address1,
      "address-line-2": contact.address2,
      city: contact.city,
      state: contact.state,
      country: contact.country.toUpperCase(),
      zipcode: contact.postcode,
      "phone-cc": phone[0],
      phone: phone[1],
      "customer-id": client.customerId,
      type: "Contact",
    },
    lbInteger,
  );
}

/** A contact as the order details show it, in our form. */
export function contactFromVendor(details: VendorContactDetails): DomainContact {
  const company = details.company?.trim();
  return {
    name: details.name,
    company: company && company !== "N/A" ? company : undefined,
    email: details.emailaddr,
    phone: details.telnocc && details.telno ? `+${details.telnocc}.${details.telno}` : (details.telno ?? ""),
    address1: details.address1 ?? "",
    address2: details.address2 || undefined,
    city: details.city ?? "",
    state: details.state ?? "",
    postcode: details.zip ?? "",
    country: (details.country ?? "").toUpperCase(),
  };
}
