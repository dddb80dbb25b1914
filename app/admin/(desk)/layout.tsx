import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff, staffMayAct } from "@/lib/staff/staff-session";
import { staffSignOutAction } from "../acceso/actions";

/** The staff area's frame. Each page checks the staff session itself as well: layouts and pages render independently. */
export default async function StaffDeskLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaff();
  const t = await getTranslations("admin");
  return (
    <>
      <header className="border-b border-slate-200 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
          <div className="flex min-w-0 items-center justify-between gap-3">
            <Link href="/admin/tickets" className="font-semibold whitespace-nowrap">
              {t("meta.title")}
            </Link>
            <span className="truncate text-sm text-slate-300">{t("nav.signedInAs", { name: staff.name, role: t(`roles.${staff.role}`) })}</span>
          </div>
          <nav aria-label={t("nav.label")} className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            <Link href="/admin/tickets" className="underline-offset-2 hover:underline">
              {t("nav.tickets")}
            </Link>
            {staffMayAct(staff, ["billing"]) && (
              <Link href="/admin/facturacion" className="underline-offset-2 hover:underline">
                {t("nav.billing")}
              </Link>
            )}
            <Link href="/admin/clientes" className="underline-offset-2 hover:underline">
              {t("nav.clients")}
            </Link>
            {staffMayAct(staff, ["admin"]) && (
              <Link href="/admin/respuestas" className="underline-offset-2 hover:underline">
                {t("nav.canned")}
              </Link>
            )}
            {staffMayAct(staff, ["admin"]) && (
              <Link href="/admin/catalogo" className="underline-offset-2 hover:underline">
                {t("nav.catalog")}
              </Link>
            )}
            <Link href="/admin/contenido" className="underline-offset-2 hover:underline">
              {t("nav.content")}
            </Link>
            <Link href="/admin/colas" className="underline-offset-2 hover:underline">
              {t("nav.queues")}
            </Link>
            <form action={staffSignOutAction}>
              <button type="submit" className="underline-offset-2 hover:underline">
                {t("nav.signOut")}
              </button>
            </form>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
    </>
  );
}
