import type { Permission } from "@/db/schema";

/** The owner may do everything; a sub-account only what its permissions list. */
export function hasPermission(user: { isOwner: boolean; permissions: readonly Permission[] }, permission: Permission): boolean {
  return user.isOwner || user.permissions.includes(permission);
}
