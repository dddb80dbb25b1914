// Opens the database when the server starts, so the embedded default's first migration and demo
// seed happen now rather than during the first visitor's sign-in.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("./db/client");
  getDb().catch((error) => console.error("The database could not be opened at start-up:", error));
}
