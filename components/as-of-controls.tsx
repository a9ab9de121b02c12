import { formatDate } from "@/lib/format";

interface AsOfControlsProps {
  /** The page without ?asof. */
  path: string;
  asOf: string | null;
  /** What the visitor typed, when it was not a date. */
  invalid?: string | null;
  what: "claim" | "article";
}

/**
 * Says plainly which date a page shows, and lets readers pick another: a plain GET form,
 * so it works without JavaScript and every as-of view has its own shareable URL.
 */
export function AsOfControls({ path, asOf, invalid, what }: AsOfControlsProps) {
  return (
    <div className="flex flex-col gap-2">
      {asOf ? (
        <p role="status" className="rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-950" data-testid="as-of-notice">
          Showing this {what} as it stood on <strong>{formatDate(asOf)}</strong>: only what had been recorded by the end of that day (UTC) counts.{" "}
          <a href={path} className="underline">
            See it today
          </a>
        </p>
      ) : null}
      {invalid ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
          “{invalid}” is not a date (use YYYY-MM-DD), so this page shows today.
        </p>
      ) : null}
      <form method="get" action={path} className="flex flex-wrap items-end gap-2 text-sm">
        <label className="flex flex-col gap-1">
          <span className="text-[var(--color-muted)]">See this {what} as of</span>
          <input type="date" name="asof" defaultValue={asOf ?? ""} required className="rounded-md border border-stone-300 bg-[var(--color-surface)] px-2 py-1" />
        </label>
        <button type="submit" className="rounded-md border border-stone-300 bg-[var(--color-surface)] px-3 py-1 hover:bg-[var(--color-paper)]">
          Show
        </button>
      </form>
    </div>
  );
}
