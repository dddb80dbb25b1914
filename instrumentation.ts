// Opens the database when the server starts, so the embedded default's first migration and demo
// seed happen now rather than during the first visitor's sign-in; and warms the PDF renderer.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/client");
  getDb().catch((error) => console.error("The database could not be opened at start-up:", error));
  // The first invoice PDF of a process would otherwise pay for parsing the fonts (lib/pdf/warm-up.ts).
  import("./lib/pdf/warm-up")
    .then(({ warmUpPdfRendering }) => warmUpPdfRendering())
    .catch((error) => console.error("The PDF renderer could not be warmed up:", error));
}
