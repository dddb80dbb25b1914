import type { Registrar } from "./registrar";
import { SandboxRegistrar } from "./sandbox-registrar";

let registrar: Registrar | undefined;

/**
 * The registrar the portal talks to. Only the embedded sandbox exists today; the LogicBoxes
 * (ResellerClub) adapter arrives with the domains issue, together with the lib/env.ts keys that
 * select it. Until then no environment variable is read here.
 */
export function getRegistrar(): Registrar {
  registrar ??= new SandboxRegistrar();
  return registrar;
}
