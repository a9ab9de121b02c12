/**
 * The default verification scale. Each status carries an English and a Chinese label,
 * a colour *and* an icon (status is never shown by colour alone), whether it settles the
 * claim, and how it maps to schema.org ClaimReview (ratingValue 1–5, or not rated).
 * Admins will be able to edit the scale (stored in the `statuses` table); this list is
 * what a new desk starts with.
 */

export type StatusIcon = "question" | "progress" | "clock" | "check" | "check-half" | "half" | "warning" | "cross" | "dash" | "history";

export interface StatusDefinition {
  key: string;
  labelEn: string;
  labelZh: string;
  /** A hex colour, chosen to keep AA contrast with white text on the badge. */
  color: string;
  icon: StatusIcon;
  /** True when this verdict settles the claim (it leaves the re-check queue). */
  resolved: boolean;
  /** ClaimReview reviewRating.ratingValue on a 1 (worst) to 5 (best) scale; null when not rated. */
  ratingValue: number | null;
  sortOrder: number;
}

export const DEFAULT_STATUS_KEY = "unverified";

export const DEFAULT_STATUSES: readonly StatusDefinition[] = [
  { key: "unverified", labelEn: "Unverified", labelZh: "未核实", color: "#4b5563", icon: "question", resolved: false, ratingValue: null, sortOrder: 10 },
  { key: "in_progress", labelEn: "In progress", labelZh: "核查中", color: "#1d4ed8", icon: "progress", resolved: false, ratingValue: null, sortOrder: 20 },
  { key: "pending", labelEn: "Pending", labelZh: "待验证", color: "#7c3aed", icon: "clock", resolved: false, ratingValue: null, sortOrder: 30 },
  { key: "true", labelEn: "True", labelZh: "属实", color: "#15803d", icon: "check", resolved: true, ratingValue: 5, sortOrder: 40 },
  { key: "mostly_true", labelEn: "Mostly true", labelZh: "基本属实", color: "#3f6212", icon: "check-half", resolved: true, ratingValue: 4, sortOrder: 50 },
  { key: "mixed", labelEn: "Mixed", labelZh: "真假参半", color: "#a16207", icon: "half", resolved: true, ratingValue: 3, sortOrder: 60 },
  { key: "misleading", labelEn: "Misleading", labelZh: "误导", color: "#c2410c", icon: "warning", resolved: true, ratingValue: 2, sortOrder: 70 },
  { key: "false", labelEn: "False", labelZh: "不实", color: "#b91c1c", icon: "cross", resolved: true, ratingValue: 1, sortOrder: 80 },
  { key: "unprovable", labelEn: "Unprovable", labelZh: "无法证实", color: "#57534e", icon: "dash", resolved: true, ratingValue: null, sortOrder: 90 },
  { key: "outdated", labelEn: "Outdated", labelZh: "已过时", color: "#0f766e", icon: "history", resolved: true, ratingValue: null, sortOrder: 100 },
];
