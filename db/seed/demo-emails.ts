import type { Transaction } from "@/db/client";
import { sentEmails } from "@/db/schema";
import { formatMoney } from "@/lib/money";

// Past emails as the outbox would have recorded them (rendered HTML and plain text), so
// "Correos electrónicos enviados" has history on a fresh install.

export type DemoEmail = { template: string; subject: string; html: string; text: string };

function layout(title: string, paragraphs: string[]): string {
  const body = paragraphs.map((paragraph) => `<p style="margin:0 0 16px;line-height:1.5">${paragraph}</p>`).join("\n");
  return `<!DOCTYPE html>
<html lang="es">
<head><meta charset="utf-8"><title>${title}</title></head>
<body style="margin:0;background:#f4f5f7;font-family:Arial,Helvetica,sans-serif;color:#1f2933">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:8px">
<tr><td style="padding:24px 32px;border-bottom:1px solid #e4e7eb;font-size:20px;font-weight:bold;color:#0b4f8a">Hosting Ejemplo</td></tr>
<tr><td style="padding:24px 32px;font-size:15px">
<h1 style="font-size:20px;margin:0 0 16px">${title}</h1>
${body}
</td></tr>
<tr><td style="padding:16px 32px;border-top:1px solid #e4e7eb;font-size:12px;color:#616e7c">Hosting Ejemplo S.L. · NIF B12345674 · Calle de Alcalá, 123, 4º B, 28009 Madrid</td></tr>
</table>
</td></tr></table>
</body>
</html>`;
}

const SIGNATURE_TEXT = "\n\nUn saludo,\nEl equipo de Hosting Ejemplo\nhttps://www.example-hosting.es";

export function welcomeEmail(firstName: string, email: string, baseUrl: string): DemoEmail {
  const subject = "Bienvenido a Hosting Ejemplo";
  return {
    template: "welcome",
    subject,
    html: layout(subject, [
      `Hola ${firstName}:`,
      "Gracias por confiar en nosotros. Su cuenta de cliente ya está activa.",
      `Desde el área de cliente puede gestionar sus servicios, dominios, facturas y tickets de soporte: <a href="${baseUrl}/acceder">${baseUrl}/acceder</a>`,
      `Su usuario es <strong>${email}</strong>.`,
      "Un saludo,<br>El equipo de Hosting Ejemplo",
    ]),
    text: `Hola ${firstName}:\n\nGracias por confiar en nosotros. Su cuenta de cliente ya está activa.\n\nDesde el área de cliente puede gestionar sus servicios, dominios, facturas y tickets de soporte: ${baseUrl}/acceder\n\nSu usuario es ${email}.${SIGNATURE_TEXT}`,
  };
}

export function invoiceCreatedEmail(firstName: string, reference: string, total: number, dueDate: string, baseUrl: string, invoiceId: number): DemoEmail {
  const subject = `Nueva factura proforma ${reference}`;
  const amount = formatMoney(total, "EUR");
  const link = `${baseUrl}/facturacion/${invoiceId}`;
  return {
    template: "invoice-created",
    subject,
    html: layout(subject, [
      `Hola ${firstName}:`,
      `Hemos emitido la factura proforma <strong>${reference}</strong> por <strong>${amount}</strong> (IVA incluido), con vencimiento el <strong>${dueDate}</strong>.`,
      `Puede verla y pagarla con tarjeta desde el área de cliente: <a href="${link}">${link}</a>`,
      "Un saludo,<br>El equipo de Hosting Ejemplo",
    ]),
    text: `Hola ${firstName}:\n\nHemos emitido la factura proforma ${reference} por ${amount} (IVA incluido), con vencimiento el ${dueDate}.\n\nPuede verla y pagarla con tarjeta desde el área de cliente: ${link}${SIGNATURE_TEXT}`,
  };
}

export function paymentReceivedEmail(firstName: string, invoiceNumber: string, total: number, baseUrl: string, invoiceId: number): DemoEmail {
  const subject = `Pago recibido: factura ${invoiceNumber}`;
  const amount = formatMoney(total, "EUR");
  const link = `${baseUrl}/facturacion/${invoiceId}`;
  return {
    template: "payment-received",
    subject,
    html: layout(subject, [
      `Hola ${firstName}:`,
      `Hemos recibido su pago de <strong>${amount}</strong>. Le adjuntamos la factura <strong>${invoiceNumber}</strong>.`,
      `También puede descargarla en cualquier momento desde el área de cliente: <a href="${link}">${link}</a>`,
      "Gracias por su confianza.<br>El equipo de Hosting Ejemplo",
    ]),
    text: `Hola ${firstName}:\n\nHemos recibido su pago de ${amount}. Le adjuntamos la factura ${invoiceNumber}.\n\nTambién puede descargarla en cualquier momento desde el área de cliente: ${link}${SIGNATURE_TEXT}`,
  };
}

export function domainExpiryEmail(firstName: string, domain: string, expiryDate: string, baseUrl: string): DemoEmail {
  const subject = `Su dominio ${domain} caduca el ${expiryDate}`;
  const link = `${baseUrl}/dominios/renovar`;
  return {
    template: "domain-expiry-notice",
    subject,
    html: layout(subject, [
      `Hola ${firstName}:`,
      `Le recordamos que el dominio <strong>${domain}</strong> caduca el <strong>${expiryDate}</strong>. Tiene activada la renovación automática, así que generaremos la factura de renovación 14 días antes.`,
      `Si prefiere renovarlo ya, o por más años, puede hacerlo desde: <a href="${link}">${link}</a>`,
      "Un saludo,<br>El equipo de Hosting Ejemplo",
    ]),
    text: `Hola ${firstName}:\n\nLe recordamos que el dominio ${domain} caduca el ${expiryDate}. Tiene activada la renovación automática, así que generaremos la factura de renovación 14 días antes.\n\nSi prefiere renovarlo ya, o por más años, puede hacerlo desde: ${link}${SIGNATURE_TEXT}`,
  };
}

type LoggedEmail = { clientId: number; contactId: number; to: string; at: Date; email: DemoEmail };

export async function insertSentEmails(tx: Transaction, rows: LoggedEmail[]): Promise<void> {
  await tx.insert(sentEmails).values(
    rows.map(({ clientId, contactId, to, at, email }) => ({
      clientId,
      contactId,
      toAddress: to,
      subject: email.subject,
      template: email.template,
      html: email.html,
      text: email.text,
      provider: "outbox",
      createdAt: at,
    })),
  );
}
