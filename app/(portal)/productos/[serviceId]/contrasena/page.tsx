import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { panelPersonalWords } from "@/lib/services/panel-password";
import { BackLink } from "../../../facturacion/_components/back-link";
import { textLink } from "../../../facturacion/_components/styles";
import { loadService } from "../load-service";
import { PanelPasswordForm } from "./panel-password-form";

type Params = { serviceId: string };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("services.password");
  return { title: t("title") };
}

/** "Cambiar contraseña" of the hosting panel (§4.1.3): clearly not the client area's own password. */
export default async function PanelPasswordPage({ params }: { params: Promise<Params> }) {
  const { user, service } = await loadService((await params).serviceId, "manageproducts");
  // Only an account that exists on the panel has a password to change.
  if (!service.username || !service.server || (service.status !== "active" && service.status !== "suspended")) notFound();
  const t = await getTranslations("services");
  return (
    <>
      <BackLink href={`/productos/${service.id}`} label={`${service.productName} · ${service.domain}`} />
      <PageHeader title={t("password.title")} description={t("password.description", { product: service.productName, domain: service.domain })} />
      <div role="note" className="mb-6 space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
        <p className="font-semibold">{t("password.notice")}</p>
        <p>{t("password.noCurrent")}</p>
        <p>
          <Link href="/cuenta/contrasena" className={textLink}>
            {t("password.portalLink")}
          </Link>
        </p>
      </div>
      <PanelPasswordForm serviceId={service.id} email={user.email} personalWords={panelPersonalWords(user, service)} />
    </>
  );
}
