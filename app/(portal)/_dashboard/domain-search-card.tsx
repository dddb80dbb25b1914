import { getTranslations } from "next-intl/server";
import { Card } from "@/app/_components/card";

/**
 * A plain GET form, so it works without JavaScript. With `orderPaths` (the user may order) the two
 * buttons open Registrar / Transferir un dominio with the name filled in; otherwise the search page,
 * which reads `dominio` and `accion`.
 */
export async function DomainSearchCard({ action, orderPaths }: { action: string; orderPaths?: { register: string; transfer: string } }) {
  const t = await getTranslations("dashboard.domainSearch");
  const button = "inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm";
  return (
    <Card title={t("title")} titleId="registrar-dominio">
      <form action={action} method="get" role="search" aria-labelledby="registrar-dominio" className="space-y-3">
        <p className="text-sm text-slate-600" id="registrar-dominio-ayuda">
          {t("intro")}
        </p>
        <div className="flex flex-col gap-2 sm:flex-row">
          <label htmlFor="dashboard-dominio" className="sr-only">
            {t("label")}
          </label>
          <input
            id="dashboard-dominio"
            name="dominio"
            type="text"
            inputMode="url"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
            maxLength={253}
            placeholder={t("placeholder")}
            aria-describedby="registrar-dominio-ayuda"
            className="block w-full min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:ring-1 focus:ring-brand-600 focus:outline-none"
          />
          <div className="grid grid-cols-2 gap-2 sm:flex">
            <button type="submit" name="accion" value="registrar" formAction={orderPaths?.register} className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>
              {t("register")}
            </button>
            <button type="submit" name="accion" value="transferir" formAction={orderPaths?.transfer} className={`${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`}>
              {t("transfer")}
            </button>
          </div>
        </div>
      </form>
    </Card>
  );
}
