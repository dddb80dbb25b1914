import net from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import {
  downloadCategories,
  downloads,
  kbArticles,
  kbArticleVotes,
  kbCategories,
  networkIssueNotices,
  networkIssues,
  networkIssueServers,
  servers,
  serverChecks,
} from "@/db/schema";
import { buildAnnouncementsAtom, escapeXml } from "@/lib/support/announcement-feed";
import { listDownloads, takeDownload } from "@/lib/support/downloads";
import { sendIncidentNotices } from "@/lib/support/incident-notices";
import { getKbArticle, getKbCategory, kbBlocks, kbVoterKey, listKbCategories, relatedKbArticles, voteOnKbArticle } from "@/lib/support/knowledge-base";
import { checkTcp, runServerChecks } from "@/lib/support/server-checks";
import { listIncidents, listServerStatus, serverIncidentsPart } from "@/lib/support/server-status";
import { setupTestDatabase, teardownTestDatabase } from "@/tests/helpers/database";
import { captureEmails } from "@/tests/helpers/email-outbox";
import { createSubAccount, createTestClient, createTestProduct, createTestService, uniqueSuffix } from "@/tests/helpers/factories";
import { setTestRequestLocale } from "@/tests/helpers/next-intl-server";
import { scopeOf } from "@/tests/helpers/scope";

// The real route and action run; only Auth.js's session lookup, the request's cookies and the cache are replaced.
const auth = vi.hoisted(() => vi.fn());
const cookieJar = vi.hoisted(() => new Map<string, string>());
vi.mock("@/lib/auth/config", () => ({ auth }));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    set: (name: string, value: string) => void cookieJar.set(name, value),
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { GET: downloadRoute } = await import("@/app/api/descargas/[downloadId]/route");
const { voteOnArticleAction } = await import("@/app/(public)/soporte/conocimiento/actions");

const outbox = captureEmails();
const RUN = `kb${uniqueSuffix().replace(/[^a-z0-9]/gi, "").slice(-8).toLowerCase()}`;
let db: Database;

beforeAll(async () => {
  db = await setupTestDatabase();
});
afterAll(teardownTestDatabase);
beforeEach(() => {
  setTestRequestLocale("es");
  auth.mockReset();
  cookieJar.clear();
});

function signInAs(user: { clientId: number; contactId: number; email: string } | null) {
  auth.mockResolvedValue(user && { contactId: user.contactId, clientId: user.clientId, isOwner: true, permissions: [], user: { name: "Cliente", email: user.email } });
}

async function insertCategory(name: string) {
  const [row] = await db.insert(kbCategories).values({ name: `${name} ${RUN}`, slug: `${name.toLowerCase()}-${RUN}-${uniqueSuffix()}` }).returning();
  return row!;
}

async function insertArticle(categoryId: number, title: string, body: string, published = true) {
  const [row] = await db
    .insert(kbArticles)
    .values({ categoryId, title, slug: `${RUN}-${uniqueSuffix()}`, body, published })
    .returning();
  return row!;
}

function voteForm(articleId: number, helpful: "yes" | "no") {
  const form = new FormData();
  form.set("articleId", String(articleId));
  form.set("helpful", helpful);
  return form;
}

describe("knowledge base", () => {
  it("lists categories with the number of published articles only", async () => {
    const mail = await insertCategory("Correo");
    const empty = await insertCategory("Vacía");
    await insertArticle(mail.id, `Configurar Outlook ${RUN}`, "Texto.");
    await insertArticle(mail.id, `Configurar Thunderbird ${RUN}`, "Texto.");
    await insertArticle(mail.id, `Borrador ${RUN}`, "Texto.", false);
    const categories = await listKbCategories(db);
    expect(categories.find((category) => category.id === mail.id)?.articleCount).toBe(2);
    expect(categories.find((category) => category.id === empty.id)?.articleCount).toBe(0);
    const page = await getKbCategory(mail.slug, db);
    expect(page?.articles.map((article) => article.title).sort()).toEqual([`Configurar Outlook ${RUN}`, `Configurar Thunderbird ${RUN}`]);
    expect(await getKbCategory("no-existe-" + RUN, db)).toBeNull();
  });

  it("hides unpublished articles and counts a view", async () => {
    const category = await insertCategory("Vistas");
    const draft = await insertArticle(category.id, `Borrador ${RUN}`, "Texto.", false);
    const article = await insertArticle(category.id, `Publicado ${RUN}`, "Texto.");
    expect(await getKbArticle(draft.slug, { db })).toBeNull();
    const viewed = await getKbArticle(article.slug, { countView: true, db });
    expect(viewed).toMatchObject({ id: article.id, views: 1, category: { id: category.id } });
  });

  it("relates articles of the same category and articles of others whose text matches the title", async () => {
    const dns = await insertCategory("Dominios");
    const cpanel = await insertCategory("cPanel");
    const other = await insertCategory("Otra");
    const article = await insertArticle(dns.id, `Transferir dominio ${RUN}`, "Pida el código de autorización.");
    const sameCategory = await insertArticle(dns.id, `Registrar ${RUN}x`, "Nada en común.");
    const titleMatch = await insertArticle(cpanel.id, `Zona DNS ${RUN}y`, `Antes de transferir el dominio ${RUN}, revise la zona.`);
    const unrelated = await insertArticle(other.id, `Copias ${RUN}z`, "Copias de seguridad diarias.");
    const draft = await insertArticle(dns.id, `Borrador dominio ${RUN}`, "Sin publicar.", false);
    const related = (await relatedKbArticles({ id: article.id, title: article.title, category: { id: dns.id, name: dns.name, slug: dns.slug } }, { db })).map((row) => row.id);
    expect(related).toEqual(expect.arrayContaining([sameCategory.id, titleMatch.id]));
    expect(related).not.toContain(article.id);
    expect(related).not.toContain(unrelated.id);
    expect(related).not.toContain(draft.id);
    // The title match (the run's made-up word and "transferir dominio") ranks above the plain neighbour.
    expect(related.indexOf(titleMatch.id)).toBeLessThan(related.indexOf(sameCategory.id));
  });

  it("counts one answer per voter, in the counters and the votes, even when sent at once", async () => {
    const category = await insertCategory("Votos");
    const article = await insertArticle(category.id, `Votar ${RUN}`, "Texto.");
    const contactKey = kbVoterKey({ contactId: 987_654 });
    const results = await Promise.all([1, 2, 3, 4].map(() => voteOnKbArticle(article.id, contactKey, true, db)));
    expect(results.filter((result) => result?.recorded)).toHaveLength(1);
    // A second answer, even the opposite one, changes nothing.
    expect(await voteOnKbArticle(article.id, contactKey, false, db)).toMatchObject({ recorded: false, helpfulYes: 1, helpfulNo: 0 });
    const visitor = kbVoterKey({ cookieId: "a".repeat(32) });
    expect(visitor).toMatch(/^[0-9a-f]{64}$/);
    expect(await voteOnKbArticle(article.id, visitor, false, db)).toMatchObject({ recorded: true, helpfulYes: 1, helpfulNo: 1 });
    const [row] = await db.select().from(kbArticles).where(eq(kbArticles.id, article.id));
    expect([row!.helpfulYes, row!.helpfulNo]).toEqual([1, 1]);
    expect(await db.select().from(kbArticleVotes).where(eq(kbArticleVotes.articleId, article.id))).toHaveLength(2);
    const draft = await insertArticle(category.id, `Borrador voto ${RUN}`, "Texto.", false);
    expect(await voteOnKbArticle(draft.id, contactKey, true, db)).toBeNull();
  });

  it("lets a signed-out visitor vote once per browser through the action, keeping only a hash of its cookie", async () => {
    const category = await insertCategory("Anónimo");
    const article = await insertArticle(category.id, `Anónimo ${RUN}`, "Texto.");
    signInAs(null);
    expect(await voteOnArticleAction(null, voteForm(article.id, "yes"))).toMatchObject({ ok: true, message: "knowledge.vote.thanks", data: { helpfulYes: 1 } });
    const cookieId = cookieJar.get("kb_voter")!;
    expect(cookieId).toMatch(/^[A-Za-z0-9_-]{24,64}$/);
    expect(await voteOnArticleAction(null, voteForm(article.id, "yes"))).toMatchObject({ ok: true, message: "knowledge.vote.already", data: { helpfulYes: 1 } });
    const votes = await db.select().from(kbArticleVotes).where(eq(kbArticleVotes.articleId, article.id));
    expect(votes.map((vote) => vote.voterKey)).toEqual([kbVoterKey({ cookieId })]);
    expect(votes[0]!.voterKey).not.toContain(cookieId);
    // Another browser is another voter; a signed-in contact is keyed by its id, whatever its cookie.
    cookieJar.clear();
    expect(await voteOnArticleAction(null, voteForm(article.id, "yes"))).toMatchObject({ data: { helpfulYes: 2 } });
    const { client, owner } = await createTestClient(db);
    signInAs({ clientId: client.id, contactId: owner.id, email: owner.email });
    expect(await voteOnArticleAction(null, voteForm(article.id, "yes"))).toMatchObject({ message: "knowledge.vote.thanks", data: { helpfulYes: 3 } });
    expect(await voteOnArticleAction(null, voteForm(article.id, "no"))).toMatchObject({ message: "knowledge.vote.already" });
    expect(await voteOnArticleAction(null, voteForm(999_999_999, "yes"))).toMatchObject({ ok: false, error: "knowledge.vote.notFound" });
    expect(await voteOnArticleAction(null, voteForm(article.id, "maybe" as "yes"))).toMatchObject({ ok: false });
  });

  it("renders a body as plain-text blocks, never as HTML", () => {
    expect(kbBlocks("## Pasos\n\n1. Uno\n2. Dos\n\n- a\n- b\n\n<script>alert(1)</script> <img onerror=x>")).toEqual([
      { kind: "heading", text: "Pasos" },
      { kind: "list", ordered: true, items: ["Uno", "Dos"] },
      { kind: "list", ordered: false, items: ["a", "b"] },
      { kind: "paragraph", text: "<script>alert(1)</script> <img onerror=x>" },
    ]);
  });
});

describe("downloads", () => {
  let publicFile: number;
  let clientsFile: number;
  let productFile: number;
  let product: number;
  let withProduct: { clientId: number; contactId: number; email: string };
  let suspendedOnly: { clientId: number; contactId: number; email: string };
  let plainClient: { clientId: number; contactId: number; email: string };

  beforeAll(async () => {
    const [category] = await db.insert(downloadCategories).values({ name: `Guías ${RUN}` }).returning();
    product = (await createTestProduct(db)).id;
    const insert = async (title: string, values: Partial<typeof downloads.$inferInsert> = {}) =>
      (
        await db
          .insert(downloads)
          .values({ categoryId: category!.id, title, fileName: `${title}.txt`, mimeType: "text/plain", sizeBytes: 5, data: Buffer.from("<b>x"), ...values })
          .returning()
      )[0]!.id;
    publicFile = await insert(`publico-${RUN}`);
    clientsFile = await insert(`clientes-${RUN}`, { clientsOnly: true });
    productFile = await insert(`producto-${RUN}`, { requiredProductId: product });
    const make = async (status?: "active" | "suspended") => {
      const { client, owner } = await createTestClient(db);
      if (status) await createTestService(db, client.id, { productId: product, status });
      return { clientId: client.id, contactId: owner.id, email: owner.email };
    };
    withProduct = await make("active");
    suspendedOnly = await make("suspended");
    plainClient = await make();
  });

  const listed = async (viewer: { clientId: number } | null) =>
    (await listDownloads(viewer && scopeOf(viewer.clientId), db)).flatMap((category) => category.files.map((file) => file.id));

  it("lists to each viewer only what it may download", async () => {
    expect(await listed(null)).toEqual(expect.arrayContaining([publicFile]));
    expect(await listed(null)).not.toEqual(expect.arrayContaining([clientsFile]));
    expect(await listed(null)).not.toContain(productFile);
    expect(await listed(plainClient)).toEqual(expect.arrayContaining([publicFile, clientsFile]));
    expect(await listed(plainClient)).not.toContain(productFile);
    expect(await listed(suspendedOnly)).not.toContain(productFile);
    expect(await listed(withProduct)).toEqual(expect.arrayContaining([publicFile, clientsFile, productFile]));
  });

  it("serves an allowed file as an attachment with nosniff, and answers 404 otherwise", async () => {
    const get = (id: number | string) => downloadRoute(new Request(`http://localhost/api/descargas/${id}`), { params: Promise.resolve({ downloadId: String(id) }) });
    signInAs(null);
    const ok = await get(publicFile);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(ok.headers.get("content-type")).toBe("application/octet-stream");
    expect(await ok.text()).toBe("<b>x");
    expect((await get(clientsFile)).status).toBe(404);
    expect((await get(productFile)).status).toBe(404);
    expect((await get("abc")).status).toBe(404);
    signInAs(plainClient);
    expect((await get(clientsFile)).status).toBe(200);
    expect((await get(productFile)).status).toBe(404);
    signInAs(suspendedOnly);
    expect((await get(productFile)).status).toBe(404);
    signInAs(withProduct);
    expect((await get(productFile)).status).toBe(200);
  });

  it("counts every download exactly once under concurrency, and never a refused one", async () => {
    const countOf = async (id: number) => (await db.select({ count: downloads.downloadCount }).from(downloads).where(eq(downloads.id, id)))[0]!.count;
    const before = await countOf(productFile);
    const results = await Promise.all(Array.from({ length: 12 }, () => takeDownload(scopeOf(withProduct.clientId), productFile)));
    expect(results.every((file) => file?.fileName === `producto-${RUN}.txt`)).toBe(true);
    await Promise.all(Array.from({ length: 3 }, () => takeDownload(scopeOf(plainClient.clientId), productFile)));
    expect(await countOf(productFile)).toBe(before + 12);
  });
});

describe("server checks", () => {
  let listener: net.Server;
  let openPort: number;
  let closedPort: number;

  beforeAll(async () => {
    listener = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    openPort = (listener.address() as net.AddressInfo).port;
    // A port that was just free: bind, read it, close, so nothing listens there.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  it("sees a listening port as up and a closed one as down, quickly", async () => {
    expect(await checkTcp("127.0.0.1", openPort, 2000)).toMatchObject({ reachable: true, error: null });
    const down = await checkTcp("127.0.0.1", closedPort, 2000);
    expect(down).toMatchObject({ reachable: false, latencyMs: null, error: "ECONNREFUSED" });
  });

  it("stores one check per active server, shown as the latest on the status page", async () => {
    const insertServer = async (name: string, port: number, active = true) =>
      (
        await db
          .insert(servers)
          .values({ name: `${name} ${RUN}`, hostname: "localhost", ipAddress: "127.0.0.1", port, nameservers: [], active })
          .returning()
      )[0]!.id;
    const up = await insertServer("Arriba", openPort);
    const down = await insertServer("Abajo", closedPort);
    const inactive = await insertServer("Retirado", openPort, false);
    const run = await runServerChecks({ db, serverIds: [up, down, inactive], timeoutMs: 2000 });
    expect(run).toEqual({ checked: 2, reachable: 1, unreachable: 1 });
    const checks = await db.select().from(serverChecks).where(eq(serverChecks.serverId, down));
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ reachable: false, error: "ECONNREFUSED" });
    const status = await listServerStatus(null, db);
    expect(status.find((row) => row.id === up)?.lastCheck).toMatchObject({ reachable: true });
    expect(status.find((row) => row.id === down)?.lastCheck).toMatchObject({ reachable: false });
    expect(status.some((row) => row.id === inactive)).toBe(false);
  });
});

describe("incidents and their notices", () => {
  it("marks the incidents on the client's services, and tells each such client once across two cron runs", async () => {
    const [server] = await db.insert(servers).values({ name: `Madrid ${RUN}`, hostname: `srv-${RUN}.test`, ipAddress: "127.0.0.1", nameservers: [] }).returning();
    const [otherServer] = await db.insert(servers).values({ name: `Otro ${RUN}`, hostname: `otro-${RUN}.test`, ipAddress: "127.0.0.1", nameservers: [] }).returning();
    const affected = await createTestClient(db);
    await createTestService(db, affected.client.id, { serverId: server!.id, domain: `tienda-${RUN}.es` });
    await createTestService(db, affected.client.id, { serverId: server!.id, domain: `blog-${RUN}.es`, status: "suspended" });
    // A contact who asked for product emails is told too; one who did not is not.
    const techContact = await createSubAccount(db, affected.client.id, [], { emailPreferences: { general: true, invoices: false, support: false, products: true, domains: false } });
    await createSubAccount(db, affected.client.id, [], { emailPreferences: { general: true, invoices: true, support: true, products: false, domains: true } });
    const elsewhere = await createTestClient(db);
    await createTestService(db, elsewhere.client.id, { serverId: otherServer!.id });
    const gone = await createTestClient(db);
    await createTestService(db, gone.client.id, { serverId: server!.id, status: "terminated" });

    const [ongoing] = await db
      .insert(networkIssues)
      .values({ title: `Lentitud <Madrid> & ${RUN}`, status: "investigating", description: "Investigando.", startsAt: new Date(Date.now() - 3600_000) })
      .returning();
    await db.insert(networkIssueServers).values({ issueId: ongoing!.id, serverId: server!.id });
    const [resolved] = await db
      .insert(networkIssues)
      .values({ title: `Resuelta ${RUN}`, status: "resolved", serverId: server!.id, description: "Hecho.", startsAt: new Date(Date.now() - 86_400_000), endsAt: new Date(Date.now() - 80_000_000) })
      .returning();

    const page = await listIncidents(scopeOf(affected.client.id), { db, limit: 100 });
    const open = page.open.find((issue) => issue.id === ongoing!.id);
    expect(open).toMatchObject({ servers: [`Madrid ${RUN}`], myServices: [`blog-${RUN}.es`, `tienda-${RUN}.es`] });
    expect((await listIncidents(scopeOf(elsewhere.client.id), { db, limit: 100 })).open.find((issue) => issue.id === ongoing!.id)?.myServices).toEqual([]);
    expect((await listIncidents(null, { db, limit: 100 })).open.find((issue) => issue.id === ongoing!.id)?.myServices).toEqual([]);
    const dashboard = await serverIncidentsPart.load({ db, clientId: affected.client.id, today: "2026-01-01" });
    expect(dashboard.map((issue) => issue.id)).toEqual([ongoing!.id]);
    expect(await serverIncidentsPart.load({ db, clientId: elsewhere.client.id, today: "2026-01-01" })).toEqual([]);

    const [first, second] = [await sendIncidentNotices({ db }), await sendIncidentNotices({ db })];
    expect(first.notices).toBeGreaterThanOrEqual(1);
    expect(second).toEqual({ notices: 0, emails: 0 });
    const notices = await db.select().from(networkIssueNotices).where(eq(networkIssueNotices.issueId, ongoing!.id));
    expect(notices.map((notice) => notice.clientId)).toEqual([affected.client.id]);
    expect(await db.select().from(networkIssueNotices).where(eq(networkIssueNotices.issueId, resolved!.id))).toEqual([]);

    const mine = outbox.filter((email) => email.subject.includes(RUN));
    expect(mine.map((email) => email.to).sort()).toEqual([affected.owner.email, techContact.contact.email].sort());
    expect(mine[0]!.subject).toBe(`Incidencia en su servidor: Lentitud <Madrid> & ${RUN}`);
    expect(mine[0]!.text).toContain(`tienda-${RUN}.es`);
    expect(mine[0]!.html).not.toContain("<Madrid>");
    expect(mine[0]!.text).toContain("/soporte/estado");
  });

  it("sends nothing twice when two runs race", async () => {
    const [server] = await db.insert(servers).values({ name: `Carrera ${RUN}`, hostname: `c-${RUN}.test`, ipAddress: "127.0.0.1", nameservers: [] }).returning();
    const { client } = await createTestClient(db);
    await createTestService(db, client.id, { serverId: server!.id });
    const [issue] = await db.insert(networkIssues).values({ title: `Carrera ${RUN}`, status: "outage", serverId: server!.id, description: "Caída.", startsAt: new Date() }).returning();
    await Promise.all([sendIncidentNotices({ db }), sendIncidentNotices({ db })]);
    expect(await db.select().from(networkIssueNotices).where(and(eq(networkIssueNotices.issueId, issue!.id), eq(networkIssueNotices.clientId, client.id)))).toHaveLength(1);
    expect(outbox.filter((email) => email.subject.includes(`Carrera ${RUN}`))).toHaveLength(1);
  });
});

describe("announcements feed", () => {
  it("escapes every text into a well-formed Atom document", () => {
    const xml = buildAnnouncementsAtom(
      [{ id: 1, title: `<script>alert("x")</script> & 'co'`, slug: "a&b c", summary: "Precio < 5 € & más\u0001", publishedAt: new Date("2026-03-01T09:30:00Z") }],
      { title: "Anuncios & <noticias>", baseUrl: "https://portal.example/" },
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">')).toBe(true);
    expect(xml).toContain("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;</title>");
    expect(xml).toContain("<summary type=\"text\">Precio &lt; 5 € &amp; más</summary>");
    expect(xml).toContain('href="https://portal.example/soporte/anuncios/a%26b%20c"');
    expect(xml).toContain("<updated>2026-03-01T09:30:00.000Z</updated>");
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("\u0001");
    // Every tag opened is closed: nothing between the markup is a stray "<" or "&".
    const text = xml.replace(/<[^<>]+>/g, "");
    expect(text).not.toMatch(/[<>]|&(?!(amp|lt|gt|quot|apos);)/);
    expect(escapeXml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&apos;");
  });
});

