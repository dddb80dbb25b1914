import { getRequestTranslator } from "@/lib/i18n/request-locale";
import { announcementsAtomFeed } from "@/lib/support/announcement-feed";

export const dynamic = "force-dynamic";

/** "Anuncios" as an Atom feed, public so a feed reader can follow it without signing in. */
export async function GET(): Promise<Response> {
  const t = await getRequestTranslator();
  const xml = await announcementsAtomFeed(t("knowledge.feed.title"));
  return new Response(xml, {
    status: 200,
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=300" },
  });
}
