export type OutgoingEmail = {
  to: string;
  toName?: string;
  subject: string;
  html: string;
  text: string;
  attachments?: { filename: string; content: Buffer }[];
};

export type EmailProviderName = "resend" | "outbox";

/** One implementation per way of delivering mail (lib/providers.ts picks one); sendEmail logs what it sent. */
export interface EmailProvider {
  readonly name: EmailProviderName;
  send(message: OutgoingEmail): Promise<{ messageId: string | null }>;
}

export class EmailDeliveryError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "EmailDeliveryError";
  }
}
