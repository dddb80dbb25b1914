import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { asciiFallback, downloadHeaders, safeFileName } from "@/lib/files/download-headers";
import { getClientFileForDownload } from "@/lib/files/get-client-file";
import { setupTestDatabase } from "@/tests/helpers/database";
import { createTestClient, createTestClientFile } from "@/tests/helpers/factories";
import { setTestRequestLocale } from "@/tests/helpers/next-intl-server";
import { scopeOf } from "@/tests/helpers/scope";

// The real requireUser() runs; only Auth.js's session lookup is replaced, so no cookie or JWT is needed.
const auth = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/config", () => ({ auth }));
vi.mock("next-intl/server", () => import("@/tests/helpers/next-intl-server"));

const { GET } = await import("@/app/api/archivos/[fileId]/route");

let db: Database;
let a: Awaited<ReturnType<typeof createClientWithFile>>;
let b: Awaited<ReturnType<typeof createClientWithFile>>;

const UNICODE_NAME = 'Presupuesto año 2026 "final" – €.pdf';

async function createClientWithFile(fileName: string, bytes: Buffer) {
  const { client, owner } = await createTestClient(db);
  const file = await createTestClientFile(db, client.id, { fileName, data: bytes, sizeBytes: bytes.byteLength });
  return { clientId: client.id, contactId: owner.id, email: owner.email, fileId: file.id, bytes };
}

function signInAs(user: { clientId: number; contactId: number; email: string } | null) {
  auth.mockResolvedValue(
    user && { contactId: user.contactId, clientId: user.clientId, isOwner: true, permissions: [], user: { name: "Cliente", email: user.email } },
  );
}

function download(fileId: string, headers?: HeadersInit) {
  return GET(new Request(`http://localhost/api/archivos/${fileId}`, { headers }), { params: Promise.resolve({ fileId }) });
}

beforeAll(async () => {
  db = await setupTestDatabase();
  // Bytes that a browser would happily render as a page if it were allowed to sniff them.
  a = await createClientWithFile(UNICODE_NAME, Buffer.from("<html><script>alert(1)</script></html>"));
  b = await createClientWithFile("factura-privada.pdf", Buffer.from("%PDF-1.4 secreto de B"));
});

beforeEach(() => {
  setTestRequestLocale("es");
  auth.mockReset();
});

describe("getClientFileForDownload", () => {
  it("returns the client's own file with its bytes", async () => {
    const file = await getClientFileForDownload(scopeOf(a.clientId), a.fileId);
    expect(file).toMatchObject({ id: a.fileId, fileName: UNICODE_NAME, mimeType: "application/pdf", sizeBytes: a.bytes.byteLength });
    expect(Buffer.compare(file!.bytes, a.bytes)).toBe(0);
  });

  it("answers null for another client's file, exactly as for a missing one", async () => {
    expect(await getClientFileForDownload(scopeOf(a.clientId), b.fileId)).toBeNull();
    expect(await getClientFileForDownload(scopeOf(b.clientId), a.fileId)).toBeNull();
    expect(await getClientFileForDownload(scopeOf(a.clientId), 2_000_000_000)).toBeNull();
  });
});

describe("GET /api/archivos/[fileId]", () => {
  it("serves the owner's file as a download that is never rendered or cached", async () => {
    signInAs(a);
    const response = await download(String(a.fileId));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/octet-stream");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="Presupuesto ano 2026 _final_ _ _.pdf"; filename*=UTF-8''Presupuesto%20a%C3%B1o%202026%20%22final%22%20%E2%80%93%20%E2%82%AC.pdf`,
    );
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), a.bytes)).toBe(0);
  });

  it("answers 404 for another client's file, with the same response as a missing one", async () => {
    signInAs(a);
    const foreign = await download(String(b.fileId));
    const missing = await download("2000000000");
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    const foreignBody = await foreign.text();
    expect(foreignBody).toBe(await missing.text());
    expect(foreignBody).not.toContain("secreto");
    expect(foreign.headers.get("content-disposition")).toBeNull();
    expect(foreignBody).toMatch(/no existe/);
  });

  it("answers 404 in English when the request is in English", async () => {
    signInAs(a);
    setTestRequestLocale("en");
    const response = await download(String(b.fileId));
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/does not exist/);
  });

  it.each(["abc", "0", "-1", "1.5", "1e3", "01", "99999999999", " 1", "%31"])("answers 404 for the id %j", async (fileId) => {
    signInAs(a);
    expect((await download(fileId)).status).toBe(404);
  });

  it("sends a signed-out visitor to /acceder", async () => {
    signInAs(null);
    const error = await download(String(a.fileId)).then(
      () => null,
      (thrown: unknown) => thrown as { digest?: string },
    );
    expect(error?.digest).toMatch(/^NEXT_REDIRECT;.*;\/acceder;/);
  });
});

describe("download headers", () => {
  it("strips directories and control characters from the name", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\x\\informe.pdf")).toBe("informe.pdf");
    expect(safeFileName("a\r\nSet-Cookie: x.pdf")).toBe("aSet-Cookie: x.pdf");
    expect(safeFileName("..")).toBe("archivo");
    expect(safeFileName("")).toBe("archivo");
  });

  it("keeps the quoted name ASCII and free of quotes and backslashes", () => {
    expect(asciiFallback('Índice "ñ"\\.txt')).toBe("Indice _n__.txt");
    expect(downloadHeaders("a'b(c)*.txt").get("content-disposition")).toBe(`attachment; filename="a'b(c)*.txt"; filename*=UTF-8''a%27b%28c%29%2A.txt`);
  });
});
