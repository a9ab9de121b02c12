/**
 * Input schemas for everything that crosses a boundary (forms, JSON bodies).
 * Forms send empty strings for blank fields, so optional text normalises "" to null.
 */
import { z } from "zod";
import { ARTICLE_STATUSES, CLAIM_KINDS, CLAIMANT_TYPES, EVENT_VISIBILITIES, ROLES, STATEMENT_MAX_LENGTH } from "./claim-rules";
import { isIsoDay, parsePreciseDate } from "./dates";
import { codePointLength } from "./anchor";
import { NEW_SLUG_PATTERN } from "./slug";
import { latestPastDay } from "./today";
import { BODY_FORMATS } from "./article-doc/types";

/** 2 MB of article body (UTF-8): generous for any news article, small enough to refuse abuse early. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

export const bodyTooLargeMessage = (bytes: number) =>
  `The article body is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_BODY_BYTES / 1024 / 1024} MB. Split it, or import only the part with the claims.`;

/**
 * A string as stored: unpaired UTF-16 surrogates (a lone "\ud800" that JSON can carry) each
 * become U+FFFD. SQLite would get them as invalid UTF-8 and read each back as three U+FFFD,
 * shifting every code point offset after it; replaced here, on the way in, what is stored is
 * exactly the text that anchors were computed on. Every free-text field starts from this.
 */
export const wellFormedString = () => z.string().overwrite((value) => value.toWellFormed());

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);

export const optionalText = (max: number) =>
  z.preprocess(blankToNull, wellFormedString().trim().max(max, `At most ${max} characters.`).nullable().optional()).transform((v) => v ?? null);

export const httpUrl = wellFormedString()
  .trim()
  .max(2048, "URLs are limited to 2048 characters.")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }, "Enter a full http:// or https:// address.");

export const optionalHttpUrl = z.preprocess(blankToNull, httpUrl.nullable().optional()).transform((v) => v ?? null);

export const isoDay = z.string().trim().refine(isIsoDay, "Enter a real date as YYYY-MM-DD.");

/** Why a date something happened on cannot be `day` (the first day of its period), or null when it can. Read at parse time, against the server's UTC clock. */
export function futureDateProblem(day: string, now: Date = new Date()): string | null {
  const latest = latestPastDay(now);
  return day > latest ? `That date is in the future; enter a date up to ${latest}.` : null;
}

/** A day something happened on: a real date, not more than a day ahead of UTC (see latestPastDay). */
export const pastIsoDay = isoDay.superRefine((day, ctx) => {
  const problem = futureDateProblem(day);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
export const optionalPastIsoDay = z.preprocess(blankToNull, pastIsoDay.nullable().optional()).transform((v) => v ?? null);
export const optionalIsoDay = z.preprocess(blankToNull, isoDay.nullable().optional()).transform((v) => v ?? null);
/**
 * A new claim's date: blank ("" or null) is "no date"; left out (undefined) is "the article's
 * published date", which the data-access layer fills in (see defaultClaimDate).
 */
export const newClaimDate = z.preprocess(blankToNull, pastIsoDay.nullable().optional());

export const languageTag = z
  .string()
  .trim()
  .min(2, "Enter a language tag such as zh-Hans or en.")
  .max(35)
  .transform((value, ctx) => {
    try {
      return Intl.getCanonicalLocales(value)[0]!;
    } catch {
      ctx.addIssue({ code: "custom", message: `“${value}” is not a valid BCP 47 language tag (e.g. zh-Hans, en).` });
      return z.NEVER;
    }
  });

/**
 * The language of a text an editor wrote (statement, rationale): blank or left out means
 * "detect it" (optional in the output too, so callers that never choose need not say so).
 */
export const optionalLanguage = z.preprocess(blankToNull, languageTag.nullable().optional());

/** Decimal digits, no sign, no leading zero: the one spelling of an id, so "/claims/0x1" or "1.0" is not claim 1. */
const CANONICAL_ID = /^[1-9][0-9]{0,15}$/;
const NOT_AN_ID = "Not a valid id.";

/**
 * A row id from a path, a form or a JSON body: a positive safe integer, or the canonical
 * decimal string of one. Every other string ("0x1", "1.0", "01", "+1", " 1", "1e0") is refused,
 * so an address names one row only once and pages 404 instead of serving another spelling.
 */
export const idParam = z.preprocess(
  (value) => (typeof value === "string" && CANONICAL_ID.test(value) ? Number(value) : value),
  z.number({ error: NOT_AN_ID }).int(NOT_AN_ID).positive(NOT_AN_ID).max(Number.MAX_SAFE_INTEGER, NOT_AN_ID),
);

export const articleInput = z.object({
  title: wellFormedString().trim().min(1, "A title is required.").max(300, "Titles are limited to 300 characters."),
  slug: z.preprocess(
    blankToNull,
    z.string().trim().toLowerCase().max(80).regex(NEW_SLUG_PATTERN, "Use letters a–z, digits and single hyphens.").nullable().optional(),
  ),
  summary: optionalText(2000),
  sourceUrl: optionalHttpUrl,
  outlet: optionalText(200),
  byline: optionalText(300),
  /** Detected from the body when left blank. */
  language: z.preprocess(blankToNull, languageTag.nullable().optional()).transform((v) => v ?? null),
  publishedDate: optionalIsoDay,
  bodyFormat: z.enum(BODY_FORMATS).default("plain"),
  body: wellFormedString()
    .superRefine((body, context) => {
      const bytes = utf8Length(body);
      if (bytes > MAX_BODY_BYTES) context.addIssue({ code: "custom", message: bodyTooLargeMessage(bytes), params: { tooLarge: true } });
    })
    .transform((body) => body.replace(/\r\n?/g, "\n"))
    .refine((body) => body.trim().length > 0, "The article body is empty."),
  status: z.enum(ARTICLE_STATUSES).default("draft"),
});
export type ArticleInput = z.infer<typeof articleInput>;

export const articleUpdateInput = articleInput.extend({
  id: idParam,
  /** The version the editor started from; a mismatch means someone else saved first. */
  version: z.coerce.number().int().nonnegative(),
});
export type ArticleUpdateInput = z.infer<typeof articleUpdateInput>;

export const statement = wellFormedString()
  .trim()
  .min(1, "A statement is required.")
  .refine((s) => codePointLength(s) <= STATEMENT_MAX_LENGTH, `Statements are limited to ${STATEMENT_MAX_LENGTH} characters.`);

/** Person or organisation; blank (a form's "not said") is null. */
export const optionalClaimantType = z
  .preprocess((v) => (v === "" ? null : v), z.enum(CLAIMANT_TYPES, { error: "Choose a person or an organisation." }).nullable().optional())
  .transform((v) => v ?? null);

export const claimWithMentionInput = z.object({
  articleId: idParam,
  /** The exact words of the article that make the claim. */
  quote: wellFormedString().min(1, "Quote the words of the article that make the claim.").max(5000),
  /** Which appearance of the quote, when it appears more than once (1 = first). */
  occurrence: z.coerce.number().int().positive("Count appearances from 1.").default(1),
  statement,
  /** The statement's language; null: detected from it. */
  statementLanguage: optionalLanguage,
  claimant: optionalText(200),
  claimantType: optionalClaimantType,
  /** When the claim was made: it cannot have been made in the future (a prediction is about the future, not made in it). Left out: the article's date. */
  claimDate: newClaimDate,
  kind: z.enum(CLAIM_KINDS).default("fact"),
});
export type ClaimWithMentionInput = z.infer<typeof claimWithMentionInput>;

export const sourceInput = z.object({
  url: httpUrl,
  title: optionalText(500),
  publisher: optionalText(200),
  publishedDate: optionalIsoDay,
  archivedUrl: optionalHttpUrl,
});
export type SourceInput = z.infer<typeof sourceInput>;

export const statusEventInput = z.object({
  claimId: idParam,
  statusKey: wellFormedString().trim().min(1).max(40),
  effectiveDate: z
    .string()
    .trim()
    .transform((value, ctx) => {
      const parsed = parsePreciseDate(value);
      if (!parsed) {
        ctx.addIssue({ code: "custom", message: "Enter a real date as YYYY, YYYY-MM or YYYY-MM-DD." });
        return z.NEVER;
      }
      // A month or a year counts from its first day: "2027" is refused until 2026-12-31.
      const future = futureDateProblem(parsed.date);
      if (future) {
        ctx.addIssue({ code: "custom", message: future });
        return z.NEVER;
      }
      return parsed;
    }),
  rationale: optionalText(20_000),
  /** The rationale's language; null: detected from it. */
  rationaleLanguage: optionalLanguage,
  internalNote: optionalText(20_000),
  visibility: z.enum(EVENT_VISIBILITIES).default("published"),
  correctsEventId: z.preprocess(blankToNull, idParam.nullable().optional()).transform((v) => v ?? null),
  sources: z.array(sourceInput).max(20, "At most 20 sources per event.").default([]),
});
export type StatusEventInput = z.infer<typeof statusEventInput>;

export const newUserInput = z.object({
  name: wellFormedString().trim().min(1, "A name is required.").max(100),
  email: z.email("Enter a valid email address.").trim().toLowerCase().max(254),
  password: z.string().min(10, "Passwords need at least 10 characters.").max(128),
  role: z.enum(ROLES),
});
export type NewUserInput = z.infer<typeof newUserInput>;

export const signInInput = z.object({
  // 254 characters is the longest address SMTP can carry (RFC 5321); checked before the format.
  email: z.string().trim().toLowerCase().max(254, "Enter a valid email address.").pipe(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password.").max(128),
  next: z.string().optional(),
});

/**
 * A post-sign-in redirect target, as a path on this site, or the fallback. The value is
 * resolved the way a browser resolves a Location header (which drops tabs and line breaks and
 * reads "\\" as "/", so "/\t/evil.test" means "//evil.test"): only a result on the same origin
 * as the base is kept, and it is returned as the URL parser serialised it, so it holds no
 * character a header cannot carry.
 */
export function safeNextPath(next: string | null | undefined, fallback = "/editor"): string {
  const base = "http://claimline.invalid";
  if (!next || next.length > 2000 || !next.startsWith("/") || !URL.canParse(next, base)) return fallback;
  const resolved = new URL(next, base);
  if (resolved.origin !== base) return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}

/** Turns a zod error into `{ field: message }` for forms, plus a summary line. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}
