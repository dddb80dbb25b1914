import { z } from "zod";
import { RegistrarError, type RegistrarErrorCode } from "../registrar";

// The HTTP layer of the LogicBoxes (ResellerClub) API: every command is
//   GET|POST <base>/<group>/<command>.json?auth-userid=RESELLER_ID&api-key=KEY&<parameters>
// with list parameters repeated (ns=a&ns=b). Reads are GET, changes POST (parameters in the query
// string, as the vendor's documented request URLs show them). Answers are JSON; a failure is an
// envelope {"status":"ERROR","message":"…"} (some commands spell it "error" or put the text in
// `error`), sent with HTTP 200 or 500. HTTP 401/403 means the credentials or the source IP were
// refused: a configuration problem, reported as "unavailable" with the reason for the log.
// The api-key travels only in the URL it must travel in: never into an error message, a log line
// or an error's cause (every vendor text is passed through redact() before it is kept).

export type LogicBoxesConfig = {
  /** e.g. https://httpapi.com/api (live) or https://test.httpapi.com/api (the vendor's test host). */
  baseUrl: string;
  /** The reseller id, sent as auth-userid. */
  resellerId: string;
  apiKey: string;
  /** The reseller's customer every domain and contact is created under. */
  customerId: string;
  /** Milliseconds per call before it counts as "unavailable". */
  timeoutMs: number;
  /**
   * Where domains/available.json is asked, when not at baseUrl: the vendor documents a separate
   * host for live availability checks (https://domaincheck.httpapi.com/api).
   */
  availabilityUrl?: string;
};

export type LogicBoxesParams = Record<string, string | number | boolean | readonly string[] | undefined>;

export type LogicBoxesClient = {
  readonly customerId: string;
  get<Schema extends z.ZodType>(command: string, params: LogicBoxesParams, schema: Schema): Promise<z.infer<Schema>>;
  /** domains/available.json, at availabilityUrl when one is configured. */
  checkAvailability<Schema extends z.ZodType>(params: LogicBoxesParams, schema: Schema): Promise<z.infer<Schema>>;
  post<Schema extends z.ZodType>(command: string, params: LogicBoxesParams, schema: Schema): Promise<z.infer<Schema>>;
};

/** The error envelope, in the spellings the vendor uses. */
const errorEnvelopeSchema = z.object({
  status: z.string().regex(/^error$/i),
  message: z.string().optional(),
  error: z.string().optional(),
});

/** LogicBoxes answers numbers as JSON numbers or as strings ("84311819"), and ids as a bare value. */
export const lbInteger = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);
export const lbBoolean = z.union([z.boolean(), z.enum(["true", "false", "True", "False"]).transform((value) => value.toLowerCase() === "true")]);

/**
 * A vendor failure sentence mapped to our code (case-insensitive, first match wins). The patterns
 * follow the wording of the vendor's messages ("… is already registered", "Invalid auth code",
 * "Domain is locked", "Invalid Nameserver …", contact field errors, "Website doesn't exist for …").
 */
export function codeForLogicBoxesMessage(message: string): RegistrarErrorCode {
  // Our account, not the customer's request: credentials, IP whitelist, registry down.
  if (/not authori[sz]ed|access denied|authentication|auth-userid|api-?key|whitelist|ip address .*not allowed|insufficient funds|registry.*(unavailable|not available|down)|temporarily|try again later/i.test(message)) {
    return "unavailable";
  }
  if (/auth[- ]?code|authori[sz]ation code|domain secret|domsecret|auth ?info|epp code/i.test(message)) return "invalid_epp_code";
  if (/\blocked\b|transfer ?lock|theft protection|clienttransferprohibited/i.test(message)) return "domain_locked";
  if (/name ?server|\bns\d*\b|\bcns\b|child name/i.test(message)) return "invalid_nameserver";
  if (/contact|e-?mail|phone|telephone|zip ?code|postal|address-line|company|registrant/i.test(message)) return "invalid_contact";
  if (/doesn'?t exist|does not exist|not found|no (such|entity)|invalid order ?-?id|no order/i.test(message)) return "not_found";
  if (/already (registered|exists|taken)|not available|unavailable for registration|is taken|regthrough/i.test(message)) return "name_taken";
  return "rejected";
}

export function createLogicBoxesClient(config: LogicBoxesConfig): LogicBoxesClient {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const availabilityUrl = (config.availabilityUrl ?? config.baseUrl).replace(/\/+$/, "");
  const secrets = [config.apiKey, encodeURIComponent(config.apiKey)].filter((secret) => secret.length > 0);

  /** Removes the api-key from any text that may end up in a log. */
  function redact(text: string): string {
    return secrets.reduce((result, secret) => result.split(secret).join("[redacted]"), text);
  }

  async function call<Schema extends z.ZodType>(
    method: "GET" | "POST",
    command: string,
    params: LogicBoxesParams,
    schema: Schema,
    base = baseUrl,
  ): Promise<z.infer<Schema>> {
    const where = `LogicBoxes ${command}`;
    const query = new URLSearchParams({ "auth-userid": config.resellerId, "api-key": config.apiKey });
    for (const [key, value] of Object.entries(params)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) query.append(key, item);
      else query.append(key, String(value));
    }

    let status: number;
    let text: string;
    try {
      const response = await fetch(`${base}/${command}.json?${query.toString()}`, {
        method,
        headers: { Accept: "application/json" },
        // A redirect would be a login page or a proxy: never follow it with the key in the URL.
        redirect: "manual",
        signal: AbortSignal.timeout(config.timeoutMs),
        cache: "no-store",
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      // No cause attached: a network error may quote the request, and the request carries the key.
      throw new RegistrarError("unavailable", redact(timedOut ? `${where}: no answer within ${config.timeoutMs} ms` : `${where}: ${networkProblem(error)}`));
    }

    if (status === 401 || status === 403) {
      const why = `${where}: HTTP ${status}, the credentials were refused (check LOGICBOXES_RESELLER_ID, LOGICBOXES_API_KEY and that this server's IP address is whitelisted in the reseller account)`;
      console.error(`[registrar] ${why}`);
      throw new RegistrarError("unavailable", why, `http_${status}`);
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new RegistrarError("unavailable", `${where}: HTTP ${status}, the answer is not JSON`, status === 200 ? undefined : `http_${status}`);
    }

    const failure = errorEnvelopeSchema.safeParse(json);
    if (failure.success) {
      const message = redact((failure.data.message ?? failure.data.error ?? "").trim() || "no reason given");
      throw new RegistrarError(codeForLogicBoxesMessage(message), `${where} failed: ${message}`, message);
    }
    if (status < 200 || status >= 300) throw new RegistrarError("unavailable", `${where}: HTTP ${status}`, `http_${status}`);

    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new RegistrarError("unavailable", redact(`${where}: unexpected answer (${z.prettifyError(parsed.error)})`));
    return parsed.data;
  }

  return {
    customerId: config.customerId,
    get: (command, params, schema) => call("GET", command, params, schema),
    checkAvailability: (params, schema) => call("GET", "domains/available", params, schema, availabilityUrl),
    post: (command, params, schema) => call("POST", command, params, schema),
  };
}

function networkProblem(error: unknown): string {
  if (!(error instanceof Error)) return "network error";
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === "string" ? `network error (${cause.code})` : "network error";
}
