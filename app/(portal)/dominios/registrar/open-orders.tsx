import { getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";
import type { SessionUser } from "@/lib/auth/session";
import { listOpenDomainOrders } from "@/lib/domains/orders/order-domains";

/** Domain orders paid and still with the registrar, or refused by it (with the reason): never silently stuck. */
export async function OpenDomainOrders({ user }: { user: SessionUser }) {
  const open = await listOpenDomainOrders(user.scope);
  if (open.length === 0) return null;
  const t = await getTranslations("domainOrders");
  const tAll = await getTranslations();
  return (
    <Card title={t("open.title")} titleId="pedidos-de-dominio">
      <ul className="divide-y divide-slate-100 text-sm">
        {open.map((order) => (
          <li key={order.id} className="py-2" data-testid="domain-order">
            <span className="font-semibold break-all text-slate-900">{order.domain}</span> · {t(`open.action.${order.action}`)}:{" "}
            <span className={order.state === "failed" ? "text-red-700" : "text-slate-700"}>
              {order.state === "failed"
                ? t("state.failed", { reason: tAll(`domains.errors.registrar.${(order.lastError ?? "unavailable") as "unavailable"}`) })
                : t(`state.${order.state}`)}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
