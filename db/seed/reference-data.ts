import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  addonProducts,
  addons,
  productGroups,
  productPrices,
  products,
  servers,
  settings,
  taxRules,
  ticketDepartments,
  tldPrices,
  type BillingCycle,
} from "@/db/schema";
import { BILLING_SETTINGS, DOMAIN_SETTINGS, SETTING_KEYS, type CompanySettings } from "@/lib/settings/settings-values";

/**
 * Taken (inside a transaction) by every process that seeds, so seeders racing on one database wait
 * for each other instead of colliding. Any constant works; it only has to be the same for all of them.
 */
export const SEED_LOCK = sql`select pg_advisory_xact_lock(720261125)`;

/** The demo issuer; a real install enters its own (see getCompanySettings: there is no default). */
export const COMPANY_SETTINGS: CompanySettings = {
  legalName: "Hosting Ejemplo S.L.",
  tradeName: "Hosting Ejemplo",
  taxId: "B12345674",
  address1: "Calle de Alcalá, 123, 4º B",
  city: "Madrid",
  province: "Madrid",
  postcode: "28009",
  country: "ES",
  email: "facturacion@example-hosting.es",
  phone: "+34 910 123 456",
  website: "https://www.example-hosting.es",
};

/** Spanish VAT; the seed's Spanish clients are all charged this. */
export const SPANISH_VAT_BP = 2100;

type PriceTable = Partial<Record<BillingCycle, number>>;

const PRODUCT_GROUPS = [
  { slug: "alojamiento-web", name: "Alojamiento web", description: "Planes de alojamiento con cPanel, correo y certificado SSL gratuito.", sortOrder: 1 },
  { slug: "revendedores", name: "Revendedores", description: "Aloje las webs de sus clientes con su propia marca.", sortOrder: 2 },
] as const;

const PRODUCTS: {
  key: "basic" | "professional" | "business" | "reseller";
  group: (typeof PRODUCT_GROUPS)[number]["slug"];
  type: string;
  name: string;
  description: string;
  panelPackage: string;
  diskLimitMb: number;
  bandwidthLimitMb: number | null;
  prices: PriceTable;
  setupFees?: PriceTable;
}[] = [
  {
    key: "basic",
    group: "alojamiento-web",
    type: "hosting",
    name: "Plan Básico de Alojamiento Web",
    description: "5 GB de disco SSD, 50 GB de transferencia, 10 cuentas de correo, 1 dominio y certificado SSL gratuito.",
    panelPackage: "basico",
    diskLimitMb: 5120,
    bandwidthLimitMb: 51200,
    prices: { monthly: 599, quarterly: 1697, semiannually: 3294, annually: 5988, biennially: 10776, triennially: 15276 },
  },
  {
    key: "professional",
    group: "alojamiento-web",
    type: "hosting",
    name: "Plan Profesional",
    description: "20 GB de disco NVMe, 200 GB de transferencia, correo ilimitado, 5 dominios y copias semanales.",
    panelPackage: "profesional",
    diskLimitMb: 20480,
    bandwidthLimitMb: 204800,
    prices: { monthly: 1199, quarterly: 3447, semiannually: 6594, annually: 11988, biennially: 21576, triennially: 30564 },
  },
  {
    key: "business",
    group: "alojamiento-web",
    type: "hosting",
    name: "Plan Empresa",
    description: "50 GB de disco NVMe, transferencia ilimitada, dominios ilimitados, recursos dedicados y soporte prioritario.",
    panelPackage: "empresa",
    diskLimitMb: 51200,
    bandwidthLimitMb: null,
    prices: { monthly: 2199, quarterly: 6297, semiannually: 12294, annually: 23988, biennially: 43176, triennially: 61164 },
  },
  {
    key: "reseller",
    group: "revendedores",
    type: "reseller",
    name: "Plan Revendedor",
    description: "100 GB de disco, 1 TB de transferencia, hasta 50 cuentas cPanel con WHM y marca blanca.",
    panelPackage: "revendedor",
    diskLimitMb: 102400,
    bandwidthLimitMb: 1024000,
    prices: { monthly: 3999, quarterly: 11697, semiannually: 22794, annually: 43188 },
    setupFees: { monthly: 1500, quarterly: 1500 },
  },
];

const ADDONS: { key: "dedicatedIp" | "ssl" | "backups"; name: string; description: string; billingCycle: BillingCycle; price: number; products: (typeof PRODUCTS)[number]["key"][] }[] = [
  {
    key: "dedicatedIp",
    name: "IP dedicada",
    description: "Una dirección IPv4 exclusiva para su alojamiento.",
    billingCycle: "monthly",
    price: 300,
    products: ["professional", "business", "reseller"],
  },
  {
    key: "ssl",
    name: "Certificado SSL",
    description: "Certificado SSL con validación de organización (OV) y sello de confianza.",
    billingCycle: "annually",
    price: 2900,
    products: ["basic", "professional", "business", "reseller"],
  },
  {
    key: "backups",
    name: "Copias de seguridad diarias",
    description: "Copia diaria de ficheros, bases de datos y correo, con 30 días de retención y restauración desde el panel.",
    billingCycle: "annually",
    price: 2400,
    products: ["basic", "professional", "business", "reseller"],
  },
];

const SERVERS = [
  {
    key: "madrid1",
    name: "Servidor Madrid 01",
    hostname: "srv01.example-hosting.es",
    ipAddress: "192.0.2.10",
    nameservers: ["ns1.example-hosting.es", "ns2.example-hosting.es"],
    location: "Madrid (España)",
  },
  {
    key: "madrid2",
    name: "Servidor Madrid 02",
    hostname: "srv02.example-hosting.es",
    ipAddress: "192.0.2.20",
    nameservers: ["ns1.example-hosting.es", "ns2.example-hosting.es"],
    location: "Madrid (España)",
  },
] as const;

/** Prices without VAT, cents: first-year registration, yearly renewal, transfer (includes one renewal year). */
const TLDS: { tld: string; register: number; renew: number; transfer: number }[] = [
  { tld: "es", register: 799, renew: 999, transfer: 999 },
  { tld: "com", register: 1199, renew: 1399, transfer: 1399 },
  { tld: "net", register: 1399, renew: 1599, transfer: 1599 },
  { tld: "org", register: 1299, renew: 1499, transfer: 1499 },
  { tld: "eu", register: 899, renew: 1099, transfer: 1099 },
  { tld: "info", register: 399, renew: 2299, transfer: 2299 },
  { tld: "online", register: 299, renew: 3499, transfer: 3499 },
];

export function tldRenewPrice(tld: string, years = 1): number {
  const entry = TLDS.find((candidate) => candidate.tld === tld);
  if (!entry) throw new Error(`No demo price for .${tld}`);
  return entry.renew * years;
}

export function productPrice(key: (typeof PRODUCTS)[number]["key"], cycle: BillingCycle): number {
  const price = PRODUCTS.find((product) => product.key === key)?.prices[cycle];
  if (price === undefined) throw new Error(`No demo price for ${key} ${cycle}`);
  return price;
}

export function tldRegisterPrice(tld: string): number {
  const entry = TLDS.find((candidate) => candidate.tld === tld);
  if (!entry) throw new Error(`No demo price for .${tld}`);
  return entry.register;
}

export function productLimits(key: (typeof PRODUCTS)[number]["key"]): { diskLimitMb: number; bandwidthLimitMb: number | null } {
  const { diskLimitMb, bandwidthLimitMb } = PRODUCTS.find((product) => product.key === key)!;
  return { diskLimitMb, bandwidthLimitMb };
}

export function addonPrice(key: (typeof ADDONS)[number]["key"]): number {
  return ADDONS.find((addon) => addon.key === key)!.price;
}

export type ReferenceIds = {
  productIds: Record<(typeof PRODUCTS)[number]["key"], number>;
  addonIds: Record<(typeof ADDONS)[number]["key"], number>;
  serverIds: Record<(typeof SERVERS)[number]["key"], number>;
  departmentIds: { support: number; billing: number; sales: number };
};

const DEPARTMENTS = [
  { key: "support", name: "Soporte técnico", description: "Incidencias con el alojamiento, el correo, las webs y los dominios.", email: "soporte@example-hosting.es" },
  { key: "billing", name: "Facturación", description: "Facturas, pagos, cambios de plan y datos fiscales.", email: "facturacion@example-hosting.es" },
  { key: "sales", name: "Ventas", description: "Dudas antes de contratar, presupuestos a medida y migraciones.", email: "ventas@example-hosting.es" },
] as const;

/**
 * Company-wide data every install needs: issuer settings, billing options, tax rules, departments,
 * catalogue, servers and TLD prices. Skipped when the settings already exist, so it is safe to call
 * on every start; the ids are then looked up by the names written here.
 */
export async function seedReferenceData(db: Executor): Promise<ReferenceIds> {
  const existing = await db.select({ key: settings.key }).from(settings).where(eq(settings.key, SETTING_KEYS.company)).limit(1);
  if (existing.length > 0) return loadReferenceIds(db);

  // First write: racing seeders collide here on the primary key and the loser rolls back whole.
  await db.insert(settings).values([
    { key: SETTING_KEYS.company, value: COMPANY_SETTINGS },
    { key: SETTING_KEYS.billing, value: BILLING_SETTINGS },
    { key: SETTING_KEYS.domains, value: DOMAIN_SETTINGS },
  ]);

  // Highest priority wins: Spain first, then EU businesses with a VAT id, EU consumers, the rest.
  await db.insert(taxRules).values([
    { name: "IVA general España", country: "ES", appliesToBusinessWithVatId: false, rateBp: SPANISH_VAT_BP, mention: null, priority: 40 },
    {
      name: "Empresa de la UE con NIF-IVA",
      country: "EU",
      appliesToBusinessWithVatId: true,
      rateBp: 0,
      mention: "Inversión del sujeto pasivo (art. 196 de la Directiva 2006/112/CE)",
      priority: 30,
    },
    // Below the EU distance-sales threshold a Spanish seller charges Spanish VAT to EU consumers.
    { name: "IVA consumidor final UE", country: "EU", appliesToBusinessWithVatId: false, rateBp: SPANISH_VAT_BP, mention: null, priority: 20 },
    {
      name: "Fuera de la UE",
      country: "*",
      appliesToBusinessWithVatId: false,
      rateBp: 0,
      mention: "No sujeto: operación localizada fuera del territorio de aplicación del IVA (art. 69 Ley 37/1992)",
      priority: 10,
    },
  ]);

  const departmentRows = await db
    .insert(ticketDepartments)
    .values(DEPARTMENTS.map(({ name, description, email }, index) => ({ name, description, email, sortOrder: index + 1 })))
    .returning({ id: ticketDepartments.id, name: ticketDepartments.name });

  const groupRows = await db
    .insert(productGroups)
    .values(PRODUCT_GROUPS.map((group) => ({ ...group })))
    .returning({ id: productGroups.id, slug: productGroups.slug });
  const groupId = (slug: string) => groupRows.find((row) => row.slug === slug)!.id;

  const productRows = await db
    .insert(products)
    .values(
      PRODUCTS.map((product, index) => ({
        groupId: groupId(product.group),
        type: product.type,
        name: product.name,
        description: product.description,
        panelModule: "cpanel",
        panelPackage: product.panelPackage,
        diskLimitMb: product.diskLimitMb,
        bandwidthLimitMb: product.bandwidthLimitMb,
        sortOrder: index + 1,
      })),
    )
    .returning({ id: products.id, name: products.name });
  const productIds = Object.fromEntries(
    PRODUCTS.map((product) => [product.key, productRows.find((row) => row.name === product.name)!.id]),
  ) as ReferenceIds["productIds"];

  await db.insert(productPrices).values(
    PRODUCTS.flatMap((product) =>
      (Object.entries(product.prices) as [BillingCycle, number][]).map(([billingCycle, price]) => ({
        productId: productIds[product.key],
        currency: "EUR",
        billingCycle,
        price,
        setupFee: product.setupFees?.[billingCycle] ?? 0,
      })),
    ),
  );

  const addonRows = await db
    .insert(addons)
    .values(ADDONS.map(({ name, description, billingCycle, price }) => ({ name, description, billingCycle, price, currency: "EUR" })))
    .returning({ id: addons.id, name: addons.name });
  const addonIds = Object.fromEntries(
    ADDONS.map((addon) => [addon.key, addonRows.find((row) => row.name === addon.name)!.id]),
  ) as ReferenceIds["addonIds"];
  await db
    .insert(addonProducts)
    .values(ADDONS.flatMap((addon) => addon.products.map((product) => ({ addonId: addonIds[addon.key], productId: productIds[product] }))));

  const serverRows = await db
    .insert(servers)
    .values(SERVERS.map(({ name, hostname, ipAddress, nameservers, location }) => ({ name, hostname, ipAddress, nameservers: [...nameservers], location, panelType: "cpanel" })))
    .returning({ id: servers.id, hostname: servers.hostname });
  const serverIds = Object.fromEntries(
    SERVERS.map((server) => [server.key, serverRows.find((row) => row.hostname === server.hostname)!.id]),
  ) as ReferenceIds["serverIds"];

  await db.insert(tldPrices).values(
    TLDS.flatMap(({ tld, register, renew, transfer }) =>
      [1, 2, 3].map((years) => ({
        tld,
        currency: "EUR",
        years,
        register: register + renew * (years - 1),
        transfer: transfer + renew * (years - 1),
        renew: renew * years,
      })),
    ),
  );

  return {
    productIds,
    addonIds,
    serverIds,
    departmentIds: departmentIdsFrom(departmentRows),
  };
}

function departmentIdsFrom(rows: { id: number; name: string }[]): ReferenceIds["departmentIds"] {
  const idOf = (key: (typeof DEPARTMENTS)[number]["key"]) => {
    const name = DEPARTMENTS.find((department) => department.key === key)!.name;
    const row = rows.find((candidate) => candidate.name === name);
    if (!row) throw new Error(`Reference data is missing the ticket department "${name}"`);
    return row.id;
  };
  return { support: idOf("support"), billing: idOf("billing"), sales: idOf("sales") };
}

async function loadReferenceIds(db: Executor): Promise<ReferenceIds> {
  const [productRows, addonRows, serverRows, departmentRows] = await Promise.all([
    db.select({ id: products.id, name: products.name }).from(products).where(inArray(products.name, PRODUCTS.map((product) => product.name))),
    db.select({ id: addons.id, name: addons.name }).from(addons).where(inArray(addons.name, ADDONS.map((addon) => addon.name))),
    db.select({ id: servers.id, hostname: servers.hostname }).from(servers).where(inArray(servers.hostname, SERVERS.map((server) => server.hostname))),
    db.select({ id: ticketDepartments.id, name: ticketDepartments.name }).from(ticketDepartments),
  ]);
  const pick = <K extends string>(keys: { key: K; label: string }[], rows: { id: number; label: string }[], what: string) =>
    Object.fromEntries(
      keys.map(({ key, label }) => {
        const row = rows.find((candidate) => candidate.label === label);
        if (!row) throw new Error(`Reference data is missing the ${what} "${label}"; it was renamed or deleted.`);
        return [key, row.id];
      }),
    ) as Record<K, number>;
  return {
    productIds: pick(PRODUCTS.map((p) => ({ key: p.key, label: p.name })), productRows.map((r) => ({ id: r.id, label: r.name })), "product"),
    addonIds: pick(ADDONS.map((a) => ({ key: a.key, label: a.name })), addonRows.map((r) => ({ id: r.id, label: r.name })), "addon"),
    serverIds: pick(SERVERS.map((s) => ({ key: s.key, label: s.hostname })), serverRows.map((r) => ({ id: r.id, label: r.hostname })), "server"),
    departmentIds: departmentIdsFrom(departmentRows),
  };
}
