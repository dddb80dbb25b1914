import { describe, expect, it } from "vitest";
import { displayName, normalizeTld, parseDomainName } from "@/lib/domains/domain-name";

const SOLD = ["es", "com", "net", "org", "eu", "com.es"];

// null: no list of sold TLDs (undefined would pick the default).
function ok(input: string, supported: readonly string[] | null = SOLD) {
  const result = parseDomainName(input, supported ?? undefined);
  if (!result.ok) throw new Error(`${input} -> ${result.error}`);
  return result;
}

function errorOf(input: string, supported: readonly string[] | null = SOLD) {
  const result = parseDomainName(input, supported ?? undefined);
  return result.ok ? null : result.error;
}

describe("parseDomainName: what customers type", () => {
  it.each([
    ["ejemplo.es", "ejemplo", "es"],
    ["Ejemplo.ES", "ejemplo", "es"],
    ["  ejemplo.com  ", "ejemplo", "com"],
    ["www.ejemplo.es", "ejemplo", "es"],
    ["WWW.Ejemplo.Es", "ejemplo", "es"],
    ["https://ejemplo.com/", "ejemplo", "com"],
    ["http://www.ejemplo.net/tienda/index.php?id=3#arriba", "ejemplo", "net"],
    ["https://ejemplo.org:8443/", "ejemplo", "org"],
    ["ejemplo.es.", "ejemplo", "es"],
    ["mi-tienda.eu", "mi-tienda", "eu"],
    ["123.com", "123", "com"],
    ["a1-b2.es", "a1-b2", "es"],
    ["ejemplo.com.es", "ejemplo", "com.es"],
    ["ejemplo?x=1", "ejemplo", null],
  ])("%s -> label %s, tld %s", (input, label, tld) => {
    const parsed = ok(input);
    expect(parsed.label).toBe(label);
    expect(parsed.asciiLabel).toBe(label);
    expect(parsed.tld).toBe(tld);
    expect(parsed.ascii).toBe(tld ? `${label}.${tld}` : label);
    expect(parsed.display).toBe(parsed.ascii);
  });

  it("accepts a bare label, with no TLD", () => {
    expect(ok("ejemplo")).toEqual({ ok: true, label: "ejemplo", asciiLabel: "ejemplo", tld: null, ascii: "ejemplo", display: "ejemplo" });
    expect(ok("www.ejemplo")).toMatchObject({ label: "ejemplo", tld: null });
  });

  it("does not strip a www that is the whole name", () => {
    expect(ok("www")).toMatchObject({ label: "www", tld: null });
  });
});

describe("parseDomainName: internationalised names", () => {
  it("converts to punycode and keeps the Unicode form for display", () => {
    expect(ok("españa.es")).toEqual({
      ok: true,
      label: "españa",
      asciiLabel: "xn--espaa-rta",
      tld: "es",
      ascii: "xn--espaa-rta.es",
      display: "españa.es",
    });
  });

  it("lower-cases Unicode and NFC-normalises decomposed input", () => {
    expect(ok("ESPAÑA.ES").ascii).toBe("xn--espaa-rta.es");
    expect(ok("espan\u0303a.es").ascii).toBe("xn--espaa-rta.es");
  });

  it("reads a punycode name typed as such and displays it in Unicode", () => {
    expect(ok("xn--espaa-rta.es")).toMatchObject({ label: "españa", asciiLabel: "xn--espaa-rta", display: "españa.es" });
  });

  it("handles other scripts and full-width dots", () => {
    expect(ok("münchen.eu").ascii).toBe("xn--mnchen-3ya.eu");
    expect(ok("日本。com")).toMatchObject({ ascii: "xn--wgv71a.com", display: "日本.com" });
    expect(ok("https://www.cigüeña.es/")).toMatchObject({ label: "cigüeña", tld: "es" });
  });

  it("refuses malformed punycode and emoji", () => {
    expect(errorOf("xn--zz.es")).toBe("domains.errors.invalidCharacters");
    expect(errorOf("tienda😀.es")).toBe("domains.errors.invalidCharacters");
  });

  it("refuses full-width digits that IDNA would read as an IPv4 address", () => {
    expect(errorOf("１２３")).toBe("domains.errors.invalidCharacters");
  });
});

describe("parseDomainName: bad input", () => {
  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["https://", "empty"],
    ["mi tienda.es", "invalidCharacters"],
    ["mi_tienda.es", "invalidCharacters"],
    ["tienda!.es", "invalidCharacters"],
    ["info@ejemplo.es", "invalidCharacters"],
    ["ejemplo:80", "invalidCharacters"],
    ["<script>.es", "invalidCharacters"],
    ["-ejemplo.es", "hyphenEdge"],
    ["ejemplo-.es", "hyphenEdge"],
    ["-españa.es", "hyphenEdge"],
    ["ejemplo.-es", "hyphenEdge"],
    ["ejemplo..es", "invalidFormat"],
    [".es", "invalidFormat"],
    ["ejemplo.xyz", "unsupportedTld"],
    ["ejemplo.123", "unsupportedTld"],
    ["blog.ejemplo.es", "subdomain"],
    ["a.b.ejemplo.com", "subdomain"],
  ])("%j -> %s", (input, code) => {
    expect(errorOf(input)).toBe(`domains.errors.${code}`);
  });

  it("limits a label to 63 characters, counted in ASCII", () => {
    expect(ok(`${"a".repeat(63)}.es`).label).toHaveLength(63);
    expect(errorOf(`${"a".repeat(64)}.es`)).toBe("domains.errors.labelTooLong");
    // 60 Unicode characters become far more than 63 in punycode.
    expect(errorOf(`${"ñ".repeat(60)}.es`)).toBe("domains.errors.labelTooLong");
  });

  it("limits a name to 253 characters", () => {
    const long = Array.from({ length: 5 }, () => "a".repeat(60)).join(".");
    expect(errorOf(`${long}.es`, null)).toBe("domains.errors.tooLong");
    expect(errorOf("a".repeat(5000))).toBe("domains.errors.tooLong");
  });

  it("accepts any TLD when no list of sold TLDs is given", () => {
    expect(ok("ejemplo.xyz", null).tld).toBe("xyz");
    expect(ok("blog.ejemplo.es", null).tld).toBe("ejemplo.es");
  });

  it("compares TLDs the way tld_prices may spell them", () => {
    expect(ok("ejemplo.es", [".ES"]).tld).toBe("es");
  });
});

describe("helpers", () => {
  it("normalizeTld lower-cases, drops the dot and converts IDN", () => {
    expect(normalizeTld(".ES")).toBe("es");
    expect(normalizeTld("com.es")).toBe("com.es");
    expect(normalizeTld("españa")).toBe("xn--espaa-rta");
  });

  it("displayName shows punycode in Unicode", () => {
    expect(displayName("xn--espaa-rta.com")).toBe("españa.com");
    expect(displayName("ejemplo.es")).toBe("ejemplo.es");
  });
});
