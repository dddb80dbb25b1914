import { getLocale, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/app/_components/status-badge";
import type { ActiveSession } from "@/lib/account/sessions";
import { formatDateTime } from "@/lib/i18n/format";

/** "Sesiones activas": device in plain words, IP, last activity; the browser asking is marked. */
export async function SessionList({ sessions }: { sessions: ActiveSession[] }) {
  const t = await getTranslations("security.sessions");
  const locale = await getLocale();

  const device = (session: ActiveSession) => {
    if (session.browser && session.os) return t("device", { browser: session.browser, os: session.os });
    if (session.browser) return t("browserOnly", { browser: session.browser });
    if (session.os) return t("osOnly", { os: session.os });
    return t("unknownDevice");
  };

  return (
    <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
      {sessions.map((session) => (
        <li key={session.id} className="flex flex-col gap-1 px-3 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4">
          <div className="min-w-0">
            <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
              <span className="break-words">{device(session)}</span>
              {session.current && <StatusBadge label={t("current")} tone="green" />}
            </p>
            <p className="text-sm break-all text-slate-600">{t("ip", { ip: session.ip && session.ip !== "unknown" ? session.ip : t("unknownIp") })}</p>
          </div>
          <div className="text-sm text-slate-600 sm:text-right">
            <p>{t("lastSeen", { when: formatDateTime(session.lastSeenAt, locale) })}</p>
            <p className="text-xs text-slate-500">{t("started", { when: formatDateTime(session.createdAt, locale) })}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
