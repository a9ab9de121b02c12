import type { StatusDto } from "@/db/statuses/list-statuses";
import { StatusIcon } from "./status-icon";

/** A status as a readable badge: icon + English label + Chinese label, never colour alone. */
export function StatusBadge({ status, size = "md" }: { status: StatusDto; size?: "sm" | "md" }) {
  return (
    <span
      className={`status-badge status-badge-${size}`}
      style={{ backgroundColor: status.color }}
      data-status={status.key}
    >
      <StatusIcon icon={status.icon} className={size === "sm" ? "h-3.5 w-3.5" : "h-4 w-4"} />
      <span>{status.labelEn}</span>
      <span lang="zh-Hans">
        {status.labelZh}
      </span>
    </span>
  );
}

/** Builds a key → status lookup that falls back to a neutral "unknown" badge, so a missing row never crashes a page. */
export function statusLookup(statuses: StatusDto[]): (key: string) => StatusDto {
  const byKey = new Map(statuses.map((s) => [s.key, s]));
  return (key) =>
    byKey.get(key) ?? { key, labelEn: key, labelZh: key, color: "#4b5563", icon: "question", resolved: false, ratingValue: null, retired: true };
}
