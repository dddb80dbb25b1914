import { withScriptDatabase } from "./script-database";

// `npm run db:migrate`: applies the committed migrations (drizzle keeps track of those already applied).
await withScriptDatabase(async ({ db, label }) => {
  const { migrateDatabase } = await import("@/db/client");
  console.log(`Applying migrations to ${label}...`);
  await migrateDatabase(db);
  console.log("Migrations applied: the database is up to date.");
});
