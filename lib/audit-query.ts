/**
 * The audit log browser's filters, read from the URL (a plain GET form). A value that does
 * not parse is dropped rather than failing the page, and reported so the form can say so.
 */
import { z } from "zod";
import { isIsoDay } from "./dates";

export const AUDIT_ENTITY_TYPES = ["article", "claim", "mention", "status_event", "status", "user", "review", "setting", "database"] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];

export const AUDIT_PAGE_SIZE = 50;

export interface AuditQuery {
  /** A user id: rows they wrote, and rows about their account. */
  userId?: string;
  entityType?: AuditEntityType;
  entityId?: string;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Keyset cursor: only rows older than this audit id. */
  before?: number;
}

const FIELDS = {
  userId: z.string().trim().min(1).max(64),
  entityType: z.enum(AUDIT_ENTITY_TYPES),
  entityId: z.string().trim().min(1).max(100),
  from: z.string().trim().refine(isIsoDay),
  to: z.string().trim().refine(isIsoDay),
  before: z.coerce.number().int().positive(),
};

type SearchParams = Record<string, string | string[] | undefined>;

export function parseAuditQuery(params: SearchParams): { query: AuditQuery; invalid: (keyof AuditQuery)[] } {
  const query: Record<string, unknown> = {};
  const invalid: (keyof AuditQuery)[] = [];
  for (const [name, schema] of Object.entries(FIELDS) as [keyof AuditQuery, z.ZodType][]) {
    const raw = params[name];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === "") continue;
    const parsed = schema.safeParse(value);
    if (parsed.success) query[name] = parsed.data;
    else invalid.push(name);
  }
  return { query: query as AuditQuery, invalid };
}

/** The URL query for a filter set, leaving out empty ones, so links carry only what was chosen. */
export function auditQueryString(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}
