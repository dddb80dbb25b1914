import type { EmailProvider, OutgoingEmail } from "./provider";

/**
 * The embedded default: nothing leaves the machine. One line per message in the server log, with the
 * whole plain text on it, so a developer (or a browser test reading the log) can follow the links.
 */
export function formatOutboxLine(message: Pick<OutgoingEmail, "to" | "subject" | "text">): string {
  const subject = message.subject.replace(/\s+/g, " ").replace(/"/g, "'");
  const text = message.text.replace(/\s+/g, " ").trim();
  return `[outbox] to=${message.to} subject="${subject}" text=${text}`;
}

export function createOutboxProvider(log: (line: string) => void = (line) => console.log(line)): EmailProvider {
  return {
    name: "outbox",
    async send(message) {
      log(formatOutboxLine(message));
      return { messageId: null };
    },
  };
}
