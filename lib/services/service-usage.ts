import { and, eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { services } from "@/db/schema";
import type { ClientScope } from "@/lib/auth/scope";
import { getProvider } from "@/lib/providers";
import { loadPanelTarget } from "./panel-target";
import type { ServiceUsage } from "./service-view";

/** The panel is asked again once the cached figures are older than this. */
export const USAGE_FRESH_MS = 15 * 60 * 1000;
/** The page never waits longer than this for the panel: it shows the cached figures instead. */
export const USAGE_TIMEOUT_MS = 2500;

export type UsageReading = { usage: ServiceUsage; source: "panel" | "cache"; available: boolean };

class UsageTimeout extends Error {}

/**
 * "Estadísticas de uso": fresh figures from the panel when the cached ones are stale, written back
 * to the service row with their time; when the panel is slow, down or the account has none, the
 * cached figures with `available: false`. Never throws for a panel failure.
 */
export async function readServiceUsage(
  scope: ClientScope,
  serviceId: number,
  cached: ServiceUsage,
  options: { db?: Executor; now?: Date; timeoutMs?: number; freshMs?: number } = {},
): Promise<UsageReading> {
  const now = options.now ?? new Date();
  const freshMs = options.freshMs ?? USAGE_FRESH_MS;
  if (cached.usageUpdatedAt && now.getTime() - cached.usageUpdatedAt.getTime() < freshMs) {
    return { usage: cached, source: "cache", available: true };
  }
  const db = options.db ?? (await getDb());
  const target = await loadPanelTarget(db, scope, serviceId);
  if (!target?.account || (target.status !== "active" && target.status !== "suspended")) {
    return { usage: cached, source: "cache", available: false };
  }
  const { server, username } = target.account;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const fresh = await Promise.race([
      getProvider("hosting").getUsage(server, username),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new UsageTimeout(`usage of service ${serviceId}: no answer in ${options.timeoutMs ?? USAGE_TIMEOUT_MS} ms`)), options.timeoutMs ?? USAGE_TIMEOUT_MS);
      }),
    ]);
    const usage: ServiceUsage = {
      diskUsageMb: Math.round(fresh.diskUsedMb),
      diskLimitMb: fresh.diskLimitMb === null ? null : Math.round(fresh.diskLimitMb),
      bandwidthUsageMb: Math.round(fresh.bandwidthUsedMb),
      bandwidthLimitMb: fresh.bandwidthLimitMb === null ? null : Math.round(fresh.bandwidthLimitMb),
      usageUpdatedAt: now,
    };
    await db
      .update(services)
      .set({ ...usage, usageUpdatedAt: sql`${now.toISOString()}::timestamptz` })
      .where(and(eq(services.id, serviceId), eq(services.clientId, scope.clientId)));
    return { usage, source: "panel", available: true };
  } catch (error) {
    console.warn(`Usage of service ${serviceId} could not be read from the panel:`, error instanceof Error ? error.message : error);
    return { usage: cached, source: "cache", available: false };
  } finally {
    clearTimeout(timer);
  }
}
