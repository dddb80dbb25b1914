import { getSessionUser } from "@/lib/auth/session";
import { PortalShell } from "../(portal)/_shell/portal-shell";

/**
 * Pages open to signed-out visitors too (Base de conocimientos, Descargas): the portal's own frame,
 * with the full menu when signed in and a short public one otherwise.
 */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  return <PortalShell user={await getSessionUser()}>{children}</PortalShell>;
}
