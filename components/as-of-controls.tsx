import { type TimeView, withTimeView } from "@/lib/as-of";
import { formatDate } from "@/lib/format";

interface AsOfControlsProps {
  /** The page without ?asof or ?published. */
  path: string;
  view: TimeView | null;
  /** Why the page shows today instead of what was asked (a day that is not real, both parameters). */
  problem?: string | null;
  what: "claim" | "article";
}

/**
 * Says plainly which day, and which meaning of "as of", a page shows, and lets readers pick
 * another: a plain GET form (the page redirects it to `?asof=` or `?published=`), so it works
 * without JavaScript and every view has its own shareable URL.
 */
export function AsOfControls({ path, view, problem, what }: AsOfControlsProps) {
  const other: TimeView | null = view ? { axis: view.axis === "effective" ? "published" : "effective", day: view.day } : null;
  return (
    <div className="flex flex-col gap-2">
      {view ? (
        <p role="status" className="rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-blue-950" data-testid="as-of-notice">
          {view.axis === "effective" ? (
            <>
              Showing this {what} as of <strong>{formatDate(view.day)}</strong>: what was true on that day, by the dates things happened, as Claimline knows
              it now (history entered later included).{" "}
            </>
          ) : (
            <>
              Showing this {what} as Claimline published it on <strong>{formatDate(view.day)}</strong>: only what had been recorded by the end of that day
              (UTC) counts.{" "}
            </>
          )}
          <a href={withTimeView(path, other)} className="underline">
            {other?.axis === "published" ? "See it as published then" : "See what was true then"}
          </a>
          {" · "}
          <a href={path} className="underline">
            See it today
          </a>
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="as-of-problem">
          {problem}
        </p>
      ) : null}
      <form method="get" action={path} className="flex flex-wrap items-end gap-x-4 gap-y-2 text-sm" aria-label={`See this ${what} on another day`}>
        <label className="flex flex-col gap-1">
          <span className="text-[var(--color-muted)]">See this {what} on</span>
          <input type="date" name="on" defaultValue={view?.day ?? ""} required className="min-h-8 rounded-md border border-stone-300 bg-[var(--color-surface)] px-2 py-1" />
        </label>
        <fieldset className="flex flex-col gap-1">
          <legend className="mb-1 text-[var(--color-muted)]">Meaning</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            <label className="flex min-h-6 cursor-pointer items-center gap-2">
              <input type="radio" name="axis" value="asof" defaultChecked={view?.axis !== "published"} className="h-4 w-4" />
              As of (what was true then)
            </label>
            <label className="flex min-h-6 cursor-pointer items-center gap-2">
              <input type="radio" name="axis" value="published" defaultChecked={view?.axis === "published"} className="h-4 w-4" />
              As published by Claimline then
            </label>
          </div>
        </fieldset>
        <button type="submit" className="min-h-8 rounded-md border border-stone-300 bg-[var(--color-surface)] px-3 py-1 hover:bg-[var(--color-paper)]">
          Show
        </button>
      </form>
    </div>
  );
}
