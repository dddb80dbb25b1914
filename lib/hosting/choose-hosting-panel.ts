import { env, isEmbeddedDatabase, type Env } from "@/lib/env";
import type { HostingPanel } from "./hosting-panel";
import { createRefusingPanel } from "./refusing-panel";
import { createSandboxPanel } from "./sandbox-panel";
import { createWhmPanel } from "./whm-panel";

type PanelConfig = Pick<Env, "HOSTING_PANEL" | "NODE_ENV" | "WHM_TIMEOUT_MS" | "WHM_BASE_URL"> & { embeddedDatabase: boolean };

/**
 * HOSTING_PANEL=whm: the WHM API 1 adapter (servers and their token variables come from the
 * `servers` table). HOSTING_PANEL=sandbox: the embedded sandbox panel, on purpose. Unset: the
 * sandbox, except in production on PostgreSQL, where a sandbox nobody asked for would tell paying
 * customers their hosting exists; there every panel call answers "unavailable" (services wait in
 * "pending" with the reason), as lib/providers.ts refuses the sandbox payment page in production.
 */
export function chooseHostingPanel(config: PanelConfig = { ...env, embeddedDatabase: isEmbeddedDatabase }): HostingPanel {
  if (config.HOSTING_PANEL === "whm") return createWhmPanel({ timeoutMs: config.WHM_TIMEOUT_MS, baseUrl: config.WHM_BASE_URL });
  if (config.HOSTING_PANEL === "sandbox") return createSandboxPanel();
  if (config.NODE_ENV === "production" && !config.embeddedDatabase) {
    return createRefusingPanel("HOSTING_PANEL is not set: set it to whm, or to sandbox for a staging site");
  }
  return createSandboxPanel();
}
