import { domainToASCII, domainToUnicode } from "node:url";

export const MAX_LABEL_LENGTH = 63;
export const MAX_NAME_LENGTH = 253;
// Far above any real name: only there so a pasted essay is refused before any work is done on it.
const MAX_INPUT_LENGTH = 2048;

export const DOMAIN_NAME_ERRORS = [
  "empty",
  "tooLong",
  "labelTooLong",
  "invalidCharacters",
  "invalidFormat",
  "hyphenEdge",
  "subdomain",
  "unsupportedTld",
] as const;
export type DomainNameErrorCode = (typeof DOMAIN_NAME_ERRORS)[number];
export type DomainNameError = `domains.errors.${DomainNameErrorCode}`;

export type ParsedDomainName = {
  ok: true;
  /** The name without its extension, in Unicode (what the customer reads): "españa". */
  label: string;
  /** The same label as the registries and DNS spell it: "xn--espaa-rta". */
  asciiLabel: string;
  /** The extension in ASCII without the dot ("es", "com.es"), or null when none was typed. */
  tld: string | null;
  /** The whole name in ASCII (punycode for IDN): what is checked, stored and sent to the registrar. */
  ascii: string;
  /** The whole name in Unicode, for display. */
  display: string;
};

export type DomainNameResult = ParsedDomainName | { ok: false; error: DomainNameError };

// Separators that IDNA treats as a dot (full-width and ideographic full stops), typed on some keyboards.
const DOT_VARIANTS = /[\u3002\uFF0E\uFF61]/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const ALLOWED_CHARACTERS = /^[\p{L}\p{M}\p{N}.-]+$/u;
const ASCII_LABEL = /^[a-z0-9-]+$/;

function fail(code: DomainNameErrorCode): DomainNameResult {
  return { ok: false, error: `domains.errors.${code}` };
}

/** "https://www.Ejemplo.ES/tienda?x=1" -> "ejemplo.es": what a customer pastes, reduced to the host name. */
function toHostText(input: string): string {
  let text = input.normalize("NFC").trim().replace(DOT_VARIANTS, ".");
  const hadScheme = SCHEME.test(text);
  text = text.replace(SCHEME, "");
  text = text.split(/[/?#]/, 1)[0] ?? "";
  // A port only makes sense after a scheme; without one "ejemplo:80" is left for the character check to refuse.
  if (hadScheme) text = text.replace(/:\d*$/, "");
  text = text.toLowerCase();
  if (text.endsWith(".")) text = text.slice(0, -1);
  if (text.startsWith("www.") && text.length > 4) text = text.slice(4);
  return text;
}

/** One label to its ASCII form, or null when IDNA refuses it. */
function labelToAscii(label: string): string | null {
  if (ASCII_LABEL.test(label)) {
    // An A-label typed as such must be valid punycode, or it would reach the registrar malformed.
    if (label.startsWith("xn--") && domainToASCII(label) !== label) return null;
    return label;
  }
  // domainToASCII also parses IPv4 (full-width digits become "0.0.0.123"): anything but one LDH label is refused.
  const ascii = domainToASCII(label);
  return ascii && ASCII_LABEL.test(ascii) ? ascii : null;
}

/**
 * Parses what a customer typed in the domain search box. `supportedTlds` (ASCII, without the dot) are
 * the extensions we sell; when given, a typed extension outside it is refused, and a longer name whose
 * end is one we sell is read as a subdomain ("tienda.ejemplo.es") rather than an unknown extension.
 */
export function parseDomainName(input: string, supportedTlds?: readonly string[]): DomainNameResult {
  if (input.trim() === "") return fail("empty");
  if (input.length > MAX_INPUT_LENGTH) return fail("tooLong");

  const host = toHostText(input);
  if (host === "") return fail("empty");
  if (!ALLOWED_CHARACTERS.test(host)) return fail("invalidCharacters");

  const labels = host.split(".");
  if (labels.some((label) => label === "")) return fail("invalidFormat");
  if (labels.some((label) => label.startsWith("-") || label.endsWith("-"))) return fail("hyphenEdge");

  const asciiLabels: string[] = [];
  for (const label of labels) {
    const ascii = labelToAscii(label);
    if (ascii === null) return fail("invalidCharacters");
    if (ascii.length > MAX_LABEL_LENGTH) return fail("labelTooLong");
    asciiLabels.push(ascii);
  }
  const ascii = asciiLabels.join(".");
  if (ascii.length > MAX_NAME_LENGTH) return fail("tooLong");

  const [asciiLabel, ...tldLabels] = asciiLabels as [string, ...string[]];
  const tld = tldLabels.length > 0 ? tldLabels.join(".") : null;
  if (tld !== null && supportedTlds) {
    const sold = new Set(supportedTlds.map(normalizeTld));
    if (!sold.has(tld)) {
      const endsInSoldTld = tldLabels.some((_, index) => index > 0 && sold.has(tldLabels.slice(index).join(".")));
      return fail(endsInSoldTld ? "subdomain" : "unsupportedTld");
    }
  }

  return { ok: true, label: displayName(asciiLabel), asciiLabel, tld, ascii, display: displayName(ascii) };
}

/** The Unicode form of an ASCII (punycode) name, for display; unchanged when it is plain ASCII. */
export function displayName(asciiName: string): string {
  // Label by label: domainToUnicode on a whole all-digit name would read it as IPv4 ("123" -> "0.0.0.123").
  return asciiName
    .split(".")
    .map((label) => (label.startsWith("xn--") ? domainToUnicode(label) || label : label))
    .join(".");
}

/** ".ES" -> "es", "españa" -> "xn--espaa-rta": TLDs are compared in lower-case ASCII without the dot. */
export function normalizeTld(tld: string): string {
  const bare = tld.trim().toLowerCase().replace(/^\./, "");
  return ASCII_LABEL.test(bare.replaceAll(".", "")) ? bare : domainToASCII(bare) || bare;
}
