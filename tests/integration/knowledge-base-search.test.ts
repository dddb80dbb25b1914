import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { kbArticles, kbCategories } from "@/db/schema";
import { searchKnowledgeBase } from "@/lib/support/knowledge-base-search";
import { setupTestDatabase } from "@/tests/helpers/database";

// On DATABASE_URL other files share the table: every article carries this run's made-up word.
const RUN = `zq${Math.random().toString(36).slice(2, 8)}`;

let db: Database;
let titleMatch: number;
let bodyMention: number;
let draft: number;

beforeAll(async () => {
  db = await setupTestDatabase();
  const [category] = await db.insert(kbCategories).values({ name: `Correo ${RUN}`, slug: `correo-${RUN}` }).returning({ id: kbCategories.id });
  const insert = async (title: string, body: string, published = true) =>
    (
      await db
        .insert(kbArticles)
        .values({ categoryId: category!.id, title, slug: `${RUN}-${title.length}-${Math.random().toString(36).slice(2, 6)}`, body, published })
        .returning({ id: kbArticles.id })
    )[0]!.id;
  // Inserted first, so a tie broken by id would put it last: only the rank can put it first.
  titleMatch = await insert(`Cómo crear cuentas de correo ${RUN}`, `Desde cPanel, en la sección de email, pulse "Crear" ${RUN}.`);
  bodyMention = await insert(`Copias de seguridad ${RUN}`, `Las copias incluyen archivos, bases de datos y también el correo ${RUN}.`);
  draft = await insert(`Borrador sobre correo ${RUN}`, `Texto sin publicar ${RUN}.`, false);
});

describe("searchKnowledgeBase", () => {
  it("ranks an article whose title matches above one that mentions the word once, and finds plurals", async () => {
    const hits = await searchKnowledgeBase(`correos ${RUN}`, { db });
    expect(hits.map((hit) => hit.id)).toEqual([titleMatch, bodyMention]);
    expect(hits[0]).toMatchObject({ categorySlug: `correo-${RUN}` });
    expect(hits[0]!.excerpt).toContain("Desde cPanel");
  });

  it("never returns an unpublished article", async () => {
    expect((await searchKnowledgeBase(`borrador ${RUN}`, { db })).map((hit) => hit.id)).not.toContain(draft);
  });

  it.each(["", " ", "a", `"sin cerrar ${RUN}`, "correo & | ! (", "'; drop table kb_articles; --"])("answers %j without an error", async (query) => {
    await expect(searchKnowledgeBase(query, { db })).resolves.toBeInstanceOf(Array);
  });
});
