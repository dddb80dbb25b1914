import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isRowId, parseRowId, rowIdField } from "@/lib/row-id";

describe("parseRowId", () => {
  it("accepts plain positive integers that fit an integer column", () => {
    expect(parseRowId("42")).toBe(42);
    expect(parseRowId("2147483647")).toBe(2_147_483_647);
  });

  it.each(["", "0", "-1", "1.5", "1e3", "042", " 42", "42 ", "abc", "0x10", "99999999999", "2147483648", null, undefined])(
    "reads %j as no row",
    (value) => {
      expect(parseRowId(value)).toBeNull();
    },
  );
});

describe("isRowId", () => {
  it("checks numbers that did not come from text", () => {
    expect(isRowId(7)).toBe(true);
    for (const value of [0, -3, 1.5, 2 ** 40, Number.NaN, "7", null]) expect(isRowId(value)).toBe(false);
  });
});

describe("rowIdField", () => {
  it("turns a form value into an id, or puts the given message next to the field", () => {
    const schema = z.object({ contactId: rowIdField("contacts.errors.notFound") });
    expect(schema.parse({ contactId: "12" })).toEqual({ contactId: 12 });
    const refused = schema.safeParse({ contactId: "12abc" });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe("contacts.errors.notFound");
    expect(z.object({ id: rowIdField() }).safeParse({ id: "0" }).error?.issues[0]?.message).toBe("errors.invalidValue");
  });
});
