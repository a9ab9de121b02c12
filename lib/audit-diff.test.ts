import { describe, expect, it } from "vitest";
import { diffAuditSnapshots, FULL_LENGTH, SHORT_LENGTH, toAuditValue } from "./audit-diff";

describe("audit diffs", () => {
  it("lists only the fields that changed, nested ones by dotted path", () => {
    const before = { id: 3, statement: "OpenAI is valued at $27B", version: 1, target: { kind: "fact", claimant: null } };
    const after = { id: 3, statement: "OpenAI is valued at $29B", version: 2, target: { kind: "quantity", claimant: null } };
    expect(diffAuditSnapshots(before, after)).toEqual([
      { field: "statement", kind: "changed", before: { short: "OpenAI is valued at $27B", full: null, omitted: 0 }, after: { short: "OpenAI is valued at $29B", full: null, omitted: 0 } },
      { field: "version", kind: "changed", before: { short: "1", full: null, omitted: 0 }, after: { short: "2", full: null, omitted: 0 } },
      { field: "target.kind", kind: "changed", before: expect.objectContaining({ short: "fact" }), after: expect.objectContaining({ short: "quantity" }) },
    ]);
  });

  it("shows a creation as added fields and a deletion as removed ones", () => {
    expect(diffAuditSnapshots(null, { role: "editor", deactivatedAt: null })).toEqual([
      { field: "role", kind: "added", before: null, after: expect.objectContaining({ short: "editor" }) },
      { field: "deactivatedAt", kind: "added", before: null, after: expect.objectContaining({ short: "(none)" }) },
    ]);
    expect(diffAuditSnapshots({ key: "draft" }, null)).toEqual([{ field: "key", kind: "removed", before: expect.objectContaining({ short: "draft" }), after: null }]);
  });

  it("compares arrays and top-level values whole", () => {
    expect(diffAuditSnapshots([1, 2, 3], [3, 2, 1])).toEqual([{ field: "value", kind: "changed", before: expect.objectContaining({ short: "[1,2,3]" }), after: expect.objectContaining({ short: "[3,2,1]" }) }]);
    expect(diffAuditSnapshots({ ids: [1, 2] }, { ids: [1, 2] })).toEqual([]);
  });

  it("cuts long values at code points, keeping a bounded full form", () => {
    const short = toAuditValue("估".repeat(SHORT_LENGTH));
    expect(short).toEqual({ short: "估".repeat(SHORT_LENGTH), full: null, omitted: 0 });
    const long = toAuditValue("😀".repeat(FULL_LENGTH + 10));
    expect(Array.from(long.short)).toHaveLength(SHORT_LENGTH);
    expect(long.short.endsWith("…")).toBe(true);
    expect(Array.from(long.full!)).toHaveLength(FULL_LENGTH);
    expect(long.omitted).toBe(10);
  });
});
