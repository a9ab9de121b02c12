import { describe, expect, it } from "vitest";
import { sliceCodePoints } from "./anchor";
import { offsetMapForRemovedWhitespace } from "./whitespace-removal";

describe("offsetMapForRemovedWhitespace", () => {
  it("moves offsets past the whitespace taken out before them", () => {
    const before = "估值约为270 亿美元，大约20，000 小时";
    const after = "估值约为270亿美元，大约20，000小时";
    const map = offsetMapForRemovedWhitespace(before, after)!;
    // "270 亿美元" spans 4–11 before; the same words span 4–10 after.
    expect(sliceCodePoints(before, 4, 11)).toBe("270 亿美元");
    expect(sliceCodePoints(after, map(4), map(11))).toBe("270亿美元");
    expect(sliceCodePoints(after, map(14), map(23))).toBe("20，000小时");
    expect(map(0)).toBe(0);
    expect(map(23)).toBe(21);
  });

  it("counts astral characters as one, as anchors do", () => {
    const map = offsetMapForRemovedWhitespace("𠀀\n字 a", "𠀀字 a")!;
    expect([map(0), map(1), map(2), map(3), map(5)]).toEqual([0, 1, 1, 2, 4]);
  });

  it("refuses texts that differ in anything but removed whitespace", () => {
    expect(offsetMapForRemovedWhitespace("270 亿美元", "270亿美金")).toBeNull();
    expect(offsetMapForRemovedWhitespace("270亿美元", "270 亿美元")).toBeNull();
    expect(offsetMapForRemovedWhitespace("270亿美元", "270亿")).toBeNull();
  });

  it("maps identical texts onto themselves", () => {
    const map = offsetMapForRemovedWhitespace("same text", "same text")!;
    expect(map(5)).toBe(5);
  });
});
