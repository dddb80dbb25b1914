import { requireUser } from "@/lib/auth/session";
import { PortalShell } from "./_shell/portal-shell";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <PortalShell user={user}>{children}</PortalShell>;
}
