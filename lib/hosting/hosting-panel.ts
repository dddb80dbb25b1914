// The seam between the portal and the control panel that runs hosting accounts (cPanel/WHM, or the
// sandbox panel of the embedded default). Each vendor gets one file implementing this interface; it
// parses every response with zod and turns vendor failures into a HostingPanelError, so use cases
// never see WHM's envelopes or reasons. Calls are made outside database transactions.

/** Where an account lives. The API token is resolved from the environment by the caller, never stored. */
export type PanelServer = {
  id: number;
  hostname: string;
  port: number;
  /** The WHM user the token belongs to (usually "root" or a reseller). */
  username: string;
  token: string | null;
  nameservers: string[];
};

export type CreateAccountInput = {
  username: string;
  domain: string;
  /** The WHM package (products.panelPackage). */
  plan: string;
  password: string;
  contactEmail: string;
  /** Extra quota or a dedicated IP chosen as configurable options. */
  quotaMb?: number;
  dedicatedIp?: boolean;
};

export type PanelUsage = {
  diskUsedMb: number;
  /** null: unlimited. */
  diskLimitMb: number | null;
  bandwidthUsedMb: number;
  bandwidthLimitMb: number | null;
};

export type PanelSessionRequest = {
  username: string;
  service: "cpaneld" | "webmaild";
  /** A cPanel app to land in (e.g. "Email_Accounts", "FileManager_Home"); the home page when absent. */
  app?: string;
  locale?: string;
};

export type CreateMailboxInput = { username: string; domain: string; localPart: string; password: string; quotaMb: number };

export interface HostingPanel {
  /** "whm" or "sandbox". */
  readonly name: string;
  createAccount(server: PanelServer, input: CreateAccountInput): Promise<{ ip: string | null }>;
  /** For idempotent provisioning: a create that timed out may have succeeded. */
  accountExists(server: PanelServer, username: string): Promise<boolean>;
  suspendAccount(server: PanelServer, username: string, reason: string): Promise<void>;
  unsuspendAccount(server: PanelServer, username: string): Promise<void>;
  terminateAccount(server: PanelServer, username: string): Promise<void>;
  changePackage(server: PanelServer, username: string, plan: string): Promise<void>;
  changePassword(server: PanelServer, username: string, password: string): Promise<void>;
  /** A one-time login URL, asked for on each click and followed at once; never stored. */
  createSession(server: PanelServer, request: PanelSessionRequest): Promise<{ url: string }>;
  getUsage(server: PanelServer, username: string): Promise<PanelUsage>;
  createMailbox(server: PanelServer, input: CreateMailboxInput): Promise<void>;
}

export const HOSTING_PANEL_ERRORS = ["unavailable", "unauthorized", "rejected", "not_found", "already_exists", "bad_response"] as const;
export type HostingPanelErrorCode = (typeof HOSTING_PANEL_ERRORS)[number];

/**
 * A panel failure the customer can be told about. `messageKey` is a catalog key; the vendor's own
 * reason stays in `message`, for the log only (it may name servers or users).
 */
export class HostingPanelError extends Error {
  readonly messageKey: `hosting.errors.${HostingPanelErrorCode}`;

  constructor(
    readonly code: HostingPanelErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "HostingPanelError";
    this.messageKey = `hosting.errors.${code}`;
  }
}

export function isHostingPanelError(error: unknown): error is HostingPanelError {
  return error instanceof HostingPanelError;
}
