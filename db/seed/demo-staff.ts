import type { Transaction } from "@/db/client";
import { cannedReplies, staffUsers } from "@/db/schema";
import { sealSecret } from "@/lib/auth/secret-box";

/**
 * The demo's staff logins (password Demo-2026!, as for the customers). The admin's authenticator
 * secret is fixed and printed in the README so anyone trying the demo can add it to an app: for the
 * demo only, never for a real account. The support user has none yet and enrols on first sign-in.
 */
export const DEMO_STAFF = {
  admin: { email: "admin@empresa.test", name: "Ana Administradora", role: "admin" },
  support: { email: "soporte@empresa.test", name: "Sergio Soporte", role: "support" },
} as const;

export const DEMO_ADMIN_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export async function seedDemoStaff(tx: Transaction, passwordHash: string): Promise<{ admin: number; support: number }> {
  const [admin] = await tx
    .insert(staffUsers)
    .values({ ...DEMO_STAFF.admin, passwordHash, totpSecret: sealSecret(DEMO_ADMIN_TOTP_SECRET), totpEnabledAt: new Date() })
    .returning({ id: staffUsers.id });
  const [support] = await tx.insert(staffUsers).values({ ...DEMO_STAFF.support, passwordHash }).returning({ id: staffUsers.id });
  await tx.insert(cannedReplies).values([
    {
      title: "Saludo y seguimiento",
      body: "Hola:\n\nGracias por escribirnos. Estamos revisando su consulta y le responderemos en cuanto tengamos novedades.\n\nUn saludo,\nEl equipo de soporte",
    },
    {
      title: "Reactivación tras el pago",
      body: "Hola:\n\nEn cuanto se registra el pago de la factura pendiente, el servicio se reactiva automáticamente en unos minutos. No necesita avisarnos.\n\nUn saludo,\nEl equipo de soporte",
    },
  ]);
  return { admin: admin!.id, support: support!.id };
}
