import Link from "next/link";
import { getTranslations } from "next-intl/server";

export type SummaryTile = { key: "activeServices" | "domains" | "openTickets" | "unpaidInvoices"; value: number; href?: string };

/** Counters under the title; a tile the user has no permission for is not passed in. */
export async function SummaryTiles({ tiles }: { tiles: SummaryTile[] }) {
  if (tiles.length === 0) return null;
  const t = await getTranslations("dashboard.tiles");
  return (
    <section aria-label={t("label")} className="mb-6">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {tiles.map((tile) => {
          const body = (
            <>
              <span className="block text-2xl font-bold text-slate-900">{tile.value}</span>
              <span className="block text-sm text-slate-600">{t(tile.key)}</span>
            </>
          );
          const box = "block h-full rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm";
          return (
            <li key={tile.key} className="min-w-0">
              {tile.href ? (
                <Link href={tile.href} className={`${box} hover:border-brand-600`}>
                  {body}
                </Link>
              ) : (
                <div className={box}>{body}</div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
