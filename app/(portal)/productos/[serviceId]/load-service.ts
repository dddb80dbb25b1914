import { notFound } from "next/navigation";
import { cache } from "react";
import type { Permission } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { parseRowId } from "@/lib/row-id";
import { getServiceView } from "@/lib/services/service-view";

/**
 * The signed-in user and the service of the URL, read once per request (metadata and page share it):
 * 403 without `permission`, 404 for an id that is not one of the client's services.
 */
export const loadService = cache(async (rawId: string, permission: Permission = "products") => {
  const user = await requireUser(permission);
  const serviceId = parseRowId(rawId);
  const service = serviceId === null ? null : await getServiceView(user.scope, serviceId);
  if (!service) notFound();
  return { user, service };
});
