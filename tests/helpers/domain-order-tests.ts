import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Database } from "@/db/client";
import { createSandboxGateway } from "@/lib/payments/sandbox-gateway";
import { setProviderForTests } from "@/lib/providers";
import { seedReferenceDataOnce, setupTestDatabase, teardownTestDatabase } from "./database";
import { createRegistrarDouble, type RegistrarDouble } from "./registrar-double";

/**
 * The hooks of a test file about paying for domains: a test database with the reference data, the
 * sandbox card gateway, and before each test a fresh registrar double (counting calls, refusing on
 * demand) in front of the sandbox registry. `onEach` receives both before every test.
 */
export function setUpDomainOrderTests(onEach: (world: { db: Database; double: RegistrarDouble }) => void): void {
  let db: Database;
  beforeAll(async () => {
    db = await setupTestDatabase();
    await seedReferenceDataOnce(db);
    setProviderForTests("payments", createSandboxGateway());
  });
  beforeEach(() => {
    const double = createRegistrarDouble({ db });
    setProviderForTests("registrar", double.registrar);
    onEach({ db, double });
  });
  afterAll(async () => {
    setProviderForTests("registrar", null);
    setProviderForTests("payments", null);
    await teardownTestDatabase();
  });
}
