import { z } from "zod";

// The seam between the portal and whoever registers domains for us. Each vendor gets one file that
// implements this interface; it parses every vendor response with zod and turns vendor failures
// into a RegistrarError, so use cases never see a vendor's wire format or error codes.

export const AVAILABILITY_STATUSES = ["available", "taken", "unknown"] as const;
export type AvailabilityStatus = (typeof AVAILABILITY_STATUSES)[number];

export const domainAvailabilitySchema = z.object({
  name: z.string(),
  status: z.enum(AVAILABILITY_STATUSES),
});
export type DomainAvailability = z.infer<typeof domainAvailabilitySchema>;

export const CONTACT_ROLES = ["registrant", "admin", "tech"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** A WHOIS contact as the registries want it: phone as "+CC.NUMBER", country as ISO 3166-1 alpha-2. */
export const domainContactSchema = z.object({
  name: z.string(),
  company: z.string().optional(),
  email: z.string(),
  phone: z.string(),
  address1: z.string(),
  address2: z.string().optional(),
  city: z.string(),
  state: z.string(),
  postcode: z.string(),
  country: z.string().length(2),
  /** NIF/NIE/CIF: .es and .cat registrants must give one. */
  taxId: z.string().optional(),
});
export type DomainContact = z.infer<typeof domainContactSchema>;
export type DomainContacts = Record<ContactRole, DomainContact>;

/** A private name server (glue record) under the domain itself, e.g. ns1.example.com. */
export type PrivateNameserver = { host: string; ipv4: string[]; ipv6: string[] };

export const REGISTRY_STATUSES = ["active", "pending_transfer", "expired", "transferred_away", "cancelled"] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

/** What the registrar says about a domain now; the cron copies it onto our row. */
export type RegistryDomainInfo = {
  name: string;
  status: RegistryStatus;
  /** ISO date (YYYY-MM-DD); null while a transfer has not completed. */
  expiryDate: string | null;
  locked: boolean;
  idProtection: boolean;
  nameservers: string[];
};

export type RegisterDomainInput = {
  name: string;
  years: number;
  /** 2 to 5 host names. */
  nameservers: string[];
  contacts: DomainContacts;
  idProtection: boolean;
};

export type TransferDomainInput = {
  name: string;
  eppCode: string;
  nameservers: string[];
  contacts: DomainContacts;
  idProtection: boolean;
};

export type RenewDomainInput = {
  name: string;
  years: number;
  /**
   * The expiry date we believe the domain has. Registrars that take it (LogicBoxes' exp-date) refuse
   * a renewal whose date no longer matches, so a repeated call cannot renew twice.
   */
  currentExpiryDate: string;
};

/**
 * Modelled on the WHMCS registrar function index. Every name is lower-case ASCII (punycode for IDN).
 * A refusal or failure is thrown as a RegistrarError; a method that returns has been accepted by the
 * registrar, and only then does the portal save the change on its own row.
 */
export interface Registrar {
  /** Stored in domains.registrar for the names this adapter manages ("sandbox", "logicboxes"). */
  readonly name: string;
  /**
   * One answer per name, in the order asked. Names are lower-case ASCII (punycode for IDN).
   * "unknown" is an answer, not an error: the registry did not say, and the customer is told so.
   */
  checkAvailability(names: string[]): Promise<DomainAvailability[]>;
  register(input: RegisterDomainInput): Promise<{ expiryDate: string }>;
  /** Starts a transfer in; it completes later (sync reports it). */
  transfer(input: TransferDomainInput): Promise<{ status: "pending_transfer" }>;
  renew(input: RenewDomainInput): Promise<{ expiryDate: string }>;
  getNameservers(name: string): Promise<string[]>;
  /** 2 to 5 host names; replaces the whole set. */
  saveNameservers(name: string, nameservers: string[]): Promise<void>;
  getContacts(name: string): Promise<DomainContacts>;
  saveContacts(name: string, contacts: DomainContacts): Promise<void>;
  getLock(name: string): Promise<boolean>;
  setLock(name: string, locked: boolean): Promise<void>;
  /**
   * The transfer (EPP / authInfo) code. The portal emails it to the registrant's address and never
   * shows it on a page or keeps it in the email log.
   */
  getEppCode(name: string): Promise<string>;
  setIdProtection(name: string, enabled: boolean): Promise<void>;
  listPrivateNameservers(name: string): Promise<PrivateNameserver[]>;
  registerPrivateNameserver(name: string, nameserver: PrivateNameserver): Promise<void>;
  /** Replaces the addresses of an existing private name server. */
  modifyPrivateNameserver(name: string, nameserver: PrivateNameserver): Promise<void>;
  deletePrivateNameserver(name: string, host: string): Promise<void>;
  /** Status, expiry and transfer state as the registrar has them now. */
  sync(name: string): Promise<RegistryDomainInfo>;
}

/**
 * unavailable: the registrar could not be reached or answered nonsense (try later); rejected: it
 * refused for a reason it did not name; the rest are refusals the customer can act on.
 */
export const REGISTRAR_ERRORS = ["unavailable", "rejected", "not_found", "name_taken", "invalid_epp_code", "domain_locked", "invalid_nameserver", "invalid_contact"] as const;
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
