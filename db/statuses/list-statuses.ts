import "server-only";
import { asc } from "drizzle-orm";
import type { StatusIcon } from "../../lib/status-scale";
import { getDb } from "../client";
import { statuses } from "../schema";

export interface StatusDto {
  key: string;
  labelEn: string;
  labelZh: string;
  color: string;
  icon: StatusIcon;
  resolved: boolean;
  ratingValue: number | null;
  retired: boolean;
}

/** The whole scale in display order, retired statuses included (old events still use them). */
export function listStatuses(): StatusDto[] {
  return getDb()
    .select()
    .from(statuses)
    .orderBy(asc(statuses.sortOrder))
    .all()
    .map((s) => ({
      key: s.key,
      labelEn: s.labelEn,
      labelZh: s.labelZh,
      color: s.color,
      icon: s.icon as StatusIcon,
      resolved: s.resolved,
      ratingValue: s.ratingValue,
      retired: s.retiredAt !== null,
    }));
}
