import { Resend } from "resend";
import { z } from "zod";
import { EmailDeliveryError, type EmailProvider } from "./provider";

const sentResponse = z.object({ id: z.string().min(1) });

// Display names go inside a quoted header value: drop what could end the quotes or the header.
function recipient(email: string, name?: string): string {
  const safeName = name?.replace(/["\\<>\r\n]/g, "").trim();
  return safeName ? `"${safeName}" <${email}>` : email;
}

export function createResendProvider(options: { apiKey: string; from: string }): EmailProvider {
  // The SDK takes its base URL from RESEND_BASE_URL, which lets tests point it at a local stand-in.
  const client = new Resend(options.apiKey);
  return {
    name: "resend",
    async send(message) {
      const { data, error } = await client.emails.send({
        from: options.from,
        to: recipient(message.to, message.toName),
        subject: message.subject,
        html: message.html,
        text: message.text,
        attachments: message.attachments?.map((file) => ({ filename: file.filename, content: file.content })),
      });
      if (error) {
        throw new EmailDeliveryError(
          `Resend did not accept the email to ${message.to} (${error.name}${error.statusCode ? `, HTTP ${error.statusCode}` : ""}): ${error.message}`,
          error.name,
        );
      }
      const parsed = sentResponse.safeParse(data);
      if (!parsed.success) {
        throw new EmailDeliveryError(`Resend answered without a message id for the email to ${message.to}.`, "invalid_response");
      }
      return { messageId: parsed.data.id };
    },
  };
}
