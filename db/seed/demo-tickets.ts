import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { staffUsers, ticketAttachments, ticketDepartments, ticketReplies, tickets, type TicketStatus } from "@/db/schema";
import { momentFromToday } from "./dates";
import { fullName, type ClientRef, type DemoAccounts } from "./demo-accounts";
import type { DemoHosting } from "./demo-hosting";
import type { ReferenceIds } from "./reference-data";

type Reply = { by: "client" | "staff"; at: Date; message: string; attachment?: { name: string; mimeType: string; data: Buffer } };

/** A real (one-pixel) PNG, so the demo's attachment downloads and opens as an image. */
export const DEMO_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

export type DemoTickets = { open: number; answered: number; closed: number; other: number; staffUserId: number };

/**
 * The departments of "Abrir ticket" in the demo: a Dominios one next to the reference ones, and
 * Facturación only for those who may see invoices (a sub-account with "tickets" but not "invoices"
 * does not get it offered).
 */
async function seedDemoDepartments(tx: Transaction, reference: ReferenceIds): Promise<void> {
  await tx.update(ticketDepartments).set({ permission: "invoices" }).where(eq(ticketDepartments.id, reference.departmentIds.billing));
  await tx.insert(ticketDepartments).values({
    name: "Dominios",
    description: "Registros, transferencias, renovaciones, DNS y datos de titularidad de sus dominios.",
    email: "dominios@example-hosting.es",
    sortOrder: 3,
  });
  await tx.update(ticketDepartments).set({ sortOrder: 4 }).where(eq(ticketDepartments.id, reference.departmentIds.sales));
}

/** Support staff member "Laura Soporte" and the tickets: one answered, one open, one closed; one of the other client. */
export async function seedDemoTickets(tx: Transaction, reference: ReferenceIds, accounts: DemoAccounts, { services }: DemoHosting): Promise<DemoTickets> {
  await seedDemoDepartments(tx, reference);
  const [staff] = await tx
    .insert(staffUsers)
    .values({ email: "laura.soporte@example-hosting.es", name: "Laura Soporte", role: "support" })
    .returning({ id: staffUsers.id, name: staffUsers.name });

  const insertTicket = async (spec: {
    client: ClientRef;
    contactId: number;
    department: keyof ReferenceIds["departmentIds"];
    serviceId: number | null;
    reference: string;
    subject: string;
    status: TicketStatus;
    priority: string;
    replies: Reply[];
  }) => {
    const authorName = fullName(spec.client);
    const [row] = await tx
      .insert(tickets)
      .values({
        clientId: spec.client.id,
        contactId: spec.contactId,
        departmentId: reference.departmentIds[spec.department],
        serviceId: spec.serviceId,
        reference: spec.reference,
        subject: spec.subject,
        status: spec.status,
        priority: spec.priority,
        createdAt: spec.replies[0].at,
        lastReplyAt: spec.replies[spec.replies.length - 1].at,
      })
      .returning({ id: tickets.id });
    const replyRows = await tx
      .insert(ticketReplies)
      .values(
        spec.replies.map((reply) =>
          reply.by === "client"
            ? { ticketId: row.id, contactId: spec.contactId, authorName, message: reply.message, createdAt: reply.at }
            : { ticketId: row.id, staffUserId: staff.id, authorName: staff.name, message: reply.message, createdAt: reply.at },
        ),
      )
      .returning({ id: ticketReplies.id });
    const attachments = spec.replies.flatMap((reply, index) =>
      reply.attachment
        ? [
            {
              clientId: spec.client.id,
              ticketId: row.id,
              replyId: replyRows[index].id,
              storedName: `demo-${row.id}-${index}.${reply.attachment.name.split(".").pop()}`,
              originalName: reply.attachment.name,
              mimeType: reply.attachment.mimeType,
              sizeBytes: reply.attachment.data.byteLength,
              data: reply.attachment.data,
              createdAt: reply.at,
            },
          ]
        : [],
    );
    if (attachments.length > 0) await tx.insert(ticketAttachments).values(attachments);
    return row.id;
  };

  const answered = await insertTicket({
    client: accounts.demo,
    contactId: accounts.contacts.demoOwner,
    department: "support",
    serviceId: services.active,
    reference: "482913",
    subject: "No puedo enviar correos desde Outlook",
    status: "answered",
    priority: "high",
    replies: [
      {
        by: "client",
        at: momentFromToday(-3, 9, 40),
        message:
          "Hola:\n\nDesde esta mañana Outlook me deja recibir correo en info@ejemplo-tienda.es pero al enviar me sale el error 0x800CCC0F «La conexión al servidor se interrumpió». No he cambiado nada en la configuración.\n\n¿Pueden revisarlo?\n\nGracias,\nMaría",
      },
      {
        by: "staff",
        at: momentFromToday(-3, 11, 15),
        message:
          "Hola, María:\n\nHemos revisado su cuenta y el servidor de correo funciona correctamente. El error aparece porque Outlook está usando el puerto 25, que su proveedor de Internet bloquea.\n\nEn Archivo > Configuración de la cuenta > Cambiar > Más configuraciones > Avanzadas, ponga como servidor de salida (SMTP) el puerto 465 con cifrado SSL/TLS. Tiene los pasos completos en el artículo «Cómo configurar su cuenta de correo en Outlook» de la base de conocimientos.\n\nLe adjunto una captura de la pantalla con los valores correctos.\n\nQuedamos a la espera de que nos confirme si ya puede enviar.\n\nUn saludo,\nLaura · Soporte técnico",
        attachment: { name: "configuracion-smtp-outlook.png", mimeType: "image/png", data: DEMO_PNG },
      },
    ],
  });
  const open = await insertTicket({
    client: accounts.demo,
    contactId: accounts.contacts.demoOwner,
    department: "billing",
    serviceId: services.suspended,
    reference: "517204",
    subject: "Reactivar mi-blog-personal.es tras pagar la factura pendiente",
    status: "open",
    priority: "medium",
    replies: [
      {
        by: "client",
        at: momentFromToday(-1, 17, 5),
        message:
          "Buenas tardes:\n\nEl blog mi-blog-personal.es aparece suspendido por la factura vencida. Voy a pagarla hoy con tarjeta: ¿se reactiva automáticamente o tengo que avisarles?\n\nTambién querría pasar ese plan a pago anual a partir de la próxima renovación.\n\nUn saludo,\nMaría García",
      },
    ],
  });
  const closed = await insertTicket({
    client: accounts.demo,
    contactId: accounts.contacts.demoOwner,
    department: "support",
    serviceId: services.active,
    reference: "630581",
    subject: "Instalar el certificado SSL en ejemplo-tienda.es",
    status: "closed",
    priority: "medium",
    replies: [
      {
        by: "client",
        at: momentFromToday(-30, 10, 20),
        message: "Hola:\n\nAl entrar en https://ejemplo-tienda.es el navegador dice que la conexión no es segura. ¿Pueden instalar el certificado?\n\nGracias.",
      },
      {
        by: "staff",
        at: momentFromToday(-30, 12, 2),
        message:
          "Hola, María:\n\nEl certificado gratuito no se había emitido porque el dominio aún apuntaba a los DNS del proveedor anterior. Tras el cambio de DNS ya lo hemos emitido e instalado, y hemos activado la redirección de http a https.\n\nPuede comprobarlo ahora mismo. Si el navegador sigue mostrando el aviso, borre la caché o pruebe en una ventana privada.\n\nUn saludo,\nLaura · Soporte técnico",
      },
      {
        by: "client",
        at: momentFromToday(-29, 9, 14),
        message: "Perfecto, ya aparece el candado. Muchas gracias por la rapidez.",
      },
    ],
  });
  const other = await insertTicket({
    client: accounts.other,
    contactId: accounts.contacts.otherOwner,
    department: "support",
    serviceId: services.other,
    reference: "704126",
    subject: "Cambiar la versión de PHP a 8.3",
    status: "open",
    priority: "low",
    replies: [
      {
        by: "client",
        at: momentFromToday(-2, 19, 30),
        message:
          "Hola:\n\nEl tema de mi portafolio pide PHP 8.3 y mi web martin-fotografia.es tiene la 8.1. ¿Pueden cambiarla o me indican cómo hacerlo yo?\n\nGracias,\nJavier",
      },
    ],
  });
  return { open, answered, closed, other, staffUserId: staff.id };
}
