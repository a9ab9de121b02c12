/**
 * Charts lay out their shapes in a fixed coordinate width but draw their words at real CSS
 * sizes: an SVG scaled by its viewBox scales its text with it, and a 1000-unit-wide chart on a
 * 358 px phone screen drew 13-unit labels 4.7 px tall. So text (and anything placed by it) is
 * positioned in percentages of the chart's width, in an SVG without a viewBox, and keeps its
 * font size at every width.
 */

/** An x position in `width` units as a percentage of the chart's width. */
export function percent(x: number, width: number): string {
  return `${Math.round((x / width) * 10_000) / 100}%`;
}

/**
 * Text near either edge is anchored on the side that keeps it inside the chart: a centred
 * label at 2% would stick out left, and the SVG would clip it.
 */
export function edgeAnchor(x: number, width: number): "start" | "middle" | "end" {
  const at = x / width;
  return at < 0.08 ? "start" : at > 0.92 ? "end" : "middle";
}

/**
 * Which of `count` labels a phone shows: every n-th, at most `max` of them, so that 12 px
 * labels do not run into each other on a 358 px wide chart. The others are hidden below the
 * `sm` breakpoint (Tailwind's `max-sm:hidden`).
 */
export function shownOnPhone(index: number, count: number, max: number): boolean {
  return index % Math.ceil(count / max) === 0;
}

/** Tailwind class for a label a phone does not show. */
export const PHONE_HIDDEN = "max-sm:hidden";
