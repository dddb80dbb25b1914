import { getProvider } from "@/lib/providers";
import { RegistrarError, type AvailabilityStatus } from "@/lib/registrar/registrar";
import type { Executor } from "@/db/client";
import { displayName, parseDomainName, type DomainNameError } from "./domain-name";
import { listTldPrices, type TldPrice } from "./tld-prices";

export type DomainSearchAction = "register" | "transfer";

/**
 * What the customer can do with a name, given what they asked:
 * register -> available | taken; transfer -> transferable (registered somewhere, so it can move to us)
 * | notRegistered (nobody has it: it can be registered instead). unknown when the registrar did not answer.
 */
export type DomainSearchOutcome = "available" | "taken" | "transferable" | "notRegistered" | "unknown";

export type DomainSearchRow = {
  /** Lower-case ASCII (punycode for IDN). */
  name: string;
  /** Unicode, for display. */
  display: string;
  tld: string;
  /** The name exactly as the customer typed it (first row); false for suggestions on other TLDs. */
  requested: boolean;
  availability: AvailabilityStatus;
  outcome: DomainSearchOutcome;
  /** One year of the operation the outcome allows (register or transfer); null when there is none. */
  price: { kind: "register" | "transfer"; amount: number } | null;
  /** One year of renewal, shown next to the price so a cheap first year hides nothing. */
  renewAmount: number;
  currency: string;
};

export type DomainSearchError = DomainNameError | "domains.errors.tldRequired";

export type DomainSearchResult =
  | {
      ok: true;
      action: DomainSearchAction;
      /** The name the customer typed, cleaned up and in Unicode: "Resultados para …". */
      query: string;
      rows: DomainSearchRow[];
      /** A catalog key when the registrar failed: every row is then "unknown". */
      registrarError: string | null;
    }
  | { ok: false; error: DomainSearchError };

// Bulk availability checks are limited at real registrars; this keeps one search to one call.
export const MAX_SEARCH_NAMES = 30;

/**
 * Domain search (walkthrough §5.1.7). Register: the typed name first (when it has a TLD), then the
 * same label on every other TLD we sell. Transfer: only the typed name, which needs its TLD. Each row
 * has its availability and one-year price in `currency`. Bad input returns an error key and asks the
 * registrar nothing. Errors other than RegistrarError propagate.
 */
export async function searchDomains(
  input: string,
  action: DomainSearchAction,
  currency: string,
  options: { db?: Executor; prices?: TldPrice[] } = {},
): Promise<DomainSearchResult> {
  // A page that also shows the price table passes the list it already loaded: one price query per request.
  const prices = options.prices ?? (await listTldPrices(currency, options.db));
  const parsed = parseDomainName(input, prices.map((price) => price.tld));
  if (!parsed.ok) return parsed;
  if (action === "transfer" && parsed.tld === null) return { ok: false, error: "domains.errors.tldRequired" };

  const priceByTld = new Map(prices.map((price) => [price.tld, price]));
  const candidates: { tld: string; price: TldPrice }[] = [];
  if (parsed.tld !== null) candidates.push({ tld: parsed.tld, price: priceByTld.get(parsed.tld)! });
  if (action === "register") {
    for (const price of prices) {
      if (price.tld !== parsed.tld) candidates.push({ tld: price.tld, price });
    }
  }
  const selected = candidates.slice(0, MAX_SEARCH_NAMES);
  const names = selected.map(({ tld }) => `${parsed.asciiLabel}.${tld}`);

  const registrar = getProvider("registrar");
  let statuses: Map<string, AvailabilityStatus>;
  let registrarError: string | null = null;
  try {
    const answers = await registrar.checkAvailability(names);
    statuses = new Map(answers.map((answer) => [answer.name.toLowerCase(), answer.status]));
  } catch (error) {
    if (!(error instanceof RegistrarError)) throw error;
    console.warn(`[registrar:${registrar.name}] availability check failed: ${error.code} ${error.vendorCode ?? ""} ${error.message}`);
    statuses = new Map();
    registrarError = error.messageKey;
  }

  const rows = selected.map(({ tld, price }, index): DomainSearchRow => {
    const name = names[index]!;
    const availability = statuses.get(name) ?? "unknown";
    const outcome = outcomeFor(action, availability);
    return {
      name,
      display: displayName(name),
      tld,
      requested: parsed.tld !== null && index === 0,
      availability,
      outcome,
      price: priceFor(outcome, price),
      renewAmount: price.renew,
      currency: price.currency,
    };
  });
  return { ok: true, action, query: parsed.display, rows, registrarError };
}

function outcomeFor(action: DomainSearchAction, availability: AvailabilityStatus): DomainSearchOutcome {
  if (availability === "unknown") return "unknown";
  if (action === "register") return availability;
  return availability === "taken" ? "transferable" : "notRegistered";
}

function priceFor(outcome: DomainSearchOutcome, price: TldPrice): DomainSearchRow["price"] {
  switch (outcome) {
    case "available":
    case "notRegistered":
      return { kind: "register", amount: price.register };
    case "transferable":
      return { kind: "transfer", amount: price.transfer };
    default:
      return null;
  }
}
