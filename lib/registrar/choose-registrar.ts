import { env, isEmbeddedDatabase, type Env } from "@/lib/env";
import { createLogicBoxesRegistrar } from "./logicboxes/logicboxes-registrar";
import type { Registrar } from "./registrar";
import { createRefusingRegistrar } from "./refusing-registrar";
import { createSandboxRegistrar } from "./sandbox-registrar";

type RegistrarConfig = Pick<
  Env,
  "REGISTRAR" | "NODE_ENV" | "LOGICBOXES_API_URL" | "LOGICBOXES_DOMAINCHECK_URL" | "LOGICBOXES_RESELLER_ID" | "LOGICBOXES_API_KEY" | "LOGICBOXES_CUSTOMER_ID" | "LOGICBOXES_TIMEOUT_MS"
> & { embeddedDatabase: boolean };

/**
 * REGISTRAR=logicboxes, or REGISTRAR unset with a LogicBoxes key set: the LogicBoxes (ResellerClub)
 * adapter. REGISTRAR=sandbox, or nothing set: the embedded sandbox, except in production on
 * PostgreSQL, where a sandbox nobody asked for would take customers' money for names it only
 * pretends to register; there every call answers "unavailable", as the hosting panel does. LogicBoxes asked for but a
 * reseller id, API key or customer id missing: every registrar call answers "unavailable" with the
 * missing variable in the log, rather than quietly falling back to a sandbox that would tell
 * customers their names are registered.
 */
export function chooseRegistrar(config: RegistrarConfig = { ...env, embeddedDatabase: isEmbeddedDatabase }): Registrar {
  if (config.REGISTRAR === "sandbox") return createSandboxRegistrar();
  const keySet = Boolean(config.LOGICBOXES_RESELLER_ID || config.LOGICBOXES_API_KEY || config.LOGICBOXES_CUSTOMER_ID);
  if (config.REGISTRAR !== "logicboxes" && !keySet) {
    if (config.NODE_ENV === "production" && !config.embeddedDatabase) {
      return createRefusingRegistrar("sandbox", "REGISTRAR is not set: set it to logicboxes with its keys, or to sandbox for a staging site");
    }
    return createSandboxRegistrar();
  }

  const { LOGICBOXES_RESELLER_ID: resellerId, LOGICBOXES_API_KEY: apiKey, LOGICBOXES_CUSTOMER_ID: customerId } = config;
  if (!resellerId || !apiKey || !customerId) {
    const missing = [!resellerId && "LOGICBOXES_RESELLER_ID", !apiKey && "LOGICBOXES_API_KEY", !customerId && "LOGICBOXES_CUSTOMER_ID"].filter(Boolean);
    const asked = config.REGISTRAR === "logicboxes" ? "REGISTRAR=logicboxes" : "a LOGICBOXES_* variable is set";
    return createRefusingRegistrar("logicboxes", `${asked} but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not`);
  }
  return createLogicBoxesRegistrar({
    baseUrl: config.LOGICBOXES_API_URL,
    availabilityUrl: config.LOGICBOXES_DOMAINCHECK_URL,
    resellerId,
    apiKey,
    customerId,
    timeoutMs: config.LOGICBOXES_TIMEOUT_MS,
  });
}
