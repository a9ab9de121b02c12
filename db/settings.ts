import "server-only";
import { z } from "zod";
import { isTagAuthority } from "../lib/feeds/tag-uri";

/**
 * Settings read from the environment, each parsed once with its default and a clear error.
 * Read here (the data layer reads the environment; lib/ never does). A bad value stops the
 * request that needs it with a message naming the variable, instead of a silent fallback.
 */
const httpUrl = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), "must be an http(s) URL");

const schema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_BASE_URL: httpUrl.optional(),
  BETTER_AUTH_URL: httpUrl.optional(),
  /** The authority of feed ids (tag: URIs): a DNS name or email address the desk controls. See db/feeds/feed-id-authority.ts. */
  FEED_ID_AUTHORITY: z
    .string()
    .trim()
    .toLowerCase()
    .refine(isTagAuthority, "must be a DNS name (desk.example.org) or an email address (desk@example.org)")
    .optional(),
  SUGGEST_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  // A real article parses in well under a second even on a busy two-core machine; ten leaves
  // room for a very long page (and a wait for a free worker) while still stopping one built to stall.
  PARSE_TIME_LIMIT_SECONDS: z.coerce.number().positive().max(600).default(10),
  /** "1" lets "Import from a URL" fetch pages on loopback or private networks (the e2e tests serve their own pages on 127.0.0.1); anything else keeps them refused. */
  INTAKE_ALLOW_PRIVATE_ADDRESSES: z
    .string()
    .optional()
    .transform((value) => value === "1"),
  /** The longest any cached reader page or read is served (server/serve.mjs reads it too), even without a change: pages show "today". */
  PAGE_CACHE_MAX_AGE: z.coerce.number().int().min(0).default(60),
  /** How long a shared cache (Varnish, a CDN) may keep a public answer (server/serve.mjs reads it too); purges end it sooner. */
  SHARED_CACHE_MAX_AGE: z.coerce.number().int().min(0).default(300),
  /** Where the cache tags of each write are purged (lib/cache-purge.ts); unset, nothing is sent. */
  CACHE_PURGE_URL: httpUrl.optional(),
  /** Sent as `Authorization: Bearer …` with each purge (a CDN's API token). */
  CACHE_PURGE_TOKEN: z.string().trim().min(1).optional(),
});

export type Settings = z.infer<typeof schema>;

/** Empty variables count as unset, as in a shell `VAR= npm start`. */
function environment(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => !!entry[1]?.trim()));
}

let parsed: Settings | undefined;

export function settings(): Settings {
  // A production process reads its environment once; tests change it between cases.
  if (parsed && process.env.NODE_ENV === "production") return parsed;
  const result = schema.safeParse(environment());
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
    throw new Error(`Claimline settings: ${problems}.`);
  }
  parsed = result.data;
  return parsed;
}

/** How long one parse (an article body, an imported page) may take before its worker is stopped: PARSE_TIME_LIMIT_SECONDS. */
export function parseTimeLimitMs(): number {
  return settings().PARSE_TIME_LIMIT_SECONDS * 1000;
}
