import { eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import {
  addonProducts,
  addons,
  productConfigChoicePrices,
  productConfigChoices,
  productConfigOptions,
  productGroups,
  productPrices,
  products,
  promoCodes,
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
  { slug: "correo", name: "Correo", description: "Correo profesional con su dominio, antispam y webmail, sin alojamiento web.", sortOrder: 2 },
  { slug: "ssl", name: "SSL", description: "Certificados SSL para cifrar su web y mostrar el candado en el navegador.", sortOrder: 3 },
  { slug: "revendedores", name: "Revendedores", description: "Aloje las webs de sus clientes con su propia marca.", sortOrder: 4 },
] as const;

/** Every listed cycle priced at `monthly` times its number of months. */
function cyclePrices(monthly: number, cycles: BillingCycle[] = ["monthly", "quarterly", "semiannually", "annually", "biennially", "triennially"]): PriceTable {
  const months: Partial<Record<BillingCycle, number>> = { monthly: 1, quarterly: 3, semiannually: 6, annually: 12, biennially: 24, triennially: 36 };
  return Object.fromEntries(cycles.map((cycle) => [cycle, monthly * months[cycle]!])) as PriceTable;
}

const PRODUCTS: {
  key: "basic" | "professional" | "business" | "reseller" | "mailPro" | "mailBusiness" | "sslDv" | "sslWildcard";
  group: (typeof PRODUCT_GROUPS)[number]["slug"];
  type: string;
  name: string;
  description: string;
  panelPackage: string;
  diskLimitMb: number;
  bandwidthLimitMb: number | null;
  prices: PriceTable;
  setupFees?: PriceTable;
  features?: string[];
  requiresDomain?: boolean;
  /** Hosting plans sell "Espacio extra en disco" and "IP dedicada" as configurable options. */
  configurable?: boolean;
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
    features: ["5 GB de disco SSD", "50 GB de transferencia mensual", "10 cuentas de correo", "Certificado SSL gratuito", "cPanel en español"],
    requiresDomain: true,
    configurable: true,
    setupFees: { monthly: 500, quarterly: 500 },
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
    features: ["20 GB de disco NVMe", "200 GB de transferencia mensual", "Correo ilimitado", "5 dominios", "Copias semanales"],
    requiresDomain: true,
    configurable: true,
    setupFees: { monthly: 500, quarterly: 500 },
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
    features: ["50 GB de disco NVMe", "Transferencia ilimitada", "Dominios ilimitados", "Recursos dedicados", "Soporte prioritario"],
    requiresDomain: true,
    configurable: true,
    setupFees: { monthly: 900, quarterly: 900 },
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
    features: ["100 GB de disco", "1 TB de transferencia", "50 cuentas cPanel", "WHM con marca blanca"],
    requiresDomain: true,
  },
  {
    key: "mailPro",
    group: "correo",
    type: "email",
    name: "Correo Profesional",
    description: "Correo con su dominio: 5 buzones de 10 GB, antispam y antivirus, webmail y sincronización con el móvil.",
    panelPackage: "correo-profesional",
    diskLimitMb: 51200,
    bandwidthLimitMb: null,
    prices: cyclePrices(299, ["monthly", "quarterly", "semiannually", "annually", "biennially", "triennially"]),
    features: ["5 buzones de 10 GB", "Antispam y antivirus", "Webmail y IMAP/SMTP", "Alias y redirecciones ilimitados"],
    requiresDomain: true,
  },
  {
    key: "mailBusiness",
    group: "correo",
    type: "email",
    name: "Correo Empresa",
    description: "25 buzones de 25 GB con calendarios y contactos compartidos, archivo de correo y filtros avanzados.",
    panelPackage: "correo-empresa",
    diskLimitMb: 640000,
    bandwidthLimitMb: null,
    prices: cyclePrices(899, ["monthly", "quarterly", "semiannually", "annually", "biennially", "triennially"]),
    setupFees: { monthly: 1000 },
    features: ["25 buzones de 25 GB", "Calendarios y contactos compartidos", "Archivo de correo", "Filtros avanzados"],
    requiresDomain: true,
  },
  {
    key: "sslDv",
    group: "ssl",
    type: "ssl",
    name: "SSL Básico (DV)",
    description: "Certificado de validación de dominio para una web, emitido en minutos.",
    panelPackage: "ssl-dv",
    diskLimitMb: 0,
    bandwidthLimitMb: null,
    prices: { annually: 1900, biennially: 3500, triennially: 4900 },
    features: ["Validación de dominio", "Cifrado de 256 bits", "Candado en todos los navegadores", "Emisión en minutos"],
    requiresDomain: true,
  },
  {
    key: "sslWildcard",
    group: "ssl",
    type: "ssl",
    name: "SSL Wildcard",
    description: "Un certificado para el dominio y todos sus subdominios (*.midominio.es).",
    panelPackage: "ssl-wildcard",
    diskLimitMb: 0,
    bandwidthLimitMb: null,
    prices: { annually: 8900, biennially: 16900, triennially: 23900 },
    setupFees: { annually: 1500 },
    features: ["Subdominios ilimitados", "Validación de dominio", "Garantía de 10.000 €", "Sello de confianza"],
    requiresDomain: true,
  },
];

/** The configurable options of the hosting plans, with what each choice adds per month and once. */
const CONFIG_OPTIONS: { name: string; type: "select" | "yesno"; choices: { label: string; panelValue: string | null; monthly: number; setupFee: number }[] }[] = [
  {
    name: "Espacio extra en disco",
    type: "select",
    choices: [
      { label: "Sin espacio extra", panelValue: "0", monthly: 0, setupFee: 0 },
      { label: "+10 GB", panelValue: "10240", monthly: 200, setupFee: 0 },
      { label: "+25 GB", panelValue: "25600", monthly: 400, setupFee: 0 },
    ],
  },
  {
    name: "IP dedicada",
    type: "yesno",
    choices: [{ label: "IP dedicada", panelValue: "dedicated_ip", monthly: 300, setupFee: 500 }],
  },
];

/** Demo promo codes: 15 % off the first payment of anything, and 5 € off every payment of the hosting plans. */
const PROMO_CODES: { code: string; type: "percent" | "fixed"; value: number; recurring: boolean; products: (typeof PRODUCTS)[number]["key"][]; maxUses: number | null }[] = [
  { code: "BIENVENIDA15", type: "percent", value: 1500, recurring: false, products: [], maxUses: null },
  { code: "HOSTING5", type: "fixed", value: 500, recurring: true, products: ["basic", "professional", "business"], maxUses: 500 },
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
    // New accounts of every plan but the reseller ones are created here.
    serverGroup: "default",
  },
  {
    key: "madrid2",
    name: "Servidor Madrid 02",
    hostname: "srv02.example-hosting.es",
    ipAddress: "192.0.2.20",
    nameservers: ["ns1.example-hosting.es", "ns2.example-hosting.es"],
    location: "Madrid (España)",
    serverGroup: "revendedores",
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
        // Certificates are issued by hand; everything else is an account on the hosting panel.
        panelModule: product.type === "ssl" ? null : "cpanel",
        panelPackage: product.panelPackage,
        // Reseller accounts live on their own servers; every other plan on the default group.
        serverGroup: product.key === "reseller" ? "revendedores" : "default",
        diskLimitMb: product.diskLimitMb,
        bandwidthLimitMb: product.bandwidthLimitMb,
        features: product.features ?? [],
        requiresDomain: product.requiresDomain ?? false,
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

  await seedConfigOptions(db, PRODUCTS.filter((product) => product.configurable).map((product) => productIds[product.key]));
  await db.insert(promoCodes).values(
    PROMO_CODES.map(({ code, type, value, recurring, products: keys, maxUses }) => ({
      code,
      type,
      value,
      recurring,
      productIds: keys.map((key) => productIds[key]),
      maxUses,
    })),
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
    .values(SERVERS.map(({ name, hostname, ipAddress, nameservers, location, serverGroup }) => ({ name, hostname, ipAddress, nameservers: [...nameservers], location, serverGroup, panelType: "cpanel" })))
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

/** "Espacio extra en disco" and "IP dedicada" for each hosting plan, priced per cycle from the monthly price. */
async function seedConfigOptions(db: Executor, productIds: number[]): Promise<void> {
  const months: [BillingCycle, number][] = [
    ["monthly", 1],
    ["quarterly", 3],
    ["semiannually", 6],
    ["annually", 12],
    ["biennially", 24],
    ["triennially", 36],
  ];
  for (const productId of productIds) {
    for (const [optionIndex, option] of CONFIG_OPTIONS.entries()) {
      const [optionRow] = await db
        .insert(productConfigOptions)
        .values({ productId, name: option.name, type: option.type, sortOrder: optionIndex + 1 })
        .returning({ id: productConfigOptions.id });
      const choiceRows = await db
        .insert(productConfigChoices)
        .values(option.choices.map((choice, index) => ({ optionId: optionRow!.id, label: choice.label, panelValue: choice.panelValue, sortOrder: index + 1 })))
        .returning({ id: productConfigChoices.id, label: productConfigChoices.label });
      await db.insert(productConfigChoicePrices).values(
        option.choices.flatMap((choice) =>
          months.map(([billingCycle, count]) => ({
            choiceId: choiceRows.find((row) => row.label === choice.label)!.id,
            currency: "EUR",
            billingCycle,
            price: choice.monthly * count,
            setupFee: choice.setupFee,
          })),
        ),
      );
    }
  }
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
