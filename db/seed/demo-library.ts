import type { Transaction } from "@/db/client";
import {
  announcements,
  clientFiles,
  downloadCategories,
  downloads,
  kbArticles,
  kbCategories,
  networkIssues,
  networkIssueServers,
  networkIssueUpdates,
  serverChecks,
} from "@/db/schema";
import { DOMAIN_SETTINGS } from "@/lib/settings/settings-values";
import { momentFromToday } from "./dates";
import { DEMO_PERSON, OTHER_PERSON, type DemoAccounts } from "./demo-accounts";
import {
  demoAnnouncements,
  DOWNLOAD_CATEGORIES,
  KB_ARTICLES,
  KB_CATEGORIES,
  MAIL_SETTINGS_TEXT,
  QUICK_START_LINES,
} from "./demo-support-content";
import type { ReferenceIds } from "./reference-data";
import { buildTinyPdf } from "./tiny-pdf";

export type DemoLibrary = {
  clientFiles: { demo: number; other: number };
  announcements: number[];
  kbArticles: number[];
  downloads: number[];
  networkIssues: number[];
};

/** Files staff attached to each client, and the public content of Soporte: news, articles, downloads, server status. */
export async function seedDemoLibrary(tx: Transaction, reference: ReferenceIds, { demo, other }: DemoAccounts): Promise<DemoLibrary> {
  const clientFileRows = await tx
    .insert(clientFiles)
    .values([
      pdfClientFile(demo.id, "Contrato de servicio", "Contrato de servicio.pdf", -400, [
        `Cliente: ${DEMO_PERSON.companyName} (NIF ${DEMO_PERSON.taxId})`,
        `Representante: ${DEMO_PERSON.firstName} ${DEMO_PERSON.lastName}`,
        "Prestador: Hosting Ejemplo S.L. (NIF B12345674)",
        "",
        "Objeto: prestación de servicios de alojamiento web y registro de dominios.",
        "Disponibilidad garantizada: 99,9 % mensual.",
        "Duración: anual, con renovación automática salvo baja solicitada",
        "desde el área de cliente antes de la fecha de vencimiento.",
        "",
        "Firmado en Madrid.",
      ]),
      pdfClientFile(other.id, "Presupuesto", "Presupuesto otro.pdf", -195, [
        `Cliente: ${OTHER_PERSON.firstName} ${OTHER_PERSON.lastName} (NIF ${OTHER_PERSON.taxId})`,
        "",
        "Plan Básico de Alojamiento Web, pago anual: 59,88 € + IVA",
        "Registro de dominio .es, 1 año: 7,99 € + IVA",
        "",
        "Presupuesto válido durante 30 días.",
      ]),
    ])
    .returning({ id: clientFiles.id, clientId: clientFiles.clientId });

  const announcementRows = await tx
    .insert(announcements)
    .values(
      demoAnnouncements().map(({ slug, title, summary, body, daysAgo }) => ({
        slug,
        title,
        summary,
        body,
        published: true,
        publishedAt: momentFromToday(-daysAgo, 9, 30),
      })),
    )
    .returning({ id: announcements.id });

  const kbCategoryRows = await tx
    .insert(kbCategories)
    .values(KB_CATEGORIES.map(({ slug, name, description, sortOrder }) => ({ slug, name, description, sortOrder })))
    .returning({ id: kbCategories.id, slug: kbCategories.slug });
  const kbCategoryId = (key: (typeof KB_CATEGORIES)[number]["key"]) =>
    kbCategoryRows.find((row) => row.slug === KB_CATEGORIES.find((category) => category.key === key)!.slug)!.id;
  const kbArticleRows = await tx
    .insert(kbArticles)
    .values(
      KB_ARTICLES.map(({ category, ...article }, index) => ({
        ...article,
        categoryId: kbCategoryId(category),
        published: true,
        updatedAt: momentFromToday(-(20 + index * 37), 11, 0),
      })),
    )
    .returning({ id: kbArticles.id });

  const downloadIds = await insertDownloads(tx, reference);

  const networkIssueRows = await tx
    .insert(networkIssues)
    .values([
      {
        title: "Mantenimiento programado: actualización del sistema del Servidor Madrid 02",
        type: "server",
        serverId: reference.serverIds.madrid2,
        priority: "medium",
        status: "scheduled",
        description:
          "Actualizaremos el sistema operativo y el kernel de srv02.example-hosting.es. Las webs y el correo de este servidor pueden no responder durante unos minutos dentro de la ventana indicada.",
        startsAt: momentFromToday(3, 2, 0),
        endsAt: momentFromToday(3, 4, 0),
        updatedAt: momentFromToday(-2, 9, 30),
      },
      {
        title: "Retrasos en la entrega de correo en el Servidor Madrid 01",
        type: "server",
        serverId: reference.serverIds.madrid1,
        priority: "high",
        status: "resolved",
        description:
          "Entre las 10:15 y las 11:05 el correo entrante de srv01.example-hosting.es se entregó con retrasos de hasta 40 minutos por una cola de filtrado antispam saturada. No se perdió ningún mensaje. Hemos ampliado la capacidad del filtro.",
        startsAt: momentFromToday(-9, 10, 15),
        endsAt: momentFromToday(-9, 11, 5),
        updatedAt: momentFromToday(-9, 11, 20),
      },
      {
        // Ongoing, on the server of the demo client's active service: the page and the dashboard mark it.
        title: "Lentitud en las webs del Servidor Madrid 01",
        type: "server",
        serverId: reference.serverIds.madrid1,
        priority: "high",
        status: "investigating",
        description:
          "Algunas webs alojadas en srv01.example-hosting.es responden con lentitud y, en ocasiones, con errores 503. El correo no está afectado. Nuestros técnicos están investigando la causa.",
        startsAt: momentFromToday(0, 8, 40),
        endsAt: null,
        updatedAt: momentFromToday(0, 9, 10),
      },
    ])
    .returning({ id: networkIssues.id });
  const [maintenance, resolved, ongoing] = networkIssueRows.map((row) => row.id) as [number, number, number];
  await tx.insert(networkIssueServers).values([
    { issueId: maintenance, serverId: reference.serverIds.madrid2 },
    { issueId: resolved, serverId: reference.serverIds.madrid1 },
    { issueId: ongoing, serverId: reference.serverIds.madrid1 },
  ]);
  await tx.insert(networkIssueUpdates).values([
    { issueId: resolved, status: "investigating", message: "Detectamos retrasos en la entrega del correo entrante; estamos revisando la cola del filtro antispam.", createdAt: momentFromToday(-9, 10, 25) },
    { issueId: resolved, status: "resolved", message: "Se ha ampliado la capacidad del filtro y la cola se ha vaciado. Todos los mensajes retenidos se han entregado.", createdAt: momentFromToday(-9, 11, 20) },
    { issueId: maintenance, status: "scheduled", message: "Mantenimiento programado. Le avisaremos aquí al terminar.", createdAt: momentFromToday(-2, 9, 30) },
    { issueId: ongoing, status: "investigating", message: "Hemos identificado un consumo anómalo de CPU en el servidor y estamos limitando el proceso que lo provoca.", createdAt: momentFromToday(0, 9, 10) },
  ]);
  // What the cron would have seen on its last run, so the page shows a live status from the start.
  await tx.insert(serverChecks).values([
    { serverId: reference.serverIds.madrid1, reachable: true, latencyMs: 212, checkedAt: momentFromToday(0, 9, 0) },
    { serverId: reference.serverIds.madrid2, reachable: true, latencyMs: 18, checkedAt: momentFromToday(0, 9, 0) },
  ]);

  const fileIdOf = (clientId: number) => clientFileRows.find((row) => row.clientId === clientId)!.id;
  return {
    clientFiles: { demo: fileIdOf(demo.id), other: fileIdOf(other.id) },
    announcements: announcementRows.map((row) => row.id),
    kbArticles: kbArticleRows.map((row) => row.id),
    downloads: downloadIds,
    networkIssues: networkIssueRows.map((row) => row.id),
  };
}

function pdfClientFile(clientId: number, title: string, fileName: string, daysAgo: number, lines: string[]) {
  const data = buildTinyPdf(title, lines);
  return { clientId, title, fileName, mimeType: "application/pdf", sizeBytes: data.length, data, createdAt: momentFromToday(daysAgo, 13, 0) };
}

async function insertDownloads(tx: Transaction, reference: ReferenceIds): Promise<number[]> {
  const categoryRows = await tx
    .insert(downloadCategories)
    .values(DOWNLOAD_CATEGORIES.map(({ name, description, sortOrder }) => ({ name, description, sortOrder })))
    .returning({ id: downloadCategories.id, name: downloadCategories.name });
  const categoryId = (key: (typeof DOWNLOAD_CATEGORIES)[number]["key"]) =>
    categoryRows.find((row) => row.name === DOWNLOAD_CATEGORIES.find((category) => category.key === key)!.name)!.id;

  const guide = buildTinyPdf("Guía de inicio rápido", [
    `Servidores DNS: ${DOMAIN_SETTINGS.defaultNameservers.join(" y ")}`,
    "",
    ...QUICK_START_LINES,
  ]);
  const mailSettings = Buffer.from(MAIL_SETTINGS_TEXT, "utf8");
  const conditions = buildTinyPdf("Condiciones del servicio", [
    "Disponibilidad garantizada: 99,9 % mensual.",
    "Copias de seguridad diarias, conservadas 14 días.",
    "Soporte técnico por ticket todos los días del año.",
  ]);
  const professionalManual = buildTinyPdf("Manual del Plan Profesional", [
    "Acceso SSH: cPanel > Terminal.",
    "Entorno de pruebas: cPanel > WP Toolkit > Clonar.",
    "Repositorios Git: cPanel > Git Version Control.",
  ]);
  const rows = await tx
    .insert(downloads)
    .values([
      {
        categoryId: categoryId("guides"),
        title: "Guía de inicio rápido",
        description: "Los cinco primeros pasos con su plan de alojamiento, en una página.",
        fileName: "guia-inicio-rapido.pdf",
        mimeType: "application/pdf",
        sizeBytes: guide.length,
        data: guide,
        downloadCount: 327,
        createdAt: momentFromToday(-120, 10, 0),
      },
      {
        categoryId: categoryId("settings"),
        title: "Parámetros de correo electrónico",
        description: "Servidores, puertos y cifrado para configurar el correo en cualquier programa.",
        fileName: "parametros-correo.txt",
        mimeType: "text/plain",
        sizeBytes: mailSettings.length,
        data: mailSettings,
        downloadCount: 184,
        createdAt: momentFromToday(-80, 10, 0),
      },
      {
        categoryId: categoryId("clients"),
        title: "Condiciones del servicio de alojamiento",
        description: "Acuerdo de nivel de servicio, copias de seguridad y soporte incluidos en todos los planes.",
        fileName: "condiciones-servicio.pdf",
        mimeType: "application/pdf",
        sizeBytes: conditions.length,
        data: conditions,
        clientsOnly: true,
        downloadCount: 41,
        createdAt: momentFromToday(-60, 10, 0),
      },
      {
        categoryId: categoryId("clients"),
        title: "Manual del Plan Profesional",
        description: "Funciones avanzadas del Plan Profesional: entornos de pruebas, SSH y Git.",
        fileName: "manual-plan-profesional.pdf",
        mimeType: "application/pdf",
        sizeBytes: professionalManual.length,
        data: professionalManual,
        requiredProductId: reference.productIds.professional,
        downloadCount: 12,
        createdAt: momentFromToday(-30, 10, 0),
      },
    ])
    .returning({ id: downloads.id });
  return rows.map((row) => row.id);
}
