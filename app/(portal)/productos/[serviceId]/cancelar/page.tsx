import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/app/_components/page-header";
import { formatDate } from "@/lib/i18n/format";
import { isCancellable } from "@/lib/services/cancellation";
import { BackLink } from "../../../facturacion/_components/back-link";
import { loadService } from "../load-service";
import { CancelForm } from "./cancel-form";

type Params = { serviceId: string };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("services.cancel");
  return { title: t("title") };
}

/** "Solicitar cancelación" (§4.1.4). */
export default async function CancelServicePage({ params }: { params: Promise<Params> }) {
  const { service } = await loadService((await params).serviceId, "manageproducts");
  const t = await getTranslations("services");
  const locale = await getLocale();
  const back = `/productos/${service.id}`;
  const tAll = await getTranslations();
  const blocked = service.openCancellation ? "services.cancel.alreadyOpen" : !isCancellable(service.status) ? "services.errors.notCancellable" : null;
  return (
    <>
      <BackLink href={back} label={`${service.productName} · ${service.domain}`} />
      <PageHeader title={t("cancel.title")} description={t("cancel.description", { product: service.productName, domain: service.domain })} />
      {blocked ? (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {tAll(blocked)}
        </p>
      ) : (
        <CancelForm
          serviceId={service.id}
          domain={service.domain}
          endOfPeriodDate={service.nextDueDate ? formatDate(service.nextDueDate, locale) : null}
          ownsDomain={service.domainId !== null}
        />
      )}
    </>
  );
}
