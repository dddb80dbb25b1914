import { customType, integer, timestamp, varchar } from "drizzle-orm/pg-core";

// Shared column builders so every table spells money and timestamps the same way.

/** Money in integer minor units (cents); always stored next to a currency column. */
export const money = () => integer().notNull().default(0);
export const currency = () => varchar({ length: 3 }).notNull().default("EUR");
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();

/** Raw file bytes; files are small (size-limited) and live in the database so functions stay stateless. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
