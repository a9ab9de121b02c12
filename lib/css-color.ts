/**
 * Just enough of CSS colour to measure what the stylesheet draws: #rrggbb, white, black,
 * transparent, var(--name) and color-mix(in srgb, A p%, B), as CSS Color 5 defines the mix
 * (premultiplied alpha, sRGB channels), and a colour with alpha laid over an opaque one.
 */

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0 (transparent) to 1 (opaque). */
  a: number;
}

const NAMED: Record<string, Rgba> = {
  white: { r: 255, g: 255, b: 255, a: 1 },
  black: { r: 0, g: 0, b: 0, a: 1 },
  transparent: { r: 0, g: 0, b: 0, a: 0 },
};

export function parseHex(hex: string): Rgba {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return { r: parseInt(match[1]!, 16), g: parseInt(match[2]!, 16), b: parseInt(match[3]!, 16), a: 1 };
}

export function toHex({ r, g, b }: Rgba): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;
}

/** color-mix(in srgb, a share, b): channels mixed premultiplied by alpha, as CSS does. */
export function mixSrgb(a: Rgba, b: Rgba, share: number): Rgba {
  const alpha = a.a * share + b.a * (1 - share);
  if (alpha === 0) return { ...NAMED.transparent! };
  const channel = (key: "r" | "g" | "b") => (a[key] * a.a * share + b[key] * b.a * (1 - share)) / alpha;
  return { r: channel("r"), g: channel("g"), b: channel("b"), a: alpha };
}

/** What the eye sees: `top` (perhaps translucent) drawn over an opaque `under`. */
export function over(top: Rgba, under: Rgba): Rgba {
  const mix = (key: "r" | "g" | "b") => top[key] * top.a + under[key] * (1 - top.a);
  return { r: mix("r"), g: mix("g"), b: mix("b"), a: 1 };
}

/** Splits "A 30%, B" at its top-level comma (A or B may hold commas of their own). */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")") depth--;
    else if (text[i] === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/** Evaluates a CSS colour expression; `lookup` gives each custom property's own expression. */
export function evaluateColor(expression: string, lookup: (name: string) => string | undefined): Rgba {
  const text = expression.trim();
  const named = NAMED[text.toLowerCase()];
  if (named) return { ...named };
  if (text.startsWith("#")) return parseHex(text);
  const variable = /^var\((--[\w-]+)\)$/.exec(text);
  if (variable) {
    const value = lookup(variable[1]!);
    if (value === undefined) throw new Error(`${variable[1]} is not defined`);
    return evaluateColor(value, lookup);
  }
  const mix = /^color-mix\(\s*in srgb\s*,([\s\S]*)\)$/.exec(text);
  if (mix) {
    const [first, second] = splitTopLevel(mix[1]!);
    const share = /^([\s\S]*?)\s+(\d+(?:\.\d+)?)%$/.exec(first!);
    if (!share || !second) throw new Error(`Unsupported color-mix: ${text}`);
    return mixSrgb(evaluateColor(share[1]!, lookup), evaluateColor(second, lookup), Number(share[2]) / 100);
  }
  throw new Error(`Unsupported colour: ${text}`);
}
