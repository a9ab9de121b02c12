import "server-only";
import { asc } from "drizzle-orm";
import type { StatusIcon } from "../../lib/status-scale";
import { type Db, getDb } from "../client";
import { type Status, statuses } from "../schema";

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
export async function listStatuses(db: Db = getDb()): Promise<StatusDto[]> {
  return (await db
    .select()
    .from(statuses)
    .orderBy(asc(statuses.sortOrder)))
    .map(toStatusDto);
}

export function toStatusDto(row: Status): StatusDto {
  return {
    key: row.key,
    labelEn: row.labelEn,
    labelZh: row.labelZh,
    color: row.color,
    icon: row.icon as StatusIcon,
    resolved: row.resolved,
    ratingValue: row.ratingValue,
    retired: row.retiredAt !== null,
  };
}
