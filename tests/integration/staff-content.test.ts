import { createTestStaff, customerSessionOf, signInAsStaff, staffRequest, type TestStaff } from "@/tests/helpers/staff-request";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { announcements, auditLog, downloadCategories, downloads, kbArticles, kbCategories, networkIssues, servers } from "@/db/schema";
import { buildTinyPdf } from "@/db/seed/tiny-pdf";
import type { SessionUser } from "@/lib/auth/session";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createTestClient, sessionUserFor, uniqueSuffix } from "@/tests/helpers/factories";
import { Forbidden, NotFound } from "@/tests/helpers/next-navigation";
import { scopeOf } from "@/tests/helpers/scope";
import { contentWrites, form } from "@/tests/helpers/staff-content-fixtures";

const outbox = captureEmails();

const actions = await import("@/app/admin/(desk)/contenido/actions");
const pages = {
  overview: (await import("@/app/admin/(desk)/contenido/page")).default,
  announcements: (await import("@/app/admin/(desk)/contenido/anuncios/page")).default,
  newAnnouncement: (await import("@/app/admin/(desk)/contenido/anuncios/nuevo/page")).default,
  announcement: (await import("@/app/admin/(desk)/contenido/anuncios/[id]/page")).default,
  kb: (await import("@/app/admin/(desk)/contenido/conocimiento/page")).default,
  newArticle: (await import("@/app/admin/(desk)/contenido/conocimiento/nuevo/page")).default,
  article: (await import("@/app/admin/(desk)/contenido/conocimiento/[id]/page")).default,
  kbCategories: (await import("@/app/admin/(desk)/contenido/conocimiento/categorias/page")).default,
  kbCategory: (await import("@/app/admin/(desk)/contenido/conocimiento/categorias/[id]/page")).default,
  downloads: (await import("@/app/admin/(desk)/contenido/descargas/page")).default,
  downloadCategories: (await import("@/app/admin/(desk)/contenido/descargas/categorias/page")).default,
  downloadCategory: (await import("@/app/admin/(desk)/contenido/descargas/categorias/[id]/page")).default,
  servers: (await import("@/app/admin/(desk)/contenido/servidores/page")).default,
  newServer: (await import("@/app/admin/(desk)/contenido/servidores/nuevo/page")).default,
  server: (await import("@/app/admin/(desk)/contenido/servidores/[id]/page")).default,
  incidents: (await import("@/app/admin/(desk)/contenido/incidencias/page")).default,
  newIncident: (await import("@/app/admin/(desk)/contenido/incidencias/nueva/page")).default,
  incident: (await import("@/app/admin/(desk)/contenido/incidencias/[id]/page")).default,
};
const { listAnnouncements, getAnnouncementBySlug } = await import("@/lib/support/announcements");
const { searchKnowledgeBase } = await import("@/lib/support/knowledge-base-search");
const { getKbArticle, getKbCategory, listKbCategories } = await import("@/lib/support/knowledge-base");
const { listDownloads, takeDownload } = await import("@/lib/support/downloads");

let db: Database;
let admin: TestStaff;
let support: TestStaff;
let billing: TestStaff;
let customer: SessionUser;
const RUN = uniqueSuffix();

const PDF = buildTinyPdf("Guía", ["Guía de inicio"]);
const pdfFile = (name = "guia.pdf", bytes: Buffer = PDF) => new File([new Uint8Array(bytes)], name, { type: "application/pdf" });
const params = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const noSearch = { searchParams: Promise.resolve({}) };

beforeAll(async () => {
  db = await setupTestDatabase();
  await seedReferenceDataOnce(db);
  admin = await createTestStaff(db, "admin");
  support = await createTestStaff(db, "support");
  billing = await createTestStaff(db, "billing");
  customer = sessionUserFor((await createTestClient(db)).owner);
});
afterAll(teardownTestDatabase);

const STAFF = () => [admin, support, billing];
const writes = () => contentWrites(db, { marker: RUN, staffIds: STAFF().map((member) => member.id) });

async function kbCategory(name = `Correo ${RUN} ${uniqueSuffix()}`) {
  const [row] = await db.insert(kbCategories).values({ name, slug: `cat-${uniqueSuffix()}` }).returning();
  return row!;
}
async function downloadCategory() {
  const [row] = await db.insert(downloadCategories).values({ name: `Manuales ${RUN} ${uniqueSuffix()}` }).returning();
  return row!;
}
async function server() {
  const [row] = await db.insert(servers).values({ name: `Srv ${RUN} ${uniqueSuffix()}`, hostname: `srv-${uniqueSuffix()}.test`, ipAddress: "192.0.2.10", nameservers: ["ns1.example.es"] }).returning();
  return row!;
}

/** Every action of the section, each with input its role could send successfully. */
async function everyAction() {
  const category = await kbCategory();
  const [article] = await db.insert(kbArticles).values({ categoryId: category.id, title: `Borrar ${RUN}`, slug: `borrar-${uniqueSuffix()}`, body: "x" }).returning();
  const [announcement] = await db.insert(announcements).values({ title: `Borrar ${RUN}`, slug: `borrar-${uniqueSuffix()}`, body: "x" }).returning();
  const files = await downloadCategory();
  const emptyFiles = await downloadCategory();
  const emptyKb = await kbCategory();
  const [file] = await db.insert(downloads).values({ categoryId: files.id, title: `Borrar ${RUN}`, fileName: "a.pdf", mimeType: "application/pdf", sizeBytes: PDF.length, data: PDF }).returning();
  const target = await server();
  const [issue] = await db.insert(networkIssues).values({ title: `Caída ${RUN}`, description: "x", status: "investigating", startsAt: new Date() }).returning();
  return {
    content: [
      { name: "saveAnnouncement", run: () => actions.saveAnnouncementAction(null, form({ title: `Aviso ${RUN}`, body: "Texto", publishedAt: "2026-01-01T10:00", published: "on" })) },
      { name: "deleteAnnouncement", run: () => actions.deleteAnnouncementAction(null, form({ id: String(announcement!.id) })) },
      { name: "saveKbCategory", run: () => actions.saveKbCategoryAction(null, form({ name: `Dominios ${RUN}` })) },
      { name: "deleteKbCategory", run: () => actions.deleteKbCategoryAction(null, form({ id: String(emptyKb.id) })) },
      { name: "saveKbArticle", run: () => actions.saveKbArticleAction(null, form({ title: `Artículo ${RUN}`, categoryId: String(category.id), body: "Texto", published: "on" })) },
      { name: "deleteKbArticle", run: () => actions.deleteKbArticleAction(null, form({ id: String(article!.id) })) },
      { name: "saveDownloadCategory", run: () => actions.saveDownloadCategoryAction(null, form({ name: `Programas ${RUN}` })) },
      { name: "deleteDownloadCategory", run: () => actions.deleteDownloadCategoryAction(null, form({ id: String(emptyFiles.id) })) },
      { name: "uploadDownload", run: () => actions.uploadDownloadAction(null, form({ categoryId: String(files.id), title: `Guía ${RUN}`, file: pdfFile() })) },
      { name: "removeDownload", run: () => actions.removeDownloadAction(null, form({ id: String(file!.id) })) },
      {
        name: "createIncident",
        run: () => actions.createIncidentAction(null, form({ title: `Caída ${RUN}`, description: "Sin servicio", status: "outage", startsAt: "2026-01-01T10:00", serverIds: String(target.id) })),
      },
      { name: "postIncidentUpdate", run: () => actions.postIncidentUpdateAction(null, form({ issueId: String(issue!.id), status: "in_progress", message: "Trabajando" })) },
      { name: "resolveIncident", run: () => actions.resolveIncidentAction(null, form({ issueId: String(issue!.id), resolution: "Hecho" })) },
    ],
    servers: [
      {
        name: "saveServer",
        run: () => actions.saveServerAction(null, form({ name: `Nuevo ${RUN}`, hostname: "nuevo.example.es", ipAddress: "192.0.2.20", nameservers: "ns1.example.es", port: "2087", username: "root", serverGroup: "default", maxAccounts: "200" })),
      },
    ],
    ids: { announcement: announcement!.id, article: article!.id, category: category.id, files: files.id, server: target.id, issue: issue!.id },
  };
}

type Ids = Awaited<ReturnType<typeof everyAction>>["ids"];
const contentPages = (ids: Ids) => [
  () => pages.overview(),
  () => pages.announcements(noSearch),
  () => pages.newAnnouncement(),
  () => pages.announcement(params(ids.announcement)),
  () => pages.kb(noSearch),
  () => pages.newArticle(),
  () => pages.article(params(ids.article)),
  () => pages.kbCategories(),
  () => pages.kbCategory(params(ids.category)),
  () => pages.downloads(),
  () => pages.downloadCategories(),
  () => pages.downloadCategory(params(ids.files)),
  () => pages.incidents(noSearch),
  () => pages.newIncident(),
  () => pages.incident(params(ids.issue)),
];
const serverPages = (ids: Ids) => [() => pages.servers(), () => pages.newServer(), () => pages.server(params(ids.server))];

describe("the content section to customers, visitors and the wrong staff", () => {
  it("answers 404 to every action and page without a staff session (signed out or a customer's), and writes nothing", async () => {
    const every = await everyAction();
    const before = await writes();
    for (const session of [null, customerSessionOf(customer)]) {
      staffRequest.customerSession = session;
      for (const action of [...every.content, ...every.servers]) await expect(action.run(), action.name).rejects.toBeInstanceOf(NotFound);
      for (const page of [...contentPages(every.ids), ...serverPages(every.ids)]) await expect(page()).rejects.toBeInstanceOf(NotFound);
    }
    expect(await writes()).toEqual(before);
    expect(outbox).toHaveLength(0);
  });

  it("answers 403 to billing staff on every action and page, and to support staff on the servers, and writes nothing", async () => {
    const every = await everyAction();
    const before = await writes();
    await signInAsStaff(db, billing);
    for (const action of [...every.content, ...every.servers]) await expect(action.run(), action.name).rejects.toBeInstanceOf(Forbidden);
    for (const page of [...contentPages(every.ids), ...serverPages(every.ids)]) await expect(page()).rejects.toBeInstanceOf(Forbidden);
    staffRequest.cookies.clear();
    await signInAsStaff(db, support);
    for (const action of every.servers) await expect(action.run(), action.name).rejects.toBeInstanceOf(Forbidden);
    for (const page of serverPages(every.ids)) await expect(page()).rejects.toBeInstanceOf(Forbidden);
    expect(await writes()).toEqual(before);
  });

  it("lets support staff run every content action and open every content page, and admins the servers too", async () => {
    const every = await everyAction();
    await signInAsStaff(db, support);
    for (const page of contentPages(every.ids)) await expect(page()).resolves.toBeTruthy();
    for (const action of every.content) expect(await action.run(), action.name).toMatchObject({ ok: true });
    staffRequest.cookies.clear();
    await signInAsStaff(db, admin);
    // The content actions above deleted their rows: fresh ones for the admin's pages.
    const fresh = await everyAction();
    for (const page of [...contentPages(fresh.ids), ...serverPages(fresh.ids)]) await expect(page()).resolves.toBeTruthy();
    for (const action of every.servers) expect(await action.run(), action.name).toMatchObject({ ok: true });
    expect(staffRequest.revalidatePath).toHaveBeenCalledWith("/admin/contenido", "layout");
    expect(staffRequest.revalidatePath).toHaveBeenCalledWith("/soporte", "layout");
  });

  it("answers 404 for an edit page of a row that does not exist", async () => {
    await signInAsStaff(db, admin);
    for (const id of ["999999999", "abc", "0"]) {
      for (const page of [pages.announcement, pages.article, pages.kbCategory, pages.downloadCategory, pages.server, pages.incident]) await expect(page(params(id))).rejects.toBeInstanceOf(NotFound);
    }
  });
});

describe("announcements", () => {
  it("publishes one the customers' feed and page show, keeps drafts and future ones hidden, edits and deletes with an audit trail", async () => {
    await signInAsStaff(db, support);
    const title = `Nuevo centro de datos ${RUN}`;
    const saved = await actions.saveAnnouncementAction(null, form({ title, body: "Primer párrafo.\n\nSegundo párrafo.", publishedAt: "2026-02-01T09:30", published: "on" }));
    expect(saved).toMatchObject({ ok: true, message: "adminContent.announcements.saved" });
    const id = saved.ok ? saved.data!.id : 0;
    const [row] = await db.select().from(announcements).where(eq(announcements.id, id));
    // 09:30 in Madrid in winter is 08:30 UTC.
    expect(row).toMatchObject({ title, slug: `nuevo-centro-de-datos-${RUN}`, published: true, publishedAt: new Date("2026-02-01T08:30:00Z") });
    const feed = await listAnnouncements({ limit: 100 });
    expect(feed.rows.find((entry) => entry.id === id)).toMatchObject({ title, summary: "Primer párrafo." });
    expect(await getAnnouncementBySlug(row!.slug)).toMatchObject({ id, body: "Primer párrafo.\n\nSegundo párrafo." });

    // The same title again gets a slug of its own.
    const twin = await actions.saveAnnouncementAction(null, form({ title, body: "Otro", publishedAt: "2026-02-01T09:30", published: "on" }));
    const [twinRow] = await db.select().from(announcements).where(eq(announcements.id, twin.ok ? twin.data!.id : 0));
    expect(twinRow!.slug).toBe(`nuevo-centro-de-datos-${RUN}-2`);

    const draft = await actions.saveAnnouncementAction(null, form({ title: `Borrador ${RUN}`, body: "Aún no", publishedAt: "2026-02-01T09:30" }));
    const future = await actions.saveAnnouncementAction(null, form({ title: `Futuro ${RUN}`, body: "Más adelante", publishedAt: "2099-01-01T00:00", published: "on" }));
    const visibleIds = (await listAnnouncements({ limit: 100 })).rows.map((entry) => entry.id);
    expect(visibleIds).not.toContain(draft.ok ? draft.data!.id : -1);
    expect(visibleIds).not.toContain(future.ok ? future.data!.id : -1);

    // Edit: unpublishing hides it; the slug stays.
    const edited = await actions.saveAnnouncementAction(null, form({ id: String(id), title: `${title} (actualizado)`, body: "Nuevo texto", publishedAt: "2026-02-01T09:30" }));
    expect(edited.ok).toBe(true);
    const [after] = await db.select().from(announcements).where(eq(announcements.id, id));
    expect(after).toMatchObject({ title: `${title} (actualizado)`, slug: row!.slug, published: false });
    expect(await getAnnouncementBySlug(row!.slug)).toBeNull();

    expect(await actions.deleteAnnouncementAction(null, form({ id: String(id) }))).toMatchObject({ ok: true });
    expect(await db.select().from(announcements).where(eq(announcements.id, id))).toEqual([]);
    expect(await actions.deleteAnnouncementAction(null, form({ id: String(id) }))).toEqual({ ok: false, error: "adminContent.errors.announcementNotFound" });

    const trail = await db.select().from(auditLog).where(eq(auditLog.staffUserId, support.id)).orderBy(asc(auditLog.id));
    const mine = trail.filter((entry) => (entry.details as { announcementId?: number } | null)?.announcementId === id);
    expect(mine.map((entry) => entry.action)).toEqual(["staff.announcement_saved", "staff.announcement_saved", "staff.announcement_deleted"]);
    expect(mine.every((entry) => entry.clientId === null)).toBe(true);
  });

  it("refuses bad input with a message next to the field and writes nothing", async () => {
    await signInAsStaff(db, support);
    const before = await writes();
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ title: "", body: "Texto", publishedAt: "2026-01-01T10:00" }, { title: "adminContent.errors.titleRequired" }],
      [{ title: "x".repeat(201), body: "Texto", publishedAt: "2026-01-01T10:00" }, { title: "adminContent.errors.titleTooLong" }],
      [{ title: `Aviso ${RUN}`, body: "   ", publishedAt: "2026-01-01T10:00" }, { body: "adminContent.errors.bodyRequired" }],
      [{ title: `Aviso ${RUN}`, body: "Texto", publishedAt: "mañana" }, { publishedAt: "adminContent.errors.publishDateInvalid" }],
      [{ title: `Aviso ${RUN}`, body: "Texto", publishedAt: "2026-02-30T10:00" }, { publishedAt: "adminContent.errors.publishDateInvalid" }],
      [{ id: "abc", title: `Aviso ${RUN}`, body: "Texto", publishedAt: "2026-01-01T10:00" }, { id: "errors.invalidValue" }],
    ];
    for (const [values, fieldErrors] of cases) {
      expect(await actions.saveAnnouncementAction(null, form(values)), JSON.stringify(values)).toEqual({ ok: false, error: "errors.checkFields", fieldErrors });
    }
    expect(await actions.saveAnnouncementAction(null, form({ id: "999999999", title: `Aviso ${RUN}`, body: "Texto", publishedAt: "2026-01-01T10:00" }))).toEqual({
      ok: false,
      error: "adminContent.errors.announcementNotFound",
    });
    expect(await writes()).toEqual(before);
    expect(staffRequest.revalidatePath).not.toHaveBeenCalled();
  });
});

describe("the knowledge base", () => {
  it("publishes an article the customers' knowledge base and its search find, hides it, keeps slugs unique and deletes", async () => {
    await signInAsStaff(db, support);
    const category = await actions.saveKbCategoryAction(null, form({ name: `Correo electrónico ${RUN}`, description: "Buzones y listas", sortOrder: "3" }));
    expect(category).toMatchObject({ ok: true, message: "adminContent.kb.categorySaved" });
    const categoryId = category.ok ? category.data!.id : 0;
    expect((await listKbCategories()).find((row) => row.id === categoryId)).toMatchObject({ slug: `correo-electronico-${RUN}`, articleCount: 0 });

    const word = `zorbatron${RUN.replace(/\W/g, "")}`;
    const saved = await actions.saveKbArticleAction(
      null,
      form({ title: `Configurar el ${word} en Thunderbird`, categoryId: String(categoryId), body: "## Pasos\n\n- Abra Thunderbird\n- Añada la cuenta", published: "on" }),
    );
    expect(saved).toMatchObject({ ok: true, message: "adminContent.kb.articleSaved" });
    const articleId = saved.ok ? saved.data!.id : 0;
    const hits = await searchKnowledgeBase(word);
    expect(hits.map((hit) => hit.id)).toEqual([articleId]);
    const [row] = await db.select().from(kbArticles).where(eq(kbArticles.id, articleId));
    expect(await getKbArticle(row!.slug)).toMatchObject({ id: articleId, body: "## Pasos\n\n- Abra Thunderbird\n- Añada la cuenta", category: { id: categoryId } });
    expect((await listKbCategories()).find((entry) => entry.id === categoryId)?.articleCount).toBe(1);

    // A hidden category takes its articles out of every customer-side read; shown again, they are back.
    const categoryFields = { id: String(categoryId), name: `Correo electrónico ${RUN}`, description: "Buzones y listas", sortOrder: "3" };
    expect(await actions.saveKbCategoryAction(null, form({ ...categoryFields, hidden: "on" }))).toMatchObject({ ok: true });
    expect((await listKbCategories()).map((entry) => entry.id)).not.toContain(categoryId);
    expect(await searchKnowledgeBase(word)).toEqual([]);
    expect(await getKbArticle(row!.slug)).toBeNull();
    expect(await getKbCategory(`correo-electronico-${RUN}`)).toBeNull();
    expect(await db.select().from(kbArticles).where(eq(kbArticles.id, articleId)).then((rows) => rows[0]!.published)).toBe(true);
    expect(await actions.saveKbCategoryAction(null, form(categoryFields))).toMatchObject({ ok: true });
    expect((await searchKnowledgeBase(word)).map((hit) => hit.id)).toEqual([articleId]);
    expect(await getKbCategory(`correo-electronico-${RUN}`)).not.toBeNull();

    // A slug another article uses is refused next to the field; a hidden article is out of the search.
    const other = await actions.saveKbArticleAction(null, form({ title: `Otro ${RUN}`, slug: row!.slug, categoryId: String(categoryId), body: "Texto" }));
    expect(other).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { slug: "adminContent.errors.slugTaken" } });
    const hidden = await actions.saveKbArticleAction(null, form({ id: String(articleId), title: row!.title, categoryId: String(categoryId), body: row!.body }));
    expect(hidden.ok).toBe(true);
    expect(await searchKnowledgeBase(word)).toEqual([]);
    expect(await getKbArticle(row!.slug)).toBeNull();
    const [kept] = await db.select().from(kbArticles).where(eq(kbArticles.id, articleId));
    expect(kept).toMatchObject({ slug: row!.slug, published: false });

    // A category with articles cannot go; once empty it can.
    expect(await actions.deleteKbCategoryAction(null, form({ id: String(categoryId) }))).toEqual({ ok: false, error: "adminContent.errors.categoryNotEmpty" });
    expect(await actions.deleteKbArticleAction(null, form({ id: String(articleId) }))).toMatchObject({ ok: true });
    expect(await actions.deleteKbCategoryAction(null, form({ id: String(categoryId) }))).toMatchObject({ ok: true });
    expect(await db.select().from(kbCategories).where(eq(kbCategories.id, categoryId))).toEqual([]);
    const actionsDone = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.staffUserId, support.id))).map((entry) => entry.action);
    for (const action of ["staff.kb_category_saved", "staff.kb_article_saved", "staff.kb_article_deleted", "staff.kb_category_deleted"]) expect(actionsDone).toContain(action);
  });

  it("refuses bad input with a message next to the field and writes nothing", async () => {
    await signInAsStaff(db, support);
    const { id: categoryId } = await kbCategory();
    const [existing] = await db.insert(kbCategories).values({ name: `Existente ${RUN}`, slug: `existente-${uniqueSuffix()}` }).returning();
    const before = await writes();
    const articleCases: [Record<string, string>, Record<string, string>][] = [
      [{ title: "", categoryId: String(categoryId), body: "Texto" }, { title: "adminContent.errors.titleRequired" }],
      [{ title: `Artículo ${RUN}`, categoryId: "", body: "Texto" }, { categoryId: "adminContent.errors.categoryRequired" }],
      [{ title: `Artículo ${RUN}`, categoryId: "999999999", body: "Texto" }, { categoryId: "adminContent.errors.categoryRequired" }],
      [{ title: `Artículo ${RUN}`, categoryId: String(categoryId), body: "" }, { body: "adminContent.errors.bodyRequired" }],
      [{ title: `Artículo ${RUN}`, slug: "Con Espacios", categoryId: String(categoryId), body: "Texto" }, { slug: "adminContent.errors.slugInvalid" }],
      [{ title: `Artículo ${RUN}`, categoryId: String(categoryId), body: "x".repeat(50_001) }, { body: "adminContent.errors.bodyTooLong" }],
    ];
    for (const [values, fieldErrors] of articleCases) {
      expect(await actions.saveKbArticleAction(null, form(values)), JSON.stringify(values).slice(0, 80)).toEqual({ ok: false, error: "errors.checkFields", fieldErrors });
    }
    const categoryCases: [Record<string, string>, Record<string, string>][] = [
      [{ name: "" }, { name: "adminContent.errors.nameRequired" }],
      [{ name: `Dominios ${RUN}`, sortOrder: "primero" }, { sortOrder: "adminContent.errors.sortOrderInvalid" }],
      [{ name: `Dominios ${RUN}`, slug: "ñandú" }, { slug: "adminContent.errors.slugInvalid" }],
      [{ name: `Dominios ${RUN}`, slug: existing!.slug }, { slug: "adminContent.errors.slugTaken" }],
    ];
    for (const [values, fieldErrors] of categoryCases) {
      expect(await actions.saveKbCategoryAction(null, form(values)), JSON.stringify(values)).toEqual({ ok: false, error: "errors.checkFields", fieldErrors });
    }
    expect(await actions.deleteKbArticleAction(null, form({ id: "999999999" }))).toEqual({ ok: false, error: "adminContent.errors.articleNotFound" });
    expect(await writes()).toEqual(before);
  });
});

describe("downloads", () => {
  it("uploads a checked file stored like the existing downloads, public or for clients only, and removes it", async () => {
    await signInAsStaff(db, support);
    const category = await actions.saveDownloadCategoryAction(null, form({ name: `Manuales ${RUN}` }));
    const categoryId = category.ok ? category.data!.id : 0;
    const open = await actions.uploadDownloadAction(null, form({ categoryId: String(categoryId), title: `Guía pública ${RUN}`, description: "Para empezar", file: pdfFile("guía de inicio.pdf") }));
    expect(open).toMatchObject({ ok: true, message: "adminContent.downloads.uploaded" });
    const closed = await actions.uploadDownloadAction(null, form({ categoryId: String(categoryId), title: `Guía clientes ${RUN}`, clientsOnly: "on", file: pdfFile() }));
    const openId = open.ok ? open.data!.id : 0;
    const closedId = closed.ok ? closed.data!.id : 0;
    const [stored] = await db.select().from(downloads).where(eq(downloads.id, openId));
    expect(stored).toMatchObject({ mimeType: "application/pdf", sizeBytes: PDF.length, clientsOnly: false, description: "Para empezar" });
    expect(Buffer.from(stored!.data).equals(PDF)).toBe(true);

    const visitor = (await listDownloads(null)).find((entry) => entry.id === categoryId)?.files.map((file) => file.id);
    expect(visitor).toEqual([openId]);
    const client = (await listDownloads(scopeOf(customer.clientId))).find((entry) => entry.id === categoryId)?.files.map((file) => file.id);
    expect(client?.sort()).toEqual([openId, closedId].sort());
    expect((await takeDownload(null, openId))?.bytes.equals(PDF)).toBe(true);
    expect(await takeDownload(null, closedId)).toBeNull();

    expect(await actions.deleteDownloadCategoryAction(null, form({ id: String(categoryId) }))).toEqual({ ok: false, error: "adminContent.errors.categoryNotEmpty" });
    expect(await actions.removeDownloadAction(null, form({ id: String(openId) }))).toMatchObject({ ok: true, message: "adminContent.downloads.removed" });
    expect(await takeDownload(null, openId)).toBeNull();
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.staffUserId, support.id), eq(auditLog.action, "staff.download_uploaded")));
    expect(audit).toMatchObject({ clientId: null });
  });

  it("refuses a file whose content is not what its name says, a missing file or category, and writes nothing", async () => {
    await signInAsStaff(db, support);
    const { id: categoryId } = await downloadCategory();
    const before = await writes();
    const html = new File([new TextEncoder().encode("<html><script>alert(1)</script></html>")], "guia.pdf", { type: "application/pdf" });
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])], "setup.zip", { type: "application/zip" });
    const cases: [Record<string, string | Blob>, Record<string, string>][] = [
      [{ categoryId: String(categoryId), title: `Guía ${RUN}`, file: html }, { file: "support.errors.attachmentType" }],
      [{ categoryId: String(categoryId), title: `Guía ${RUN}`, file: exe }, { file: "support.errors.attachmentType" }],
      [{ categoryId: String(categoryId), title: `Guía ${RUN}`, file: new File([], "vacio.pdf") }, { file: "support.errors.attachmentEmpty" }],
      [{ categoryId: String(categoryId), title: `Guía ${RUN}` }, { file: "adminContent.errors.fileRequired" }],
      [{ categoryId: String(categoryId), title: "", file: pdfFile() }, { title: "adminContent.errors.titleRequired" }],
      [{ categoryId: "", title: `Guía ${RUN}`, file: pdfFile() }, { categoryId: "adminContent.errors.categoryRequired" }],
      [{ categoryId: "999999999", title: `Guía ${RUN}`, file: pdfFile() }, { categoryId: "adminContent.errors.categoryRequired" }],
    ];
    for (const [values, fieldErrors] of cases) {
      expect(await actions.uploadDownloadAction(null, form(values)), JSON.stringify(Object.keys(values))).toEqual({ ok: false, error: "errors.checkFields", fieldErrors });
    }
    expect(await actions.saveDownloadCategoryAction(null, form({ name: "" }))).toEqual({ ok: false, error: "errors.checkFields", fieldErrors: { name: "adminContent.errors.nameRequired" } });
    expect(await actions.removeDownloadAction(null, form({ id: "999999999" }))).toEqual({ ok: false, error: "adminContent.errors.downloadNotFound" });
    expect(await writes()).toEqual(before);
  });
});
