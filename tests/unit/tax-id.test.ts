import { describe, expect, it } from "vitest";
import { checkSpanishTaxId, checkTaxId, cifControl, isValidCif, isValidNie, isValidNif, normalizeTaxId } from "@/lib/account/tax-id";

describe("NIF (DNI)", () => {
  it.each(["12345678Z", "00000000T", "99999999R"])("accepts %s", (value) => {
    expect(isValidNif(value)).toBe(true);
    expect(checkTaxId(value, "ES")).toEqual({ ok: true, kind: "nif" });
  });

  it.each(["12345678A", "00000000R", "99999999Z"])("refuses %s: the letter does not match", (value) => {
    expect(isValidNif(value)).toBe(false);
    expect(checkTaxId(value, "ES")).toEqual({ ok: false, error: "account.errors.taxIdNifLetter" });
  });

  it("refuses the wrong number of digits as a format error, not a letter error", () => {
    expect(checkTaxId("1234567Z", "ES")).toEqual({ ok: false, error: "account.errors.taxIdSpainFormat" });
    expect(checkTaxId("123456789Z", "ES")).toEqual({ ok: false, error: "account.errors.taxIdSpainFormat" });
    expect(checkTaxId("123456789", "ES")).toEqual({ ok: false, error: "account.errors.taxIdSpainFormat" });
  });
});

describe("NIE", () => {
  it.each(["X1234567L", "Y1234567X", "Z1234567R", "X0000000T"])("accepts %s (X, Y, Z read as 0, 1, 2)", (value) => {
    expect(isValidNie(value)).toBe(true);
    expect(checkTaxId(value, "ES")).toEqual({ ok: true, kind: "nie" });
  });

  it.each(["X1234567X", "Y1234567L", "Z1234567T"])("refuses %s", (value) => {
    expect(checkTaxId(value, "ES")).toEqual({ ok: false, error: "account.errors.taxIdNieLetter" });
  });

  it("refuses a letter other than X, Y or Z in front", () => {
    expect(checkTaxId("T1234567L", "ES")).toEqual({ ok: false, error: "account.errors.taxIdSpainFormat" });
  });
});

describe("CIF", () => {
  it("computes the control from the 7 digits (Luhn digit and its letter in JABCDEFGHI)", () => {
    expect(cifControl("1234567")).toEqual({ digit: "4", letter: "D" });
    expect(cifControl("0000000")).toEqual({ digit: "0", letter: "J" });
    expect(cifControl("2826000")).toEqual({ digit: "8", letter: "H" });
  });

  it.each(["A58818501", "B12345674", "E12345674", "H12345674"])("accepts %s: companies and the like end in the digit", (value) => {
    expect(checkTaxId(value, "ES")).toEqual({ ok: true, kind: "cif" });
  });

  it.each(["A5881850A", "B1234567D", "E1234567D", "H1234567D"])("refuses %s: the letter form where only the digit is allowed", (value) => {
    expect(checkTaxId(value, "ES")).toEqual({ ok: false, error: "account.errors.taxIdCifControl" });
  });

  it.each(["P2826000H", "Q2826000H", "S2826000H", "N2826000H", "W2826000H", "K1234567D"])(
    "accepts %s: public bodies, foreign entities and K end in the letter",
    (value) => {
      expect(checkTaxId(value, "ES")).toEqual({ ok: true, kind: "cif" });
    },
  );

  it.each(["P28260008", "Q28260008", "S28260008", "N28260008", "W28260008", "K12345674"])(
    "refuses %s: the digit form where only the letter is allowed",
    (value) => {
      expect(checkTaxId(value, "ES")).toEqual({ ok: false, error: "account.errors.taxIdCifControl" });
    },
  );

  it.each(["J99216582", "J9921658B", "G11111119", "G1111111I", "C01234566", "C0123456F"])("accepts %s: other types may end in either", (value) => {
    expect(isValidCif(value)).toBe(true);
  });

  it.each(["J99216583", "J9921658C", "G11111118", "B12345675", "A58818502"])("refuses %s: wrong control", (value) => {
    expect(checkTaxId(value, "ES")).toEqual({ ok: false, error: "account.errors.taxIdCifControl" });
  });

  it("accepts the DNI letter of the 7 digits for K, L and M (people without DNI or NIE)", () => {
    // 1234567 mod 23 = 19 -> L
    expect(isValidCif("M1234567L")).toBe(true);
    expect(isValidCif("L1234567L")).toBe(true);
    expect(isValidCif("K1234567L")).toBe(true);
    expect(isValidCif("M1234567B")).toBe(false);
  });

  it("refuses letters that start no CIF (I, O, T...)", () => {
    expect(checkTaxId("I12345674", "ES")).toEqual({ ok: false, error: "account.errors.taxIdSpainFormat" });
    expect(checkTaxId("O12345674", "ES")).toEqual({ ok: false, error: "account.errors.taxIdSpainFormat" });
    expect(checkTaxId("T12345674", "ES")).toEqual({ ok: false, error: "account.errors.taxIdSpainFormat" });
  });
});

describe("Spanish ids with the ES of their VAT form", () => {
  it("checks what follows ES", () => {
    expect(checkSpanishTaxId("ESB12345674")).toEqual({ ok: true, kind: "cif" });
    expect(checkSpanishTaxId("ES12345678Z")).toEqual({ ok: true, kind: "nif" });
    expect(checkSpanishTaxId("ESX1234567L")).toEqual({ ok: true, kind: "nie" });
    expect(checkSpanishTaxId("ES12345678A")).toEqual({ ok: false, error: "account.errors.taxIdNifLetter" });
  });
});

describe("normalizeTaxId", () => {
  it("drops spaces and hyphens and writes capitals", () => {
    expect(normalizeTaxId(" 12345678-z ")).toBe("12345678Z");
    expect(normalizeTaxId("x 1234567 l")).toBe("X1234567L");
  });
});

describe("other EU countries: VAT number shape only", () => {
  it.each([
    ["FR", "FR40303265045"],
    ["FR", "FRK7399859412"],
    ["DE", "DE123456789"],
    ["PT", "PT501964843"],
    ["IT", "IT00743110157"],
    ["NL", "NL123456789B01"],
    ["AT", "ATU12345678"],
    ["BE", "BE0123456789"],
    ["GR", "EL123456789"],
    ["IE", "IE1234567T"],
    ["IE", "IE1234567FA"],
    ["SE", "SE123456789001"],
  ])("accepts %s %s", (country, value) => {
    expect(checkTaxId(value, country)).toEqual({ ok: true, kind: "vat" });
  });

  it.each([
    ["FR", "40303265045"],
    ["FR", "FR4030326504"],
    ["DE", "DE12345678"],
    ["DE", "FR40303265045"],
    ["PT", "PT50196484"],
    ["PT", "501964843"],
    ["NL", "NL123456789A01"],
    ["AT", "AT12345678"],
  ])("refuses %s %s", (country, value) => {
    expect(checkTaxId(value, country)).toEqual({ ok: false, error: "account.errors.taxIdVatFormat" });
  });
});

describe("countries outside the EU", () => {
  it("takes any letters and digits", () => {
    expect(checkTaxId("123456789", "US")).toEqual({ ok: true, kind: "other" });
    expect(checkTaxId("GB123456789", "GB")).toEqual({ ok: true, kind: "other" });
  });

  it("refuses other signs everywhere", () => {
    expect(checkTaxId("12.345", "US")).toEqual({ ok: false, error: "account.errors.taxIdInvalid" });
    expect(checkTaxId("B1234567.4", "ES")).toEqual({ ok: false, error: "account.errors.taxIdInvalid" });
  });
});
