import { describe, expect, it } from "vitest";
import { evaluateColor, mixSrgb, over, parseHex, toHex } from "./css-color";

describe("CSS colour evaluation", () => {
  it("mixes in sRGB as color-mix does, including with transparent", () => {
    expect(toHex(mixSrgb(parseHex("#000000"), parseHex("#ffffff"), 0.5))).toBe("#808080");
    const tint = evaluateColor("color-mix(in srgb, #4b5563 30%, transparent)", () => undefined);
    expect(tint.a).toBeCloseTo(0.3);
    expect(toHex(tint)).toBe("#4b5563");
    expect(toHex(over(tint, parseHex("#ffffff")))).toBe(toHex(mixSrgb(parseHex("#4b5563"), parseHex("#ffffff"), 0.3)));
  });

  it("follows custom properties through nested mixes", () => {
    const vars: Record<string, string> = { "--status-color": "#15803d", "--line": "color-mix(in srgb, var(--status-color) 45%, white)" };
    const line = evaluateColor("var(--line)", (name) => vars[name]);
    expect(toHex(line)).toBe(toHex(mixSrgb(parseHex("#15803d"), parseHex("#ffffff"), 0.45)));
    expect(() => evaluateColor("var(--missing)", () => undefined)).toThrow(/--missing/);
  });
});
