import { render } from "@react-email/render";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { clients, sentEmails } from "@/db/schema";
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { getProvider } from "@/lib/providers";
import { templates, type TemplateData, type TemplateName } from "./templates";

export type EmailRecipient = { email: string; name?: string; clientId?: number | null; contactId?: number | null };
export type SendEmailOptions = { locale?: string; attachments?: { filename: string; content: Buffer }[] };

async function localeFor(clientId: number | null | undefined, requested: string | undefined): Promise<Locale> {
  if (requested) return toLocale(requested);
  if (!clientId) return toLocale(undefined);
  const db = await getDb();
  const [client] = await db.select({ language: clients.language }).from(clients).where(eq(clients.id, clientId)).limit(1);
  return toLocale(client?.language);
}

export async function renderEmail<Name extends TemplateName>(
  template: Name,
  data: TemplateData[Name],
  locale: Locale,
): Promise<{ subject: string; html: string; text: string }> {
  const definition = templates[template];
  const element = definition.render(data, locale);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: definition.subject(translatorFor(locale), data), html, text };
}

/**
 * The copy of a message that the sent-email log keeps: the template's secret fields (a transfer code)
 * replaced by a placeholder, so the code is in the recipient's mailbox and nowhere in our database.
 */
export async function renderLoggedEmail<Name extends TemplateName>(
  template: Name,
  data: TemplateData[Name],
  locale: Locale,
): Promise<{ html: string; text: string } | null> {
  const secrets = templates[template].secrets as readonly string[] | undefined;
  if (!secrets || secrets.length === 0) return null;
  const placeholder = translatorFor(locale)("email.layout.secretWithheld");
  const withheld = { ...data, ...Object.fromEntries(secrets.map((field) => [field, placeholder])) } as TemplateData[Name];
  const { html, text } = await renderEmail(template, withheld, locale);
  return { html, text };
}

/**
 * The one way the portal sends mail. Throws when the provider refuses the message; a message is
 * logged in sent_emails only once the provider has accepted it.
 */
export async function sendEmail<Name extends TemplateName>(
  template: Name,
  to: EmailRecipient,
  data: TemplateData[Name],
  options: SendEmailOptions = {},
): Promise<{ id: number }> {
  const locale = await localeFor(to.clientId, options.locale);
  const { subject, html, text } = await renderEmail(template, data, locale);
  const logged = (await renderLoggedEmail(template, data, locale)) ?? { html, text };
  const activeProvider = getProvider("email");
  const { messageId } = await activeProvider.send({
    to: to.email,
    toName: to.name,
    subject,
    html,
    text,
    attachments: options.attachments,
  });
  const db = await getDb();
  const [row] = await db
    .insert(sentEmails)
    .values({
      clientId: to.clientId ?? null,
      contactId: to.contactId ?? null,
      toAddress: to.email,
      subject: subject.slice(0, 300),
      template,
      html: logged.html,
      text: logged.text,
      provider: activeProvider.name,
      providerMessageId: messageId,
    })
    .returning({ id: sentEmails.id });
  return { id: row!.id };
}
