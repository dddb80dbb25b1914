import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/session";
import { endImpersonationAction } from "./impersonation-actions";

/** Always on top while staff use the portal as a client, so no one forgets whose account this is. */
export async function ImpersonationBanner({ user }: { user: SessionUser }) {
  if (!user.impersonator) return null;
  const t = await getTranslations("admin.impersonation");
  return (
    <div role="status" className="bg-amber-300 text-slate-900 print:hidden">
      <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-2 text-sm sm:flex-row sm:items-center sm:justify-between">
        <p className="font-medium break-words">{t("banner", { client: user.name })}</p>
        <form action={endImpersonationAction}>
          <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 font-semibold text-white hover:bg-slate-700">
            {t("end")}
          </button>
        </form>
      </div>
    </div>
  );
}
