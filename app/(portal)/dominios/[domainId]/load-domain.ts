import { notFound } from "next/navigation";
import { cache } from "react";
import type { Permission } from "@/db/schema";
import { requireUser } from "@/lib/auth/session";
import { getClientDomain } from "@/lib/domains/client-domain";
import { parseRowId } from "@/lib/row-id";

/**
 * The signed-in user and the domain of the URL, read once per request (layout, metadata and page
 * share it): 403 without `permission`, 404 for an id that is not one of the client's domains.
 * Reading a domain needs `domains`; every management page and action asks for `managedomains`.
 */
export const loadDomain = cache(async (rawId: string, permission: Permission = "managedomains") => {
  const user = await requireUser(permission);
  const domainId = parseRowId(rawId);
  const domain = domainId === null ? null : await getClientDomain(user.scope, domainId);
  if (!domain) notFound();
  return { user, domain };
});
