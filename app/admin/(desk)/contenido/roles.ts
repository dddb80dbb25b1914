import type { StaffRole } from "@/lib/auth/scope";

/** Who may open the section's pages (admins may open every one); the actions check the same. */
export const CONTENT_ROLES: readonly StaffRole[] = ["support"];
export const SERVER_ROLES: readonly StaffRole[] = ["admin"];
