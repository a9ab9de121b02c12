/**
 * Input schemas for admins editing the verification scale, and the colour rule behind them:
 * badges print white text on the status colour, so a colour is only accepted when that
 * text stays readable (WCAG AA, 4.5:1).
 */
import { z } from "zod";
import { wellFormedString } from "./validation";
import type { StatusIcon } from "./status-scale";

export const STATUS_ICONS = ["question", "progress", "clock", "check", "check-half", "half", "warning", "cross", "dash", "history"] as const satisfies readonly StatusIcon[];

// Fails to compile when lib/status-scale.ts gains an icon this list lacks, so the admin form
// can never be missing a choice.
type Assert<T extends true> = T;
type _EveryIconListed = Assert<Exclude<StatusIcon, (typeof STATUS_ICONS)[number]> extends never ? true : false>;

/** WCAG AA for normal-size text; badge labels are small. */
export const MIN_BADGE_CONTRAST = 4.5;
const BADGE_TEXT = "#ffffff";
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** WCAG 2 relative luminance of a #rrggbb colour. */
function relativeLuminance(hex: string): number {
  if (!HEX_COLOR.test(hex)) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 (none) to 21 (black on white). Order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * Why a colour cannot be a badge colour, or null when it can. Shared by the schema and the
 * data-access layer, which re-checks so no entry point can store an unreadable badge.
 */
export function badgeColorProblem(color: string): string | null {
  if (!HEX_COLOR.test(color)) return "Enter a colour as #rrggbb, for example #15803d.";
  const ratio = contrastRatio(BADGE_TEXT, color);
  if (ratio >= MIN_BADGE_CONTRAST) return null;
  return `White text on ${color.toLowerCase()} has contrast ${formatRatio(ratio)}; choose a darker colour (at least ${MIN_BADGE_CONTRAST}:1).`;
}

/** "4.4:1". Rounded down, so a failing colour is never shown as "4.5:1". */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

const blankToNull = (value: unknown) => (value === undefined || (typeof value === "string" && value.trim() === "") ? null : value);

const label = (name: string) =>
  wellFormedString()
    .trim()
    .min(1, `The ${name} label is required.`)
    .max(40, `The ${name} label is limited to 40 characters.`);

export const statusFields = z.object({
  labelEn: label("English"),
  labelZh: label("Chinese"),
  color: z
    .string()
    .trim()
    .toLowerCase()
    .superRefine((color, ctx) => {
      const problem = badgeColorProblem(color);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  icon: z.enum(STATUS_ICONS, "Choose one of the icons."),
  /** A checkbox: present as "on" when ticked, absent when not. JSON callers may send a boolean. */
  resolved: z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean()),
  ratingValue: z.preprocess(
    blankToNull,
    z.coerce
      .number("Enter a rating from 1 to 5, or leave it blank.")
      .int("Ratings are whole numbers from 1 to 5.")
      .min(1, "Ratings go from 1 (worst) to 5 (best).")
      .max(5, "Ratings go from 1 (worst) to 5 (best).")
      .nullable(),
  ),
});
export type StatusFields = z.infer<typeof statusFields>;

/** Names an existing status. Looser than a new key: the row itself is the authority. */
const existingKey = z.string().trim().min(1, "Choose a status.").max(40);

export const newStatusInput = statusFields.extend({
  // Keys end up in URLs, exports and ClaimReview data, so they stay plain. Uniqueness is checked in the data layer.
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]{2,40}$/, "Use 2–40 lowercase letters, digits or underscores, e.g. partly_false."),
});
export type NewStatusInput = z.infer<typeof newStatusInput>;

/** Every field but the key, which old events refer to and so never changes. */
export const statusUpdateInput = statusFields.extend({ key: existingKey });
export type StatusUpdateInput = z.infer<typeof statusUpdateInput>;

export const statusKeyInput = z.object({ key: existingKey });
export type StatusKeyInput = z.infer<typeof statusKeyInput>;

/** The whole scale, top to bottom; the data layer checks it names every status once. */
export const statusOrderInput = z.object({ keys: z.array(existingKey).min(1, "List the statuses in their new order.").max(200) });
export type StatusOrderInput = z.infer<typeof statusOrderInput>;
