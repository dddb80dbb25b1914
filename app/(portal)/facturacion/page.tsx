import { redirect } from "next/navigation";

/** "Facturación" itself has no page of its own: its first entry, "Mis facturas", stands for it. */
export default function BillingIndexPage() {
  redirect("/facturacion/facturas");
}
