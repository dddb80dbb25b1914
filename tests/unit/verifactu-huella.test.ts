import { describe, expect, it } from "vitest";
import { aeatAmount, aeatDate, huellaAlta, madridTimestamp } from "@/lib/verifactu/huella";

describe("huella of a billing record (alta)", () => {
  // The first two records of the AEAT's worked example ("Detalle de las especificaciones técnicas
  // para generación de la huella o hash de los registros de facturación").
  const first = {
    issuerTaxId: "89890001K",
    invoiceNumber: "12345678/G33",
    issueDate: "2024-01-01",
    invoiceType: "F1",
    taxTotal: 1235,
    total: 12345,
    previousHash: null,
    generatedAt: "2024-01-01T19:20:30+01:00",
  };

  it("matches the AEAT's example for the first record of a chain", () => {
    expect(huellaAlta(first)).toBe("3C464DAF61ACB827C65FDA19F352A4E3BDC2C640E9E9FC4CC058073F38F12F60");
  });

  it("matches the AEAT's example for the next record, chained to the first", () => {
    const second = {
      ...first,
      invoiceNumber: "12345679/G34",
      previousHash: "3C464DAF61ACB827C65FDA19F352A4E3BDC2C640E9E9FC4CC058073F38F12F60",
      generatedAt: "2024-01-01T19:20:35+01:00",
    };
    expect(huellaAlta(second)).toBe("F7B94CFD8924EDFF273501B01EE5153E4CE8F259766F88CF6ACB8935802A2B97");
  });

  it("changes with any hashed field", () => {
    expect(huellaAlta({ ...first, total: 12346 })).not.toBe(huellaAlta(first));
  });
});

describe("AEAT formats", () => {
  it("writes dates as dd-mm-yyyy and amounts with a dot and two decimals", () => {
    expect(aeatDate("2026-12-02")).toBe("02-12-2026");
    expect(aeatAmount(12345)).toBe("123.45");
    expect(aeatAmount(5)).toBe("0.05");
    expect(aeatAmount(-1210)).toBe("-12.10");
  });

  it("gives the time in Madrid with its offset, winter and summer", () => {
    expect(madridTimestamp(new Date("2026-12-02T14:20:30Z"))).toBe("2026-12-02T15:20:30+01:00");
    expect(madridTimestamp(new Date("2026-07-01T10:00:00Z"))).toBe("2026-07-01T12:00:00+02:00");
  });
});
