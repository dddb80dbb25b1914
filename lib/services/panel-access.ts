import { z } from "zod";
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/session";
import { isHostingPanelError } from "@/lib/hosting/hosting-panel";
import { getProvider } from "@/lib/providers";
import { rowIdField } from "@/lib/row-id";
import { loadPanelTarget } from "./panel-target";

/**
 * "Accesos rápidos": the cPanel apps a customer can land in straight from the service page, by
 * cPanel's own app names (create_user_session's `app`).
 */
export const PANEL_APPS = {
  emailAccounts: "Email_Accounts",
  forwarders: "Email_Forwarders",
  autoresponders: "Email_AutoResponders",
  fileManager: "FileManager_Home",
  databases: "Database_MySQL",
  phpMyAdmin: "Database_phpMyAdmin",
  subdomains: "Domains_SubDomains",
  addonDomains: "Domains_AddonDomains",
  cronJobs: "Cron_Home",
  backups: "Backups_Home",
  awstats: "Stats_AWStats",
} as const;
export type PanelApp = keyof typeof PANEL_APPS;
const PANEL_APP_KEYS = Object.keys(PANEL_APPS) as [PanelApp, ...PanelApp[]];

export const panelLoginSchema = z.object({
  serviceId: rowIdField(),
  panel: z.enum(["cpanel", "webmail"], { message: "errors.invalidValue" }),
  app: z.enum(PANEL_APP_KEYS, { message: "errors.invalidValue" }).optional(),
});
export type PanelLoginInput = z.infer<typeof panelLoginSchema>;

export type PanelLoginResult = { ok: true; url: string } | { ok: false; error: string };

/**
 * "Acceder a cPanel" / "Acceder a Webmail" and every quick-access icon: a one-time session asked of
 * the panel on this click, for an active service of the user's client. The URL is handed straight
 * back to be followed at once; it is never stored. Each login is in the activity log (who, which
 * service, which app).
 */
export async function openPanelSession(user: SessionUser, input: PanelLoginInput, ip: string | null): Promise<PanelLoginResult> {
  const db = await getDb();
  const target = await loadPanelTarget(db, user.scope, input.serviceId);
  if (!target) return { ok: false, error: "services.errors.notFound" };
  if (target.status !== "active") return { ok: false, error: "services.errors.notActive" };
  if (!target.account) return { ok: false, error: "services.errors.noPanelAccount" };
  const app = input.panel === "cpanel" && input.app ? PANEL_APPS[input.app] : undefined;
  let url: string;
  try {
    ({ url } = await getProvider("hosting").createSession(target.account.server, {
      username: target.account.username,
      service: input.panel === "webmail" ? "webmaild" : "cpaneld",
      ...(app ? { app } : {}),
      locale: "es",
    }));
  } catch (error) {
    if (isHostingPanelError(error)) {
      console.warn(`Panel session for service ${target.serviceId} refused: ${error.code}`);
      return { ok: false, error: error.messageKey };
    }
    throw error;
  }
  await recordAudit(db, {
    clientId: user.clientId,
    contactId: user.contactId,
    action: "service.panel_login",
    details: { serviceId: target.serviceId, domain: target.domain, panel: input.panel, ...(app ? { app } : {}) },
    ip,
  });
  return { ok: true, url };
}
