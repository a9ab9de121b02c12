import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateColor, over, type Rgba, toHex } from "../lib/css-color";
import { contrastRatio } from "../lib/status-input";
import { DEFAULT_STATUSES } from "../lib/status-scale";

/**
 * Every status's highlight, measured from the stylesheet itself: the page colours of each mode
 * (:root and its dark-mode override) and the .mention rule's line and tint, evaluated as the
 * browser does for each status colour. Besides the default scale, the darkest and the lightest
 * colour an admin may give a status (badges need white text at 4.5:1) are measured too.
 */
const css = readFileSync(new URL("./globals.css", import.meta.url), "utf8");

/** The custom properties declared in the first `selector { … }` block of `source`. */
function declarations(source: string, selector: string): Record<string, string> {
  const start = source.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`No ${selector} rule`);
  const body = source.slice(source.indexOf("{", start) + 1, source.indexOf("}", start));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

const darkStart = css.indexOf("@media (prefers-color-scheme: dark)");
const darkMention = css.indexOf("@media (prefers-color-scheme: dark)", darkStart + 1);
const MODES = {
  light: { page: declarations(css, ":root"), mention: declarations(css, ".mention") },
  dark: {
    page: { ...declarations(css, ":root"), ...declarations(css.slice(darkStart), ":root") },
    mention: { ...declarations(css, ".mention"), ...declarations(css.slice(darkMention), ".mention") },
  },
};

const LIMITS = { line: 3, tint: 1.4, text: 7 };
const ADMIN_EXTREMES = [
  { key: "admin-darkest", color: "#000000" },
  { key: "admin-lightest", color: "#767676" },
];

function measure(mode: keyof typeof MODES, statusColor: string) {
  const { page, mention } = MODES[mode];
  const lookup = (name: string) => (name === "--status-color" ? statusColor : (mention[name] ?? page[name]));
  const color = (expression: string): Rgba => evaluateColor(expression, lookup);
  const ink = toHex(color("var(--color-ink)"));
  return (["--color-paper", "--color-surface"] as const).map((background) => {
    const ground = color(`var(${background})`);
    const tint = toHex(over(color("var(--mention-fill)"), ground));
    const line = toHex(over(color("var(--mention-line)"), ground));
    return {
      background,
      line: contrastRatio(line, toHex(ground)),
      tint: contrastRatio(tint, toHex(ground)),
      text: contrastRatio(ink, tint),
    };
  });
}

describe("status highlights", () => {
  for (const mode of ["light", "dark"] as const) {
    it(`are clearly visible in ${mode} mode, for every status, on the page and in the workbench`, () => {
      for (const status of [...DEFAULT_STATUSES, ...ADMIN_EXTREMES]) {
        for (const m of measure(mode, status.color)) {
          const where = `${status.key} on ${m.background} (${mode})`;
          expect(m.line, `underline vs background, ${where}`).toBeGreaterThanOrEqual(LIMITS.line);
          expect(m.tint, `tint vs background, ${where}`).toBeGreaterThanOrEqual(LIMITS.tint);
          expect(m.text, `text vs tint, ${where}`).toBeGreaterThanOrEqual(LIMITS.text);
        }
      }
    });
  }

  it("make 'unverified' no fainter than before in light mode and visible at all in dark mode", () => {
    const unverified = DEFAULT_STATUSES.find((s) => s.key === "unverified")!.color;
    // Before: a 14% tint (1.24:1 on white) and, on a dark page, the raw grey line at 2.6:1 and a 1.09:1 tint.
    expect(measure("light", unverified)[1]!.tint).toBeGreaterThan(1.5);
    expect(measure("dark", unverified)[0]!.line).toBeGreaterThan(7);
  });
});
