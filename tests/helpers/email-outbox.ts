import { afterEach, beforeEach } from "vitest";
import type { EmailProvider, OutgoingEmail } from "@/lib/email/provider";
import { setProviderForTests } from "@/lib/providers";

/**
 * Call at the top of a test file: every message sent during a test lands in the returned array
 * instead of the console outbox, so nothing is printed and attachments can be inspected. The array
 * is emptied after each test.
 */
export function captureEmails(): OutgoingEmail[] {
  const outbox: OutgoingEmail[] = [];
  const capture: EmailProvider = {
    name: "outbox",
    async send(message) {
      outbox.push(message);
      return { messageId: `test-${outbox.length}` };
    },
  };
  beforeEach(() => {
    setProviderForTests("email", capture);
  });
  afterEach(() => {
    setProviderForTests("email", null);
    outbox.length = 0;
  });
  return outbox;
}
