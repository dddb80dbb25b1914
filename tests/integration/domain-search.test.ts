import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { tldPrices } from "@/db/schema";
import { searchDomains } from "@/lib/domains/search-domains";
import { listTldPrices } from "@/lib/domains/tld-prices";
import { setProviderForTests } from "@/lib/providers";
import { RegistrarError, type Registrar } from "@/lib/registrar/registrar";
import { createSandboxRegistrar, sandboxHashSaysTaken } from "@/lib/registrar/sandbox-registrar";
import { createRegistrarDouble } from "../helpers/registrar-double";
import { setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestDomain, uniqueSuffix } from "@/tests/helpers/factories";

// ISO 4217's code for tests: on a shared DATABASE_URL database no other file prices anything in it.
const CURRENCY = "XTS";
const PRICES = [
  { tld: "org", register: 1299, transfer: 1499, renew: 1499 },
  { tld: "es", register: 799, transfer: 999, renew: 999 },
  { tld: "net", register: 1399, transfer: 1599, renew: 1599 },
  { tld: "com", register: 1199, transfer: 1399, renew: 1399 },
  { tld: "info", register: 399, transfer: 2299, renew: 2299 },
];
const ORDER = ["es", "com", "net", "org", "info"];

let db: Database;
let otherClientId: number;

/** A label the sandbox calls available under every extension we sell, unless something else makes it taken. */
function freeLabel(prefix: string): string {
  for (;;) {
    const label = `${prefix}-${uniqueSuffix()}`;
    if (ORDER.every((tld) => !sandboxHashSaysTaken(`${label}.${tld}`))) return label;
  }
}

/** Installed as the portal's registrar for the current test. */
function spyRegistrar(): Registrar & { checkAvailability: ReturnType<typeof vi.fn> } {
  const checkAvailability = vi.fn(async (names: string[]) => names.map((name) => ({ name, status: "available" as const })));
  const spy = { ...createRegistrarDouble({ overrides: { checkAvailability } }).registrar, checkAvailability };
  setProviderForTests("registrar", spy);
  return spy;
}

beforeAll(async () => {
  db = await setupTestDatabase();
  await db.delete(tldPrices).where(eq(tldPrices.currency, CURRENCY));
  await db.insert(tldPrices).values([
    ...PRICES.map((price) => ({ ...price, currency: CURRENCY, years: 1 })),
    // Longer periods must not leak into the one-year prices.
    ...PRICES.map((price) => ({ tld: price.tld, currency: CURRENCY, years: 2, register: 1, transfer: 1, renew: 1 })),
  ]);
  otherClientId = (await createTestClient(db)).client.id;
});

afterEach(() => {
  setProviderForTests("registrar", null);
});

afterAll(async () => {
  await teardownTestDatabase();
});

describe("listTldPrices", () => {
  it("lists one-year prices in the currency asked, .es and .com first", async () => {
    const prices = await listTldPrices(CURRENCY);
    expect(prices.map((price) => price.tld)).toEqual(ORDER);
    expect(prices[0]).toEqual({ tld: "es", currency: CURRENCY, register: 799, transfer: 999, renew: 999 });
  });

  it("returns nothing for a currency with no prices", async () => {
    expect(await listTldPrices("XXX")).toEqual([]);
  });
});

describe("searchDomains: register", () => {
  it("suggests the label on every TLD we sell, with register prices", async () => {
    const label = freeLabel("sugerencias");
    const result = await searchDomains(label, "register", CURRENCY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.query).toBe(label);
    expect(result.registrarError).toBeNull();
    expect(result.rows.map((row) => row.name)).toEqual(ORDER.map((tld) => `${label}.${tld}`));
    expect(result.rows.every((row) => !row.requested && row.outcome === "available")).toBe(true);
    for (const row of result.rows) {
      const price = PRICES.find((candidate) => candidate.tld === row.tld)!;
      expect(row.price).toEqual({ kind: "register", amount: price.register });
      expect(row.renewAmount).toBe(price.renew);
      expect(row.currency).toBe(CURRENCY);
    }
  });

  it("puts the typed name first, then the other TLDs", async () => {
    const label = freeLabel("primero");
    const result = await searchDomains(`https://www.${label.toUpperCase()}.net/`, "register", CURRENCY);
    if (!result.ok) throw new Error(result.error);
    expect(result.rows.map((row) => row.tld)).toEqual(["net", "es", "com", "org", "info"]);
    expect(result.rows.map((row) => row.requested)).toEqual([true, false, false, false, false]);
    expect(result.rows[0]).toMatchObject({ name: `${label}.net`, display: `${label}.net` });
  });

  it("calls a name in our domains table taken, whichever client has it", async () => {
    const label = freeLabel("ocupado");
    const before = await searchDomains(`${label}.es`, "register", CURRENCY);
    if (!before.ok) throw new Error(before.error);
    expect(before.rows[0]).toMatchObject({ name: `${label}.es`, availability: "available" });

    await createTestDomain(db, otherClientId, { name: `${label}.es`, tld: "es" });
    const after = await searchDomains(`${label}.es`, "register", CURRENCY);
    if (!after.ok) throw new Error(after.error);
    expect(after.rows[0]).toMatchObject({ name: `${label}.es`, availability: "taken", outcome: "taken", price: null });
    // Only that name: the same label elsewhere is still free.
    expect(after.rows.slice(1).every((row) => row.outcome === "available")).toBe(true);
  });

  it("searches IDN in punycode and shows them in Unicode", async () => {
    const registrar = spyRegistrar();
    const result = await searchDomains("españa.es", "register", CURRENCY);
    if (!result.ok) throw new Error(result.error);
    expect(registrar.checkAvailability).toHaveBeenCalledTimes(1);
    expect(registrar.checkAvailability.mock.calls[0]![0]).toContain("xn--espaa-rta.es");
    expect(result.query).toBe("españa.es");
    expect(result.rows[0]).toMatchObject({ name: "xn--espaa-rta.es", display: "españa.es", requested: true });
  });

  it("shows every row as unknown, with a message key, when the registrar fails", async () => {
    setProviderForTests(
      "registrar",
      createRegistrarDouble({
        overrides: {
          checkAvailability: async () => {
            throw new RegistrarError("unavailable", "connection refused", "ECONNREFUSED");
          },
        },
      }).registrar,
    );
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const result = await searchDomains("ejemplo-caido.es", "register", CURRENCY);
    warn.mockRestore();
    if (!result.ok) throw new Error(result.error);
    expect(result.registrarError).toBe("domains.errors.registrar.unavailable");
    expect(result.rows.every((row) => row.outcome === "unknown" && row.price === null)).toBe(true);
  });
});

describe("searchDomains: transfer", () => {
  it("requires the TLD and asks the registrar nothing without it", async () => {
    const registrar = spyRegistrar();
    expect(await searchDomains("ejemplo", "transfer", CURRENCY)).toEqual({ ok: false, error: "domains.errors.tldRequired" });
    expect(registrar.checkAvailability).not.toHaveBeenCalled();
  });

  it("offers a registered name for transfer at the transfer price, and nothing else", async () => {
    const label = freeLabel("traslado");
    await createTestDomain(db, otherClientId, { name: `${label}.com`, tld: "com" });
    const result = await searchDomains(`${label}.com`, "transfer", CURRENCY);
    if (!result.ok) throw new Error(result.error);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ name: `${label}.com`, requested: true, outcome: "transferable", price: { kind: "transfer", amount: 1399 } });
  });

  it("says a free name is not registered and can be registered instead", async () => {
    const label = freeLabel("libre");
    const result = await searchDomains(`${label}.org`, "transfer", CURRENCY);
    if (!result.ok) throw new Error(result.error);
    expect(result.rows).toEqual([
      expect.objectContaining({ name: `${label}.org`, availability: "available", outcome: "notRegistered", price: { kind: "register", amount: 1299 } }),
    ]);
  });
});

describe("searchDomains: bad input", () => {
  it.each([
    ["", "domains.errors.empty"],
    ["mi tienda", "domains.errors.invalidCharacters"],
    ["-tienda.es", "domains.errors.hyphenEdge"],
    [`${"a".repeat(64)}.es`, "domains.errors.labelTooLong"],
    ["tienda.xyz", "domains.errors.unsupportedTld"],
    ["blog.tienda.es", "domains.errors.subdomain"],
  ])("%j returns %s and performs no registrar call", async (input, error) => {
    const registrar = spyRegistrar();
    expect(await searchDomains(input, "register", CURRENCY)).toEqual({ ok: false, error });
    expect(registrar.checkAvailability).not.toHaveBeenCalled();
  });

  it("refuses every TLD in a currency we have no prices in", async () => {
    const registrar = spyRegistrar();
    expect(await searchDomains("tienda.es", "register", "XXX")).toEqual({ ok: false, error: "domains.errors.unsupportedTld" });
    expect(registrar.checkAvailability).not.toHaveBeenCalled();
  });
});

describe("sandbox registrar", () => {
  it("gives the same answers every time, from any instance", async () => {
    const names = Array.from({ length: 40 }, (_, index) => `estable-${index}.es`);
    const first = await createSandboxRegistrar().checkAvailability(names);
    const second = await createSandboxRegistrar(db).checkAvailability(names);
    expect(second).toEqual(first);
    expect(first.map((answer) => answer.name)).toEqual(names);
    // The hash makes roughly a quarter taken: both answers occur.
    expect(new Set(first.map((answer) => answer.status))).toEqual(new Set(["available", "taken"]));
    expect(first.every((answer) => answer.status === (sandboxHashSaysTaken(answer.name) ? "taken" : "available"))).toBe(true);
  });

  it("calls well-known names taken under every TLD", async () => {
    const answers = await createSandboxRegistrar().checkAvailability(["google.es", "ejemplo.com", "example.org", "test.net"]);
    expect(answers.map((answer) => answer.status)).toEqual(["taken", "taken", "taken", "taken"]);
  });

  it("answers an empty question without a query", async () => {
    expect(await createSandboxRegistrar().checkAvailability([])).toEqual([]);
  });

  it("is deterministic through searchDomains too", async () => {
    const first = await searchDomains("determinista", "register", CURRENCY);
    const second = await searchDomains("determinista", "register", CURRENCY);
    expect(second).toEqual(first);
  });
});
