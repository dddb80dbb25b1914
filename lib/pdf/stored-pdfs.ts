import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Executor } from "@/db/client";
import { storedPdfs } from "@/db/schema";

// Where rendered PDFs of documents that no longer change are kept. The portal keeps them in its
// database (files are small and functions stay stateless, like attachments); an object store
// (S3, R2) would implement the same three calls.

export type StoredPdfKey = { invoiceId: number; locale: string };

/** A PDF as rendered: its bytes, their hash, and what it was rendered from. */
export type RenderedPdf = { bytes: Buffer; sha256: string; fingerprint: string; templateVersion: number };

export type StoredPdf = RenderedPdf & { renderedAt: Date };

export interface StoredPdfStore {
  /** The stored document, or null. The bytes are returned as stored: the caller checks them against `sha256`. */
  read(key: StoredPdfKey): Promise<StoredPdf | null>;
  /**
   * Keeps `pdf` unless a document is stored under `key` already, and returns the one stored: the
   * first writer wins, so concurrent first downloads leave one row and serve the same bytes.
   */
  keep(key: StoredPdfKey, pdf: RenderedPdf): Promise<StoredPdf>;
  /** Overwrites the stored document (its bytes were damaged, or it was rendered from other content). */
  replace(key: StoredPdfKey, pdf: RenderedPdf): Promise<StoredPdf>;
}

export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

const columns = {
  // As base64 text: PGlite decodes a bytea result byte by byte (6 ms for a 40 KiB PDF, against 0.6 ms
  // for its base64); postgres.js reads either quickly.
  bytes: sql<Buffer>`encode(${storedPdfs.bytes}, 'base64')`.mapWith((value: string) => Buffer.from(value, "base64")),
  sha256: storedPdfs.sha256,
  fingerprint: storedPdfs.fingerprint,
  templateVersion: storedPdfs.templateVersion,
  renderedAt: storedPdfs.renderedAt,
};

/** The table stored_pdfs (db/schema/stored-pdfs.ts), on the portal's database unless another executor is given. */
export function databasePdfStore(executor?: Executor): StoredPdfStore {
  const database = async () => executor ?? (await getDb());
  const where = (key: StoredPdfKey) => and(eq(storedPdfs.invoiceId, key.invoiceId), eq(storedPdfs.locale, key.locale));
  const values = (key: StoredPdfKey, pdf: RenderedPdf) => ({
    invoiceId: key.invoiceId,
    locale: key.locale,
    templateVersion: pdf.templateVersion,
    fingerprint: pdf.fingerprint,
    sha256: pdf.sha256,
    sizeBytes: pdf.bytes.byteLength,
    bytes: pdf.bytes,
  });

  async function read(key: StoredPdfKey): Promise<StoredPdf | null> {
    const db = await database();
    const [row] = await db.select(columns).from(storedPdfs).where(where(key)).limit(1);
    return row ?? null;
  }

  return {
    read,
    async keep(key, pdf) {
      const db = await database();
      const [inserted] = await db
        .insert(storedPdfs)
        .values(values(key, pdf))
        .onConflictDoNothing({ target: [storedPdfs.invoiceId, storedPdfs.locale] })
        .returning({ renderedAt: storedPdfs.renderedAt });
      if (inserted) return { ...pdf, renderedAt: inserted.renderedAt };
      // Another request stored it first: serve that one. (Gone again in between: serve ours.)
      return (await read(key)) ?? { ...pdf, renderedAt: new Date() };
    },
    async replace(key, pdf) {
      const db = await database();
      const [row] = await db
        .insert(storedPdfs)
        .values(values(key, pdf))
        .onConflictDoUpdate({
          target: [storedPdfs.invoiceId, storedPdfs.locale],
          set: { ...values(key, pdf), renderedAt: new Date() },
        })
        .returning({ renderedAt: storedPdfs.renderedAt });
      return { ...pdf, renderedAt: row!.renderedAt };
    },
  };
}
