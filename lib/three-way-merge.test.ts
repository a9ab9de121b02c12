import { describe, expect, it } from "vitest";
import { threeWayMerge } from "./three-way-merge";

describe("threeWayMerge", () => {
  const base = { title: "OpenAI 估值", summary: "", body: "第一段。" };

  it("takes their change where I left a field alone and keeps mine where I changed it", () => {
    const result = threeWayMerge(base, { ...base, title: "OpenAI 估值 270 亿美元" }, { ...base, body: "第一段。第二段。" });
    expect(result.merged).toEqual({ title: "OpenAI 估值 270 亿美元", summary: "", body: "第一段。第二段。" });
    expect(result.theirChanges).toEqual([{ field: "title", from: "OpenAI 估值", to: "OpenAI 估值 270 亿美元" }]);
    expect(result.bothChanged).toEqual([]);
  });

  it("keeps mine and reports the field when we both changed it differently", () => {
    const result = threeWayMerge(base, { ...base, title: "Theirs" }, { ...base, title: "Mine" });
    expect(result.merged.title).toBe("Mine");
    expect(result.bothChanged).toEqual([{ field: "title", theirs: "Theirs", mine: "Mine" }]);
  });

  it("sees no conflict when we made the same change", () => {
    const result = threeWayMerge(base, { ...base, summary: "Same" }, { ...base, summary: "Same" });
    expect(result.merged.summary).toBe("Same");
    expect(result.bothChanged).toEqual([]);
    expect(result.theirChanges).toHaveLength(1);
  });
});
