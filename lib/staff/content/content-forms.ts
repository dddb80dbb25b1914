import { isIP } from "node:net";
import { z } from "zod";
import { NETWORK_ISSUE_STATUSES } from "@/db/schema";
import { rowIdField } from "@/lib/row-id";
import { parseMadridDateTime } from "./madrid-time";
import { SLUG_MAX, SLUG_PATTERN } from "./slug";

const E = (key: string) => `adminContent.errors.${key}`;
const BODY_MAX = 50_000;

const title = z.string().trim().min(1, E("titleRequired")).max(200, E("titleTooLong"));
const name = z.string().trim().min(1, E("nameRequired")).max(200, E("nameTooLong"));
const body = z.string().trim().min(1, E("bodyRequired")).max(BODY_MAX, E("bodyTooLong"));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, E("textTooLong"))
    .optional()
    .transform((value) => value || null);
/** A checkbox: present ("on") when ticked, absent otherwise. */
const checkbox = z
  .string()
  .optional()
  .transform((value) => value !== undefined && value !== "" && value !== "0");
/** "" or absent on a new row's form; the row's id when editing. */
const optionalId = z
  .union([z.literal("").transform(() => null), rowIdField()])
  .optional()
  .transform((value) => value ?? null);
const sortOrder = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return 0;
    if (!/^-?\d{1,6}$/.test(value)) {
      context.addIssue({ code: "custom", message: E("sortOrderInvalid") });
      return z.NEVER;
    }
    return Number(value);
  });
/** Blank: made from the title; otherwise it must already be a slug. */
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(SLUG_MAX, E("slugInvalid"))
  .optional()
  .transform((value, context) => {
    if (!value) return null;
    if (!SLUG_PATTERN.test(value)) {
      context.addIssue({ code: "custom", message: E("slugInvalid") });
      return z.NEVER;
    }
    return value;
  });
const madridDateTime = (message: string) =>
  z.string().transform((value, context) => {
    const date = parseMadridDateTime(value);
    if (!date) {
      context.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return date;
  });
const optionalMadridDateTime = z
  .string()
  .optional()
  .transform((value, context) => {
    if (!value?.trim()) return null;
    const date = parseMadridDateTime(value);
    if (!date) {
      context.addIssue({ code: "custom", message: E("dateInvalid") });
      return z.NEVER;
    }
    return date;
  });

export const idForm = z.object({ id: rowIdField() });

export const announcementForm = z.object({
  id: optionalId,
  title,
  body,
  publishedAt: madridDateTime(E("publishDateInvalid")),
  published: checkbox,
});

export const kbCategoryForm = z.object({ id: optionalId, name, slug, description: optionalText(2000), sortOrder, hidden: checkbox });

export const kbArticleForm = z.object({
  id: optionalId,
  title,
  slug,
  categoryId: rowIdField(E("categoryRequired")),
  body,
  published: checkbox,
});

export const downloadCategoryForm = z.object({ id: optionalId, name, description: optionalText(2000), sortOrder });

export const downloadForm = z.object({
  categoryId: rowIdField(E("categoryRequired")),
  title,
  description: optionalText(2000),
  clientsOnly: checkbox,
});

const HOSTNAME = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;
const integerIn = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .transform((value, context) => {
      const number = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
      if (!(number >= min && number <= max)) {
        context.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return number;
    });

export const serverForm = z.object({
  id: optionalId,
  name: z.string().trim().min(1, E("nameRequired")).max(100, E("nameTooLong")),
  hostname: z.string().trim().toLowerCase().regex(HOSTNAME, E("hostnameInvalid")),
  ipAddress: z.string().trim().refine((value) => isIP(value) !== 0, E("ipInvalid")),
  location: optionalText(100),
  nameservers: z
    .string()
    .optional()
    .transform((value, context) => {
      const names = (value ?? "")
        .split(/[\s,]+/)
        .map((line) => line.trim().toLowerCase())
        .filter(Boolean);
      if (names.length < 1 || names.length > 8 || !names.every((entry) => HOSTNAME.test(entry))) {
        context.addIssue({ code: "custom", message: E("nameserversInvalid") });
        return z.NEVER;
      }
      return names;
    }),
  port: integerIn(1, 65535, E("portInvalid")),
  username: z.string().trim().regex(/^[a-z0-9_][a-z0-9_.-]{0,31}$/i, E("usernameInvalid")),
  // The token itself is never stored: only the name of the WHM_TOKEN_* variable that holds it. Blank keeps the one set.
  tokenEnv: z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      if (!/^WHM_TOKEN_[A-Z0-9_]{1,54}$/.test(value)) {
        context.addIssue({ code: "custom", message: E("tokenEnvInvalid") });
        return z.NEVER;
      }
      return value;
    }),
  clearTokenEnv: checkbox,
  serverGroup: z.string().trim().regex(/^[a-z0-9_-]{1,50}$/i, E("serverGroupInvalid")),
  maxAccounts: integerIn(1, 100_000, E("maxAccountsInvalid")),
  active: checkbox,
});

export const OPEN_ISSUE_STATUSES = NETWORK_ISSUE_STATUSES.filter((status) => status !== "resolved");
export const ISSUE_PRIORITIES = ["low", "medium", "high", "critical"] as const;

const serverIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value, context) => {
    const raw = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const ids = raw.map((entry) => (/^\d{1,9}$/.test(entry) ? Number(entry) : NaN));
    if (ids.length === 0 || ids.some((id) => !(id >= 1))) {
      context.addIssue({ code: "custom", message: E("serversRequired") });
      return z.NEVER;
    }
    return [...new Set(ids)];
  });

export const incidentForm = z
  .object({
    title,
    description: body,
    status: z.enum(OPEN_ISSUE_STATUSES, { message: E("statusInvalid") }),
    priority: z.enum(ISSUE_PRIORITIES, { message: E("priorityInvalid") }).default("medium"),
    startsAt: madridDateTime(E("startsAtInvalid")),
    endsAt: optionalMadridDateTime,
    serverIds,
  })
  .superRefine((input, context) => {
    if (input.endsAt && input.endsAt <= input.startsAt) context.addIssue({ code: "custom", path: ["endsAt"], message: E("endsBeforeStart") });
  });

export const incidentUpdateForm = z.object({
  issueId: rowIdField(),
  status: z.enum(OPEN_ISSUE_STATUSES, { message: E("statusInvalid") }),
  message: z.string().trim().min(1, E("messageRequired")).max(BODY_MAX, E("bodyTooLong")),
});

// "resolution", not "message": it shares the incident's page with the update form.
export const resolveIncidentForm = z.object({
  issueId: rowIdField(),
  resolution: z.string().trim().min(1, E("messageRequired")).max(BODY_MAX, E("bodyTooLong")),
});
