import { describe, expect, it } from "vitest";
import { publishReadiness } from "./publish-readiness";

const claim = (over: Partial<Parameters<typeof publishReadiness>[0][number]>) => ({
  claimId: 1,
  statement: "OpenAI is valued at $27 billion",
  exact: "估值约为270亿美元",
  anchorState: "anchored" as const,
  currentStatusEventId: 7,
  ...over,
});

describe("publish readiness", () => {
  it("finds claims without a status, orphaned mentions and statements still equal to the quote", () => {
    const result = publishReadiness([
      claim({ claimId: 1 }),
      claim({ claimId: 2, currentStatusEventId: null }),
      claim({ claimId: 3, anchorState: "orphaned" }),
      claim({ claimId: 4, statement: "“估值约为270亿美元。”" }),
    ]);
    expect(result.noStatus.map((c) => c.claimId)).toEqual([2]);
    expect(result.orphaned.map((c) => c.claimId)).toEqual([3]);
    expect(result.unedited.map((c) => c.claimId)).toEqual([4]);
  });

  it("counts a claim quoted twice once", () => {
    const twice = [claim({ claimId: 5, currentStatusEventId: null }), claim({ claimId: 5, currentStatusEventId: null })];
    expect(publishReadiness(twice).noStatus).toHaveLength(1);
  });
});
