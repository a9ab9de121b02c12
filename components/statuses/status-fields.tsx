"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { StatusBadge } from "@/components/status-badge";
import { SelectField, TextField } from "@/components/ui/field";
import { badgeColorProblem, contrastRatio, formatRatio, STATUS_ICONS } from "@/lib/status-input";
import type { StatusIcon } from "@/lib/status-scale";

// Each icon is named by what it looks like (editor.statuses.icons), so the choice does not
// depend on seeing the preview.

/** ClaimReview ratings, 1 (worst) to 5 (best). */
const RATINGS = [1, 2, 3, 4, 5] as const;

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
  const t = useTranslations("editor.statuses");
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
        <span className="text-[var(--color-muted)]">{t("preview")}</span>
        <StatusBadge
          status={{ key: "preview", labelEn: labelEn || t("englishPlaceholder"), labelZh: labelZh || t("chinesePlaceholder"), color: readableColor ? normalized : BLANK_STATUS.color, icon, resolved: false, ratingValue: null, retired: false }}
        />
        {readableColor ? (
          <span className={colorProblem ? "text-red-700 dark:text-red-300" : "text-[var(--color-muted)]"}>
            {t("contrast", { ratio: formatRatio(contrastRatio("#ffffff", normalized)) })} {colorProblem ? t("contrastLow") : t("contrastOk")}
          </span>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={id("labelEn")} label={t("englishLabel")} name="labelEn" required maxLength={40} value={labelEn} onChange={(e) => setLabelEn(e.target.value)} error={errors.labelEn} />
        <TextField
          id={id("labelZh")}
          label={t("chineseLabel")}
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
              label={t("colour")}
              name="color"
              required
              pattern="#[0-9a-fA-F]{6}"
              value={color}
              onChange={(e) => setColor(e.target.value)}
              error={errors.color}
              hint={t("colourHint")}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor={id("color-picker")} className="text-sm font-medium">
              {t("picker")}
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
        <SelectField id={id("icon")} label={t("icon")} name="icon" value={icon} onChange={(e) => setIcon(e.target.value as StatusIcon)} error={errors.icon} hint={t("iconHint")}>
          {STATUS_ICONS.map((name) => (
            <option key={name} value={name}>
              {t(`icons.${name}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={id("ratingValue")}
          label={t("claimReviewRating")}
          name="ratingValue"
          defaultValue={initial.ratingValue === null ? "" : String(initial.ratingValue)}
          error={errors.ratingValue}
          hint={t("ratingHint")}
        >
          <option value="">{t("notRated")}</option>
          {RATINGS.map((value) => (
            <option key={value} value={value}>
              {value === 1 ? t("worst", { value }) : value === 5 ? t("best", { value }) : value}
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
              {t("resolved")}
            </label>
          </div>
          <p id={`${id("resolved")}-hint`} className="text-xs text-[var(--color-muted)]">
            {t("resolvedHint")}
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
