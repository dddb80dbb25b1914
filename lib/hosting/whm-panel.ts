import { z } from "zod";
import { env } from "@/lib/env";
import {
  HostingPanelError,
  type CreateAccountInput,
  type CreateMailboxInput,
  type HostingPanel,
  type HostingPanelErrorCode,
  type PanelServer,
  type PanelSessionRequest,
  type PanelUsage,
} from "./hosting-panel";

// The WHM API 1 adapter (cPanel & WHM). Every call is
//   GET https://HOST:PORT/json-api/<function>?api.version=1&<arguments>
//   Authorization: whm USER:TOKEN
// and answers an envelope {data?, metadata: {result, reason, command, version}}. HTTP 200 does not
// mean success: `metadata.result` 0 is a failure whose `reason` is WHM's English sentence, mapped
// here to our error codes. Email::add_pop is UAPI, reached through WHM's uapi_cpanel, and has a
// second success flag (`data.uapi.status`) that must also be 1. The token goes only into the
// Authorization header: never into a URL, a log line or an error message. Error messages carry the
// function, the server id and WHM's reason, for the log; customers see the catalog key only.
// References: https://api.docs.cpanel.net/ (createacct, accountsummary, showbw, suspendacct,
// unsuspendacct, removeacct, changepackage, passwd, create_user_session, uapi_cpanel).

export type WhmPanelOptions = {
  /** Milliseconds per call before it counts as "unavailable" (default: WHM_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Replaces `https://HOST:PORT` for every server, e.g. `http://127.0.0.1:PORT` of a test stand-in. */
  baseUrl?: string;
};

type Arguments = Record<string, string | number | undefined>;

// WHM's JSON is loose about numbers (some builds quote them): accept both, keep them numbers.
const numeric = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

const envelopeSchema = z.object({
  metadata: z.object({
    result: numeric,
    reason: z.string().nullish(),
    command: z.string().nullish(),
  }),
  data: z.unknown().optional(),
});

const createacctData = z.object({ ip: z.string().nullish() }).nullish();

const accountSummaryData = z.object({
  acct: z.array(
    z.object({
      user: z.string(),
      domain: z.string().nullish(),
      // "123M", "0M", sometimes "none"; disklimit "unlimited" or "1024M".
      diskused: z.union([z.string(), z.number()]).nullish(),
      disklimit: z.union([z.string(), z.number()]).nullish(),
      suspended: numeric.nullish(),
      plan: z.string().nullish(),
    }),
  ),
});

// showbw (WHM "Bandwidth and Disk Quotas" spec): data.acct[] with `user`, `totalbytes` (bytes used
// in the month asked for) and `limit` (bytes, 0 = unlimited). Parsed defensively: the fields we do
// not use are ignored, the ones we use may come as numbers or numeric strings; a missing `limit`
// reads as unlimited and a missing `totalbytes` as nothing used.
const showbwData = z.object({
  acct: z
    .array(
      z.object({
        user: z.string(),
        totalbytes: numeric.nullish(),
        limit: numeric.nullish(),
      }),
    )
    .default([]),
});

const sessionData = z.object({ url: z.url() });

const uapiData = z.object({
  uapi: z.object({
    status: numeric,
    errors: z.array(z.string()).nullish(),
  }),
});

const MEBIBYTE = 1024 * 1024;
const TO_MB: Record<string, number> = { K: 1 / 1024, M: 1, G: 1024, T: 1024 * 1024 };

/** "123M" -> 123, "1.5G" -> 1536, "unlimited"/"none"/"" -> null (no figure), a bare number is MB. */
export function parseWhmMegabytes(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? Math.round(value) : null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*([KMGT])?i?B?\s*$/i.exec(value);
  if (!match) return null;
  return Math.round(Number(match[1]) * TO_MB[(match[2] ?? "M").toUpperCase()]!);
}

/** WHM's English failure sentences, mapped to our codes (checked case-insensitively). */
export function codeForWhmReason(reason: string): HostingPanelErrorCode {
  if (/already (exists|owned|taken|in use|registered)|exists already/i.test(reason)) return "already_exists";
  if (/does ?n[o']t exist|no such (user|account)|not found|unknown (user|account)|is not a valid (user|account)/i.test(reason)) return "not_found";
  if (/access denied|permission denied|not authorized|unauthorized/i.test(reason)) return "unauthorized";
  return "rejected";
}

function escapePcre(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}

export function createWhmPanel(options: WhmPanelOptions = {}): HostingPanel {
  const timeoutMs = options.timeoutMs ?? env.WHM_TIMEOUT_MS;
  const override = options.baseUrl?.replace(/\/+$/, "");

  function baseUrlOf(server: PanelServer): string {
    return override ?? `https://${server.hostname}:${server.port}`;
  }

  /** One WHM API 1 call: the envelope checked, `data` parsed with `schema`. */
  async function call<Schema extends z.ZodType>(server: PanelServer, fn: string, args: Arguments, schema: Schema): Promise<z.infer<Schema>> {
    const where = `WHM ${fn} on server ${server.id}`;
    if (!server.token) throw new HostingPanelError("unauthorized", `${where}: no API token is configured (servers.token_env)`);

    const query = new URLSearchParams({ "api.version": "1" });
    for (const [key, value] of Object.entries(args)) if (value !== undefined) query.set(key, String(value));
    const url = `${baseUrlOf(server)}/json-api/${fn}?${query.toString()}`;

    let status: number;
    let text: string;
    try {
      const response = await fetch(url, {
        method: "GET",
        headers: { Authorization: `whm ${server.username}:${server.token}`, Accept: "application/json" },
        // A redirect would be WHM's login page or a proxy: never follow it with the token.
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
        cache: "no-store",
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      // The cause is the network error only (no request headers), so the token cannot leak through it.
      throw new HostingPanelError("unavailable", timedOut ? `${where}: no answer within ${timeoutMs} ms` : `${where}: ${networkProblem(error)}`, {
        cause: error,
      });
    }

    if (status === 401 || status === 403) throw new HostingPanelError("unauthorized", `${where}: HTTP ${status} (token refused)`);
    if (status !== 200) throw new HostingPanelError("unavailable", `${where}: HTTP ${status}`);

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new HostingPanelError("bad_response", `${where}: the answer is not JSON`, { cause: error });
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) throw new HostingPanelError("bad_response", `${where}: unexpected envelope (${z.prettifyError(envelope.error)})`);
    const { metadata, data } = envelope.data;
    if (metadata.result !== 1) {
      const reason = metadata.reason?.trim() || "no reason given";
      throw new HostingPanelError(codeForWhmReason(reason), `${where} failed: ${reason}`);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new HostingPanelError("bad_response", `${where}: unexpected data (${z.prettifyError(parsed.error)})`);
    return parsed.data;
  }

  async function accountSummary(server: PanelServer, username: string) {
    const data = await call(server, "accountsummary", { user: username }, accountSummaryData);
    const account = data.acct.find((row) => row.user === username);
    if (!account) throw new HostingPanelError("not_found", `WHM accountsummary on server ${server.id}: no account ${username} in the answer`);
    return account;
  }

  const ignoreData = z.unknown();

  return {
    name: "whm",

    async createAccount(server: PanelServer, input: CreateAccountInput) {
      const data = await call(
        server,
        "createacct",
        {
          username: input.username,
          domain: input.domain,
          plan: input.plan,
          password: input.password,
          contactemail: input.contactEmail,
          quota: input.quotaMb,
          ip: input.dedicatedIp ? "y" : "n",
        },
        createacctData,
      );
      return { ip: data?.ip ?? null };
    },

    async accountExists(server: PanelServer, username: string) {
      try {
        await accountSummary(server, username);
        return true;
      } catch (error) {
        if (error instanceof HostingPanelError && error.code === "not_found") return false;
        throw error;
      }
    },

    async suspendAccount(server: PanelServer, username: string, reason: string) {
      await call(server, "suspendacct", { user: username, reason }, ignoreData);
    },

    async unsuspendAccount(server: PanelServer, username: string) {
      await call(server, "unsuspendacct", { user: username }, ignoreData);
    },

    async terminateAccount(server: PanelServer, username: string) {
      await call(server, "removeacct", { username }, ignoreData);
    },

    async changePackage(server: PanelServer, username: string, plan: string) {
      await call(server, "changepackage", { user: username, pkg: plan }, ignoreData);
    },

    async changePassword(server: PanelServer, username: string, password: string) {
      await call(server, "passwd", { user: username, password }, ignoreData);
    },

    async createSession(server: PanelServer, request: PanelSessionRequest) {
      const data = await call(
        server,
        "create_user_session",
        { user: request.username, service: request.service, app: request.app, locale: request.locale },
        sessionData,
      );
      return { url: data.url };
    },

    async getUsage(server: PanelServer, username: string): Promise<PanelUsage> {
      const now = new Date();
      const [account, bandwidth] = await Promise.all([
        accountSummary(server, username),
        call(
          server,
          "showbw",
          { month: now.getUTCMonth() + 1, year: now.getUTCFullYear(), searchtype: "user", search: `^${escapePcre(username)}$` },
          showbwData,
        ),
      ]);
      const row = bandwidth.acct.find((entry) => entry.user === username);
      const limitBytes = row?.limit ?? 0;
      return {
        diskUsedMb: parseWhmMegabytes(account.diskused) ?? 0,
        diskLimitMb: parseWhmMegabytes(account.disklimit),
        bandwidthUsedMb: Math.round((row?.totalbytes ?? 0) / MEBIBYTE),
        bandwidthLimitMb: limitBytes > 0 ? Math.round(limitBytes / MEBIBYTE) : null,
      };
    },

    async createMailbox(server: PanelServer, input: CreateMailboxInput) {
      const data = await call(
        server,
        "uapi_cpanel",
        {
          "cpanel.user": input.username,
          "cpanel.module": "Email",
          "cpanel.function": "add_pop",
          email: input.localPart,
          domain: input.domain,
          password: input.password,
          quota: input.quotaMb,
        },
        uapiData,
      );
      // The second flag: WHM ran the UAPI call (result 1), but the call itself may have failed.
      if (data.uapi.status !== 1) {
        const errors = data.uapi.errors?.join("; ") || "no reason given";
        throw new HostingPanelError("rejected", `UAPI Email::add_pop for ${input.username} on server ${server.id} failed: ${errors}`);
      }
    },
  };
}

function networkProblem(error: unknown): string {
  if (!(error instanceof Error)) return "network error";
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === "string" ? `network error (${cause.code})` : `network error (${error.message})`;
}
