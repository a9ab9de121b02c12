import type { StatusIcon as IconName } from "@/lib/status-scale";

// 16×16 strokes: each status has its own shape, so it reads in greyscale and for colour-blind readers.
const PATHS: Record<IconName, string> = {
  question: "M6 6a2 2 0 1 1 3 1.7c-.6.4-1 .8-1 1.5V10 M8 12.5v.01",
  progress: "M3 8h.01 M8 8h.01 M13 8h.01",
  clock: "M8 4v4l2.5 1.5 M8 14A6 6 0 1 0 8 2a6 6 0 0 0 0 12",
  check: "M3.5 8.5l3 3 6-7",
  "check-half": "M3.5 8.5l3 3 6-7 M3 14h10",
  half: "M8 2a6 6 0 1 0 0 12z M8 2a6 6 0 0 1 0 12",
  warning: "M8 2.5l6 11H2z M8 6.5v3 M8 11.5v.01",
  cross: "M4 4l8 8 M12 4l-8 8",
  dash: "M3.5 8h9",
  history: "M2.5 8a5.5 5.5 0 1 0 1.6-3.9 M2.5 2.5v2.5H5 M8 5v3l2 1.5",
};

export function StatusIcon({ icon, className = "h-4 w-4" }: { icon: IconName; className?: string }) {
  return (
    <svg viewBox="0 0 16 16" className={`status-icon ${className}`} aria-hidden="true">
      <path d={PATHS[icon] ?? PATHS.question} />
    </svg>
  );
}
