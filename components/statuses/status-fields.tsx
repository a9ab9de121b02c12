"use client";

import { useState } from "react";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { StatusBadge } from "@/components/status-badge";
import { SelectField, TextField } from "@/components/ui/field";
import { badgeColorProblem, contrastRatio, formatRatio, STATUS_ICONS } from "@/lib/status-input";
import type { StatusIcon } from "@/lib/status-scale";

/** What each icon looks like, so the choice does not depend on seeing the preview. */
const ICON_NAMES: Record<StatusIcon, string> = {
  question: "Question mark",
  progress: "Three dots",
  clock: "Clock",
  check: "Tick",
  "check-half": "Tick over a line",
  half: "Half-filled circle",
  warning: "Warning triangle",
  cross: "Cross",
  dash: "Dash",
  history: "Arrow turning back",
};

const RATINGS = [
  ["1", "1 (worst)"],
  ["2", "2"],
  ["3", "3"],
  ["4", "4"],
  ["5", "5 (best)"],
] as const;

export type StatusFieldValues = Omit<StatusDto, "key" | "retired">;

export const BLANK_STATUS: StatusFieldValues = { labelEn: "", labelZh: "", color: "#4b5563", icon: "question", resolved: false, ratingValue: null };

interface StatusFieldsProps {
  /** Makes control ids unique when several forms share the page. */
  idPrefix: string;
  initial: StatusFieldValues;
  errors: Record<string, string>;
}

/**
 * The fields every status has, with a live badge preview. Labels, colour and icon are held in
 * state so the preview follows the typing; they also survive a failed save.
 */
export function StatusFields({ idPrefix, initial, errors }: StatusFieldsProps) {
  const [labelEn, setLabelEn] = useState(initial.labelEn);
  const [labelZh, setLabelZh] = useState(initial.labelZh);
  const [color, setColor] = useState(initial.color);
  const [icon, setIcon] = useState<StatusIcon>(initial.icon);
  const normalized = color.trim().toLowerCase();
  const colorProblem = badgeColorProblem(normalized);
  const readableColor = /^#[0-9a-f]{6}$/.test(normalized);
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3 rounded-md bg-stone-50 p-3 text-sm">
        <span className="text-[var(--color-muted)]">Preview</span>
        <StatusBadge
          status={{ key: "preview", labelEn: labelEn || "English label", labelZh: labelZh || "中文标签", color: readableColor ? normalized : BLANK_STATUS.color, icon, resolved: false, ratingValue: null, retired: false }}
        />
        {readableColor ? (
          <span className={colorProblem ? "text-red-700 dark:text-red-300" : "text-[var(--color-muted)]"}>
            White text contrast {formatRatio(contrastRatio("#ffffff", normalized))} {colorProblem ? "(too low; at least 4.5:1)" : "(readable)"}
          </span>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={id("labelEn")} label="English label" name="labelEn" required maxLength={40} value={labelEn} onChange={(e) => setLabelEn(e.target.value)} error={errors.labelEn} />
        <TextField
          id={id("labelZh")}
          label="Chinese label"
          name="labelZh"
          lang="zh-Hans"
          required
          maxLength={40}
          value={labelZh}
          onChange={(e) => setLabelZh(e.target.value)}
          error={errors.labelZh}
        />
        <div className="flex items-start gap-2">
          <div className="flex-1">
            <TextField
              id={id("color")}
              label="Colour"
              name="color"
              required
              pattern="#[0-9a-fA-F]{6}"
              value={color}
              onChange={(e) => setColor(e.target.value)}
              error={errors.color}
              hint="#rrggbb. Badges print white text on it, so it must be dark enough to read."
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={id("color-picker")} className="text-sm font-medium">
              Picker
            </label>
            <input
              id={id("color-picker")}
              type="color"
              className="h-[42px] w-12 cursor-pointer rounded-md border border-stone-300 bg-[var(--color-surface)] p-1"
              value={readableColor ? normalized : BLANK_STATUS.color}
              onChange={(e) => setColor(e.target.value)}
            />
          </div>
        </div>
        <SelectField id={id("icon")} label="Icon" name="icon" value={icon} onChange={(e) => setIcon(e.target.value as StatusIcon)} error={errors.icon} hint="Shown with the label, so the status never relies on colour.">
          {STATUS_ICONS.map((name) => (
            <option key={name} value={name}>
              {ICON_NAMES[name]}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={id("ratingValue")}
          label="ClaimReview rating"
          name="ratingValue"
          defaultValue={initial.ratingValue === null ? "" : String(initial.ratingValue)}
          error={errors.ratingValue}
          hint="How the verdict is published to search engines; not rated for in-between states."
        >
          <option value="">Not rated</option>
          {RATINGS.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </SelectField>
        <div className="flex flex-col gap-1 self-center">
          <div className="flex items-center gap-2">
            <input
              id={id("resolved")}
              type="checkbox"
              name="resolved"
              className="h-4 w-4"
              defaultChecked={initial.resolved}
              aria-describedby={`${id("resolved")}-hint${errors.resolved ? ` ${id("resolved")}-error` : ""}`}
            />
            <label htmlFor={id("resolved")} className="text-sm font-medium">
              Settles the claim
            </label>
          </div>
          <p id={`${id("resolved")}-hint`} className="text-xs text-[var(--color-muted)]">
            Resolved claims leave the re-check queue.
          </p>
          {errors.resolved ? (
            <p id={`${id("resolved")}-error`} className="text-sm text-red-700 dark:text-red-300" role="alert">
              {errors.resolved}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
