import { randomInt } from "node:crypto";

/** The public reference of a ticket: six random digits ("482913"), never the row id, so it tells nothing about volume. */
export function newTicketReference(): string {
  return String(randomInt(100_000, 1_000_000));
}

export function isTicketReference(value: string): boolean {
  return /^[1-9]\d{5}$/.test(value);
}
