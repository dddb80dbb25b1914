import type { Permission } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";

/** Who writes on a ticket: the signed-in contact, as the session describes it. */
export type TicketAuthor = {
  scope: ClientScope;
  contactId: number;
  isOwner: boolean;
  permissions: readonly Permission[];
  name: string;
  email: string;
};
