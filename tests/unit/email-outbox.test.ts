import { describe, expect, it } from "vitest";
import { createOutboxProvider, formatOutboxLine } from "@/lib/email/outbox-provider";

describe("outbox provider", () => {
  it("prints one line holding the whole text, links included", async () => {
    const lines: string[] = [];
    const provider = createOutboxProvider((line) => lines.push(line));
    const result = await provider.send({
      to: "ana@example.test",
      subject: 'Restablecer "contraseña"',
      html: "<p>ignored</p>",
      text: "Hola, Ana:\n\nEnlace:\r\nhttp://localhost:3000/recuperar/abc_DEF-123\n\n  Fin",
    });
    expect(result.messageId).toBeNull();
    expect(provider.name).toBe("outbox");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      `[outbox] to=ana@example.test subject="Restablecer 'contraseña'" text=Hola, Ana: Enlace: http://localhost:3000/recuperar/abc_DEF-123 Fin`,
    );
    expect(lines[0]).not.toContain("\n");
  });

  it("keeps a long URL whole so a log reader can follow it", () => {
    const url = `http://localhost:3000/recuperar/${"x".repeat(120)}`;
    const line = formatOutboxLine({ to: "a@b.test", subject: "S", text: `Abra:\n${url}\n` });
    expect(line.endsWith(`text=Abra: ${url}`)).toBe(true);
  });
});
