import type { Transaction } from "@/db/client";
import { services } from "@/db/schema";
import { daysFromToday, momentFromToday } from "./dates";
import type { DemoAccounts } from "./demo-accounts";
import { productLimits, productPrice, type ReferenceIds } from "./reference-data";

/**
 * What the staff's Colas > Aprovisionamientos fallidos shows in the demo: two paid services of the
 * demo client whose panel account could not be created (the panel did not answer). One has used up
 * the cron's attempts and waits for staff; the other the cron would still retry. "Reintentar" on the
 * sandbox panel creates them. No server or user name yet: the first attempt never got that far.
 */
export async function seedDemoQueues(tx: Transaction, reference: ReferenceIds, { demo }: DemoAccounts): Promise<number[]> {
  const failures = [
    { product: "basic" as const, domain: "reservas-casa-rural.es", attempts: 5, orderedDaysAgo: 3, error: "unavailable: srv01.example-hosting.es no respondió en 15 s (createacct)" },
    { product: "professional" as const, domain: "academia-idiomas.es", attempts: 2, orderedDaysAgo: 1, error: "unavailable: srv01.example-hosting.es no respondió en 15 s (createacct)" },
  ];
  const rows = await tx
    .insert(services)
    .values(
      failures.map((spec) => {
        const price = productPrice(spec.product, "annually");
        const limits = productLimits(spec.product);
        return {
          clientId: demo.id,
          productId: reference.productIds[spec.product],
          domain: spec.domain,
          status: "pending" as const,
          billingCycle: "annually" as const,
          firstPaymentAmount: price,
          recurringAmount: price,
          currency: "EUR",
          registrationDate: daysFromToday(-spec.orderedDaysAgo),
          nextDueDate: daysFromToday(365 - spec.orderedDaysAgo),
          diskLimitMb: limits.diskLimitMb,
          bandwidthLimitMb: limits.bandwidthLimitMb,
          provisionState: "failed" as const,
          provisionError: spec.error,
          provisionAttempts: spec.attempts,
          createdAt: momentFromToday(-spec.orderedDaysAgo, 11, 15),
        };
      }),
    )
    .returning({ id: services.id });
  return rows.map((row) => row.id);
}
