import { describe, expect, it } from "vitest";
import { splitIntoRuns } from "./highlight";

describe("splitIntoRuns", () => {
  it("returns the whole text as one run without mentions", () => {
    expect(splitIntoRuns("开源模型", [])).toEqual([{ text: "开源模型", start: 0, end: 4, ids: [] }]);
  });

  it("marks nested and overlapping mentions on the runs they cover", () => {
    const text = "OpenAI 估值约为270亿美元。";
    const runs = splitIntoRuns(text, [
      { id: 1, start: 0, end: 17 },
      { id: 2, start: 7, end: 17 },
      { id: 3, start: 10, end: 18 },
    ]);
    expect(runs.map((r) => [r.text, r.ids])).toEqual([
      ["OpenAI ", [1]],
      ["估值约", [1, 2]],
      ["为270亿美元", [1, 2, 3]],
      ["。", [3]],
    ]);
    expect(runs.map((r) => r.text).join("")).toBe(text);
  });

  it("counts astral characters as one position and ignores ranges outside the text", () => {
    const runs = splitIntoRuns("😀开源😀", [
      { id: 1, start: 1, end: 3 },
      { id: 2, start: 3, end: 9 },
    ]);
    expect(runs.map((r) => [r.text, r.ids])).toEqual([
      ["😀", []],
      ["开源", [1]],
      ["😀", []],
    ]);
  });
});
