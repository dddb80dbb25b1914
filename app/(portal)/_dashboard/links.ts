import type { Permission } from "@/db/schema";
import { menuFor } from "@/lib/portal/menu";

/** Where the dashboard points. List pages are linked only once they are in the portal menu (built and permitted). */
export const DASHBOARD_PATHS = {
  invoices: "/facturacion/facturas",
  invoice: (id: number) => `/facturacion/facturas/${id}`,
  addFunds: "/facturacion/anadir-fondos",
  services: "/productos",
  service: (id: number) => `/productos/${id}`,
  orderProduct: "/productos/contratar",
  domains: "/dominios",
  domainSearch: "/dominios/buscar",
  domainRegister: "/dominios/registrar",
  domainTransfer: "/dominios/transferir",
  tickets: "/soporte/tickets",
  ticket: (id: number) => `/soporte/tickets/${id}`,
  openTicket: "/soporte/tickets/nuevo",
  announcements: "/soporte/anuncios",
  serverStatus: "/soporte/estado",
  announcement: (slug: string) => `/soporte/anuncios/${encodeURIComponent(slug)}`,
  account: "/cuenta",
  file: (id: number) => `/api/archivos/${id}`,
} as const;

/** The hrefs the portal menu shows this user: a page missing here is not built yet or not allowed. */
export function builtPagesFor(user: { isOwner: boolean; permissions: Permission[] }): (href: string) => boolean {
  const hrefs = new Set<string>();
  for (const group of menuFor(user)) {
    if (group.href) hrefs.add(group.href);
    for (const item of group.items) hrefs.add(item.href);
  }
  return (href) => hrefs.has(href);
}
