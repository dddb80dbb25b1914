import { z } from "zod";

// The seam between the portal and whoever registers domains for us. Each vendor gets one file that
// implements this interface; it parses every vendor response with zod and turns vendor failures
// into a RegistrarError, so use cases never see a vendor's wire format or error codes.
// Register, transfer, renew, nameservers, lock, contacts and EPP codes join this interface with
// the issues that need them.

export const AVAILABILITY_STATUSES = ["available", "taken", "unknown"] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];

export const domainAvailabilitySchema = z.object({
  name: z.string(),
  status: z.enum(AVAILABILITY_STATUSES),
});
export type DomainAvailability = z.infer<typeof domainAvailabilitySchema>;

export interface Registrar {
  /** Stored in domains.registrar for the names this adapter manages ("sandbox", "logicboxes"). */
  readonly name: string;
  /**
   * One answer per name, in the order asked. Names are lower-case ASCII (punycode for IDN).
   * "unknown" is an answer, not an error: the registry did not say, and the customer is told so.
   */
  checkAvailability(names: string[]): Promise<DomainAvailability[]>;
}

export const REGISTRAR_ERRORS = ["unavailable", "rejected"] as const;
export type RegistrarErrorCode = (typeof REGISTRAR_ERRORS)[number];

/**
 * A registrar failure the customer can be told about. `messageKey` is a catalog key; the vendor's own
 * code and text stay in `vendorCode` and `message`, for the log only.
 */
export class RegistrarError extends Error {
  readonly messageKey: `domains.errors.registrar.${RegistrarErrorCode}`;

  constructor(
    readonly code: RegistrarErrorCode,
    message: string,
    readonly vendorCode?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "RegistrarError";
    this.messageKey = `domains.errors.registrar.${code}`;
  }
}
