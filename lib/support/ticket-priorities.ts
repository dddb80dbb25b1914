// No database import here: the "Abrir ticket" form (a client component) lists these too.
export const TICKET_PRIORITIES = ["low", "medium", "high"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** The column is free text for staff tools; only the known values have a translated label. */
export function isTicketPriority(value: string): value is TicketPriority {
  return (TICKET_PRIORITIES as readonly string[]).includes(value);
}
