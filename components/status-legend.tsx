import { useTranslations } from "next-intl";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { StatusIcon } from "./status-icon";

/** What the highlight colours and marker icons in the article mean. */
export function StatusLegend({ statuses }: { statuses: StatusDto[] }) {
  const t = useTranslations("reader.legend");
  if (statuses.length === 0) return null;
  return (
    <details className="text-sm" data-testid="status-legend">
      <summary className="cursor-pointer text-[var(--color-muted)]">{t("summary")}</summary>
      <ul className="mt-2 flex flex-col gap-1.5">
        {statuses.map((s) => (
          <li key={s.key} className="flex items-center gap-2">
            <mark className="mention" style={{ ["--status-color" as string]: s.color }}>
              {/* The sample is half Chinese in English: that half is marked, so it is read and set as Chinese. */}
              {t.rich("sample", { zh: (chunks) => <span lang="zh-Hans">{chunks}</span> })}
            </mark>
            <span style={{ color: s.color }}>
              <StatusIcon icon={s.icon} />
            </span>
            <span>
              {s.labelEn} · <span lang="zh-Hans">{s.labelZh}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className="mt-2 text-[var(--color-muted)]">{t("hint")}</p>
    </details>
  );
}
