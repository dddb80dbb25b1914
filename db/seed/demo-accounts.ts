import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { clients, contacts, PERMISSIONS, type EmailPreferences, type InvoiceClientSnapshot, type Permission } from "@/db/schema";
import { momentFromToday } from "./dates";

export const DEMO_PASSWORD = "Demo-2026!";

export const DEMO_LOGINS = {
  demo: "demo@cliente.test",
  billing: "facturas@cliente.test",
  other: "otro@cliente.test",
  empty: "vacio@cliente.test",
} as const;

export type Person = {
  firstName: string;
  lastName: string;
  companyName: string | null;
  taxId: string | null;
  address1: string;
  city: string;
  province: string;
  postcode: string;
  phone: string;
};

export type ClientRef = { id: number; person: Person };

export const DEMO_PERSON: Person = {
  firstName: "María",
  lastName: "García López",
  companyName: "García Comercio Digital S.L.",
  taxId: "B87654323",
  address1: "Calle de Serrano, 45, 2º izquierda",
  city: "Madrid",
  province: "Madrid",
  postcode: "28001",
  phone: "+34 612 345 678",
};

export const OTHER_PERSON: Person = {
  firstName: "Javier",
  lastName: "Martín Ruiz",
  companyName: null,
  taxId: "12345678Z",
  address1: "Carrer de Mallorca, 212, 3º 1ª",
  city: "Barcelona",
  province: "Barcelona",
  postcode: "08008",
  phone: "+34 655 901 234",
};

const EMPTY_PERSON: Person = {
  firstName: "Lucía",
  lastName: "Fernández Soto",
  companyName: null,
  taxId: null,
  address1: "Avenida de la Constitución, 8, 1º",
  city: "Sevilla",
  province: "Sevilla",
  postcode: "41004",
  phone: "+34 699 112 233",
};

const ALL_EMAILS: EmailPreferences = { general: true, invoices: true, support: true, products: true, domains: true };

export type DemoAccounts = {
  demo: ClientRef;
  other: ClientRef;
  empty: ClientRef;
  contacts: { demoOwner: number; demoBilling: number; demoPlain: number; otherOwner: number; emptyOwner: number };
};

/** The three demo clients, their logins (one shared password hash) and the demo client's other people. */
export async function seedDemoAccounts(tx: Transaction, passwordHash: string): Promise<DemoAccounts> {
  const demo = await insertClient(tx, DEMO_PERSON, 420);
  const other = await insertClient(tx, OTHER_PERSON, 360);
  const empty = await insertClient(tx, EMPTY_PERSON, 6);
  const owner = { isOwner: true, hasAccess: true, passwordHash, permissions: [...PERMISSIONS], emailPreferences: ALL_EMAILS };

  const demoOwner = await insertContact(tx, demo, { ...owner, email: DEMO_LOGINS.demo });
  const demoBilling = await insertContact(tx, demo, {
    email: DEMO_LOGINS.billing,
    firstName: "Carlos",
    lastName: "Ruiz Navarro",
    phone: "+34 611 222 333",
    hasAccess: true,
    passwordHash,
    permissions: ["invoices", "quotes"],
    emailPreferences: { general: false, invoices: true, support: false, products: false, domains: false },
  });
  const demoPlain = await insertContact(tx, demo, {
    email: "ana.tecnica@cliente.test",
    firstName: "Ana",
    lastName: "Martínez Gil",
    phone: "+34 622 444 555",
    hasAccess: false,
    passwordHash: null,
    permissions: [],
    emailPreferences: { general: false, invoices: false, support: true, products: true, domains: true },
  });
  await tx.update(clients).set({ defaultBillingContactId: demoBilling }).where(eq(clients.id, demo.id));
  const otherOwner = await insertContact(tx, other, { ...owner, email: DEMO_LOGINS.other });
  const emptyOwner = await insertContact(tx, empty, { ...owner, email: DEMO_LOGINS.empty });

  return { demo, other, empty, contacts: { demoOwner, demoBilling, demoPlain, otherOwner, emptyOwner } };
}

export function fullName({ person }: ClientRef): string {
  return `${person.firstName} ${person.lastName}`;
}

export function snapshotOf(client: ClientRef): InvoiceClientSnapshot {
  const { person } = client;
  return {
    name: fullName(client),
    companyName: person.companyName,
    taxId: person.taxId,
    address: person.address1,
    city: person.city,
    province: person.province,
    postcode: person.postcode,
    country: "ES",
  };
}

async function insertClient(tx: Transaction, person: Person, createdDaysAgo: number): Promise<ClientRef> {
  const created = momentFromToday(-createdDaysAgo, 9, 55);
  const [row] = await tx
    .insert(clients)
    .values({
      firstName: person.firstName,
      lastName: person.lastName,
      companyName: person.companyName,
      taxId: person.taxId,
      address1: person.address1,
      city: person.city,
      province: person.province,
      postcode: person.postcode,
      country: "ES",
      phone: person.phone,
      language: "es",
      currency: "EUR",
      status: "active",
      createdAt: created,
      updatedAt: created,
    })
    .returning({ id: clients.id });
  return { id: row.id, person };
}

async function insertContact(
  tx: Transaction,
  client: ClientRef,
  values: {
    email: string;
    firstName?: string;
    lastName?: string;
    phone?: string;
    isOwner?: boolean;
    hasAccess: boolean;
    passwordHash: string | null;
    permissions: Permission[];
    emailPreferences: EmailPreferences;
  },
): Promise<number> {
  const { person } = client;
  const [row] = await tx
    .insert(contacts)
    .values({
      clientId: client.id,
      isOwner: values.isOwner ?? false,
      hasAccess: values.hasAccess,
      firstName: values.firstName ?? person.firstName,
      lastName: values.lastName ?? person.lastName,
      companyName: person.companyName,
      email: values.email,
      phone: values.phone ?? person.phone,
      address1: person.address1,
      city: person.city,
      province: person.province,
      postcode: person.postcode,
      country: "ES",
      permissions: values.permissions,
      emailPreferences: values.emailPreferences,
      passwordHash: values.passwordHash,
    })
    .returning({ id: contacts.id });
  return row.id;
}
