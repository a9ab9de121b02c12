/**
 * Turns an audit row's before/after JSON into the fields that changed, as short readable
 * text. Snapshots are whole rows (an article's with its body), so unchanged fields are left
 * out and long values are cut: a short form for the list, and a longer, still bounded form
 * for whoever opens it.
 */

export interface AuditValue {
  /** At most SHORT_LENGTH characters; ends with "…" when cut. */
  short: string;
  /** The value up to FULL_LENGTH characters, when `short` is cut; null when `short` is all of it. */
  full: string | null;
  /** Characters left out even of `full`. */
  omitted: number;
}

export interface AuditChange {
  /** Dotted path of the field, e.g. "role" or "target.statement"; "value" when the snapshot is not an object. */
  field: string;
  kind: "added" | "removed" | "changed";
  before: AuditValue | null;
  after: AuditValue | null;
}

export const SHORT_LENGTH = 80;
export const FULL_LENGTH = 4000;
/** Nested objects are followed this deep; deeper ones compare as JSON. */
const MAX_DEPTH = 3;

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function flatten(value: unknown, prefix: string, depth: number, into: Map<string, unknown>): Map<string, unknown> {
  if (isPlainObject(value) && depth < MAX_DEPTH) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, depth + 1, into);
  } else if (value !== undefined) {
    into.set(prefix || "value", value);
  }
  return into;
}

function asText(value: unknown): string {
  if (value === null) return "(none)";
  if (typeof value === "string") return value === "" ? "(empty)" : value;
  return JSON.stringify(value) ?? String(value);
}

/** Cuts at code points, so a Chinese quote or an emoji is never split in half. */
export function toAuditValue(value: unknown): AuditValue {
  const chars = Array.from(asText(value));
  if (chars.length <= SHORT_LENGTH) return { short: chars.join(""), full: null, omitted: 0 };
  return {
    short: `${chars.slice(0, SHORT_LENGTH - 1).join("")}…`,
    full: chars.slice(0, FULL_LENGTH).join(""),
    omitted: Math.max(0, chars.length - FULL_LENGTH),
  };
}

/** The fields that differ between two snapshots, in the order they first appear (before's, then after's new ones). */
export function diffAuditSnapshots(before: unknown, after: unknown): AuditChange[] {
  const was = before === null || before === undefined ? new Map<string, unknown>() : flatten(before, "", 0, new Map());
  const now = after === null || after === undefined ? new Map<string, unknown>() : flatten(after, "", 0, new Map());
  const fields = [...new Set([...was.keys(), ...now.keys()])];
  const changes: AuditChange[] = [];
  for (const field of fields) {
    const inBefore = was.has(field);
    const inAfter = now.has(field);
    if (inBefore && inAfter && JSON.stringify(was.get(field)) === JSON.stringify(now.get(field))) continue;
    changes.push({
      field,
      kind: !inBefore ? "added" : !inAfter ? "removed" : "changed",
      before: inBefore ? toAuditValue(was.get(field)) : null,
      after: inAfter ? toAuditValue(now.get(field)) : null,
    });
  }
  return changes;
}
