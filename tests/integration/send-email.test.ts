import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { sentEmails } from "@/db/schema";
import { EmailDeliveryError } from "@/lib/email/provider";
import { createResendProvider } from "@/lib/email/resend-provider";
import { sendEmail } from "@/lib/email/send-email";
import { getProvider, setProviderForTests } from "@/lib/providers";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient } from "@/tests/helpers/factories";

let db: Database;
const run = Math.random().toString(36).slice(2, 10);
const resetUrl = "http://localhost:3000/recuperar/Zx_9-abcdefghijklmnopqrstuvwxyz0123456789ABCD";

beforeAll(async () => {
  db = await setupTestDatabase();
});

afterEach(() => {
  setProviderForTests("email", null);
  vi.restoreAllMocks();
});

async function rowsTo(address: string) {
  return db.select().from(sentEmails).where(eq(sentEmails.toAddress, address));
}

describe("sendEmail through the outbox (no RESEND_API_KEY)", () => {
  it("uses the outbox by default", () => {
    expect(getProvider("email").name).toBe("outbox");
  });

  it("prints one line with the link and logs the message for the client", async () => {
    const { client, owner } = await createTestClient(db);
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const { id } = await sendEmail(
      "password-reset",
      { email: owner.email, name: owner.firstName, clientId: client.id, contactId: owner.id },
      { name: owner.firstName, resetUrl, expiresInMinutes: 60 },
    );

    expect(log).toHaveBeenCalledTimes(1);
    const line = String(log.mock.calls[0]![0]);
    expect(line).toMatch(new RegExp(`^\\[outbox\\] to=${owner.email.replace(/[.+]/g, "\\$&")} subject="Restablecer la contraseña de su área de cliente" text=`));
    expect(line).toContain(resetUrl);
    expect(line).not.toContain("\n");

    const [row] = await db.select().from(sentEmails).where(eq(sentEmails.id, id));
    expect(row).toMatchObject({
      clientId: client.id,
      contactId: owner.id,
      toAddress: owner.email,
      subject: "Restablecer la contraseña de su área de cliente",
      template: "password-reset",
      provider: "outbox",
      providerMessageId: null,
    });
    expect(row!.html).toContain(`href="${resetUrl}"`);
    expect(row!.text).toContain(resetUrl);
    expect(row!.createdAt).toBeInstanceOf(Date);
  });

  it("writes in the client's language unless a locale is given", async () => {
    const { client, owner } = await createTestClient(db, { client: { language: "en" } });
    vi.spyOn(console, "log").mockImplementation(() => {});

    const data = { name: "Ann", when: "2026-01-02T10:00:00.000Z", ip: "192.0.2.1" };
    const english = await sendEmail("password-changed", { email: owner.email, clientId: client.id }, data);
    const spanish = await sendEmail("password-changed", { email: owner.email, clientId: client.id }, data, { locale: "es" });

    const rows = await rowsTo(owner.email);
    expect(rows.find((row) => row.id === english.id)!.subject).toBe("Your client area password was changed");
    expect(rows.find((row) => row.id === spanish.id)!.subject).toBe("Se ha cambiado la contraseña de su área de cliente");
  });

  it("sends to an address with no client, in Spanish", async () => {
    const address = `suelto-${run}@example.test`;
    vi.spyOn(console, "log").mockImplementation(() => {});
    await sendEmail("password-reset", { email: address }, { name: "Ana", resetUrl, expiresInMinutes: 30 });
    const [row] = await rowsTo(address);
    expect(row).toMatchObject({ clientId: null, contactId: null, provider: "outbox" });
    expect(row!.text).toContain("30 minutos");
  });
});

describe("sendEmail through Resend", () => {
  type Captured = { method?: string; url?: string; authorization?: string; body: Record<string, unknown> };
  const captured: Captured[] = [];
  let answer: { status: number; body: unknown } = { status: 200, body: { id: "re_test_123" } };
  let server: http.Server;
  const previousBaseUrl = process.env.RESEND_BASE_URL;

  beforeAll(async () => {
    // A local stand-in for the Resend API: the SDK sends to RESEND_BASE_URL.
    server = http.createServer((request, response) => {
      let raw = "";
      request.on("data", (chunk) => (raw += chunk));
      request.on("end", () => {
        captured.push({ method: request.method, url: request.url, authorization: request.headers.authorization, body: JSON.parse(raw) });
        response.writeHead(answer.status, { "content-type": "application/json" });
        response.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.RESEND_BASE_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    if (previousBaseUrl === undefined) delete process.env.RESEND_BASE_URL;
    else process.env.RESEND_BASE_URL = previousBaseUrl;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("posts the rendered message with attachments and logs Resend's id", async () => {
    const { client, owner } = await createTestClient(db);
    answer = { status: 200, body: { id: "re_test_123" } };
    setProviderForTests("email", createResendProvider({ apiKey: "re_test_key", from: "Hosting <no-responder@example.test>" }));

    const { id } = await sendEmail(
      "password-reset",
      { email: owner.email, name: 'Ana "la" <Admin>', clientId: client.id, contactId: owner.id },
      { name: "Ana", resetUrl, expiresInMinutes: 60 },
      { attachments: [{ filename: "factura.pdf", content: Buffer.from("%PDF-1.7 prueba") }] },
    );

    const request = captured.at(-1)!;
    expect(request).toMatchObject({ method: "POST", url: "/emails", authorization: "Bearer re_test_key" });
    expect(request.body).toMatchObject({
      from: "Hosting <no-responder@example.test>",
      to: `"Ana la Admin" <${owner.email}>`,
      subject: "Restablecer la contraseña de su área de cliente",
    });
    expect(String(request.body.html)).toContain(resetUrl);
    expect(String(request.body.text)).toContain(resetUrl);
    const attachments = request.body.attachments as { filename: string; content: string }[];
    expect(attachments).toHaveLength(1);
    expect(attachments[0]!.filename).toBe("factura.pdf");
    expect(Buffer.from(attachments[0]!.content, "base64").toString()).toBe("%PDF-1.7 prueba");

    const [row] = await db.select().from(sentEmails).where(eq(sentEmails.id, id));
    expect(row).toMatchObject({ provider: "resend", providerMessageId: "re_test_123", clientId: client.id });
  });

  it("throws a clear error when Resend refuses, and logs nothing", async () => {
    const address = `rechazado-${run}@example.test`;
    answer = { status: 422, body: { statusCode: 422, name: "validation_error", message: "Invalid `to` field." } };
    setProviderForTests("email", createResendProvider({ apiKey: "re_test_key", from: "Hosting <no-responder@example.test>" }));

    const sending = sendEmail("password-reset", { email: address }, { name: "Ana", resetUrl, expiresInMinutes: 60 });
    await expect(sending).rejects.toBeInstanceOf(EmailDeliveryError);
    await expect(sending).rejects.toThrow(/validation_error.*HTTP 422.*Invalid `to` field/);
    expect(await rowsTo(address)).toHaveLength(0);
  });

  it("throws when Resend answers without an id", async () => {
    const address = `sin-id-${run}@example.test`;
    answer = { status: 200, body: { ok: true } };
    setProviderForTests("email", createResendProvider({ apiKey: "re_test_key", from: "Hosting <no-responder@example.test>" }));
    await expect(
      sendEmail("password-reset", { email: address }, { name: "Ana", resetUrl, expiresInMinutes: 60 }),
    ).rejects.toThrow(/without a message id/);
    expect(await rowsTo(address)).toHaveLength(0);
  });
});
