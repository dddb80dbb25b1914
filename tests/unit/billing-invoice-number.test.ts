import { describe, expect, it } from "vitest";
import { isEuCountry } from "@/lib/billing/eu-countries";
import { formatInvoiceNumber, invoiceSeriesFor } from "@/lib/billing/invoice-number";
import { addDays, madridToday } from "@/lib/billing/today";

describe("formatInvoiceNumber", () => {
  it("pads the number to six digits after the series", () => {
    expect(formatInvoiceNumber("F2026", 123)).toBe("F2026-000123");
    expect(formatInvoiceNumber("F2026", 1)).toBe("F2026-000001");
    expect(formatInvoiceNumber("F2026", 1_234_567)).toBe("F2026-1234567");
  });
});

describe("invoiceSeriesFor", () => {
  it("takes the year of the payment in Madrid, not in UTC", () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Madrid (UTC+1 in winter).
    expect(invoiceSeriesFor(new Date("2026-12-31T23:30:00Z"))).toBe("F2027");
    expect(invoiceSeriesFor(new Date("2026-12-31T22:59:59Z"))).toBe("F2026");
    expect(invoiceSeriesFor(new Date("2026-06-30T12:00:00Z"))).toBe("F2026");
  });
});

describe("calendar dates", () => {
  it("adds days across month, year and daylight-saving changes", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-28", 7)).toBe("2027-01-04");
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-01-10", -10)).toBe("2025-12-31");
  });

  it("knows today in Madrid", () => {
    expect(madridToday(new Date("2026-03-31T23:30:00Z"))).toBe("2026-04-01");
  });
});

describe("isEuCountry", () => {
  it("knows the 27 members and nothing else", () => {
    for (const code of ["ES", "FR", "DE", "PT", "IT", "IE", "gr", " nl "]) expect(isEuCountry(code), code).toBe(true);
    for (const code of ["GB", "CH", "NO", "US", "MX", "EL", "EU", ""]) expect(isEuCountry(code), code).toBe(false);
  });
});
