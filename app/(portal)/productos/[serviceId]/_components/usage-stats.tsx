import { getLocale, getTranslations } from "next-intl/server";
import type { ClientScope } from "@/lib/auth/scope";
import { formatDateTime } from "@/lib/i18n/format";
import { readServiceUsage } from "@/lib/services/service-usage";
import type { ServiceUsage } from "@/lib/services/service-view";
import { formatFileSize } from "../../../_dashboard/format-size";

const formatSize = (megabytes: number, locale: string) => formatFileSize(megabytes * 1024 * 1024, locale);

type UsageState = "fresh" | "checking" | "unavailable";

function Bar({ label, used, limit, locale, t }: { label: string; used: number; limit: number | null; locale: string; t: Awaited<ReturnType<typeof getTranslations<"services.service.usage">>> }) {
  const percent = limit && limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : null;
  const colour = percent === null ? "bg-brand-600" : percent >= 90 ? "bg-red-600" : percent >= 75 ? "bg-amber-500" : "bg-green-600";
  const text = limit === null ? t("unlimited", { used: formatSize(used, locale) }) : t("ofLimit", { used: formatSize(used, locale), limit: formatSize(limit, locale) });
  return (
    <div>
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
        <span className="font-medium text-slate-800">{label}</span>
        <span className="tabular-nums text-slate-700">
          {text}
          {percent !== null && ` · ${percent} %`}
        </span>
      </div>
      <div
        className="mt-1 h-2.5 w-full overflow-hidden rounded-full bg-slate-200"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={limit ?? used}
        aria-valuenow={used}
        aria-valuetext={text}
      >
        <div className={`h-full ${colour}`} style={{ width: `${percent ?? 100}%` }} />
      </div>
    </div>
  );
}

/** Disk and transfer bars with the time of the figures, and what the panel said about them. */
export async function UsageBars({ usage, state }: { usage: ServiceUsage; state: UsageState }) {
  const t = await getTranslations("services.service.usage");
  const locale = await getLocale();
  return (
    <div className="space-y-4" aria-busy={state === "checking"}>
      <Bar label={t("disk")} used={usage.diskUsageMb} limit={usage.diskLimitMb} locale={locale} t={t} />
      <Bar label={t("bandwidth")} used={usage.bandwidthUsageMb} limit={usage.bandwidthLimitMb} locale={locale} t={t} />
      <p className="text-xs text-slate-600">{usage.usageUpdatedAt ? t("updatedAt", { date: formatDateTime(usage.usageUpdatedAt, locale) }) : t("never")}</p>
      {state === "checking" && <p className="text-xs text-slate-500">{t("checking")}</p>}
      {state === "unavailable" && (
        <p role="status" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {t("unavailable")}
        </p>
      )}
    </div>
  );
}

/**
 * The figures as the panel gives them now, streamed in after the page (inside a Suspense boundary
 * whose fallback shows the cached ones): a slow or down panel never holds the page back.
 */
export async function LiveUsage({ scope, serviceId, cached }: { scope: ClientScope; serviceId: number; cached: ServiceUsage }) {
  const reading = await readServiceUsage(scope, serviceId, cached);
  return <UsageBars usage={reading.usage} state={reading.available ? "fresh" : "unavailable"} />;
}
