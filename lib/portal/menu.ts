import type { Permission } from "@/db/schema";
import { hasPermission } from "@/lib/auth/permissions";

export type MenuLink = { key: string; href: string; permission?: Permission; ownerOnly?: boolean };
export type MenuGroup = { key: string; href?: string; items: MenuLink[] };

/**
 * The top menu of the walkthrough, in its order. Only pages that exist are listed: an entry is added
 * here in the same change that builds its page. Labels are portal.menu.<group>.<key> in the catalog.
 */
const PORTAL_MENU: MenuGroup[] = [
  { key: "home", href: "/", items: [] },
  {
    key: "products",
    items: [
      { key: "services", href: "/productos", permission: "products" },
      { key: "order", href: "/productos/contratar", permission: "orders" },
      { key: "addons", href: "/productos/complementos", permission: "orders" },
    ],
  },
  {
    key: "domains",
    items: [
      { key: "list", href: "/dominios", permission: "domains" },
      { key: "renew", href: "/dominios/renovar", permission: "orders" },
      { key: "register", href: "/dominios/registrar", permission: "orders" },
      { key: "transfer", href: "/dominios/transferir", permission: "orders" },
      { key: "search", href: "/dominios/buscar" },
    ],
  },
  {
    key: "billing",
    items: [
      { key: "invoices", href: "/facturacion/facturas", permission: "invoices" },
      { key: "quotes", href: "/facturacion/ofertas", permission: "quotes" },
      { key: "massPay", href: "/facturacion/pago-masivo", permission: "invoices" },
      { key: "addFunds", href: "/facturacion/anadir-fondos", permission: "invoices" },
    ],
  },
  {
    key: "support",
    items: [
      { key: "tickets", href: "/soporte/tickets", permission: "tickets" },
      { key: "announcements", href: "/soporte/anuncios" },
      { key: "knowledgebase", href: "/soporte/conocimiento" },
      { key: "downloads", href: "/soporte/descargas" },
      { key: "status", href: "/soporte/estado" },
      // Last in the walkthrough's Soporte menu (§8), after the knowledge base, downloads and server status.
      { key: "openTicket", href: "/soporte/tickets/nuevo", permission: "tickets" },
    ],
  },
];

/** "Cuenta", top right in the walkthrough; "Salir" is always added after these. */
const ACCOUNT_MENU: MenuLink[] = [
  { key: "details", href: "/cuenta", permission: "profile" },
  { key: "contacts", href: "/cuenta/contactos", permission: "contacts" },
  { key: "password", href: "/cuenta/contrasena" },
  { key: "security", href: "/cuenta/seguridad" },
  { key: "emails", href: "/cuenta/correos", permission: "emails" },
  { key: "activity", href: "/cuenta/actividad", ownerOnly: true },
  { key: "export", href: "/cuenta/exportar", ownerOnly: true },
];

type MenuUser = { isOwner: boolean; permissions: Permission[] };

function visible(items: MenuLink[], user: MenuUser): MenuLink[] {
  return items.filter((item) => (item.ownerOnly ? user.isOwner : !item.permission || hasPermission(user, item.permission)));
}

/** Groups and links this user may see; a group left with no link is dropped. */
export function menuFor(user: MenuUser): MenuGroup[] {
  return PORTAL_MENU.map((group) => ({ ...group, items: visible(group.items, user) })).filter(
    (group) => group.href || group.items.length > 0,
  );
}

export function accountMenuFor(user: MenuUser): MenuLink[] {
  return visible(ACCOUNT_MENU, user);
}

/** Whether `href` is a page in this user's menu: built, and allowed to them. Pages link to others only then. */
export function isInMenu(user: MenuUser, href: string): boolean {
  return menuFor(user).some((group) => group.href === href || group.items.some((item) => item.href === href));
}
