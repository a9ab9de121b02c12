import { describe, expect, it } from "vitest";
import { type ClaimInArticle, claimInArticle, groupUnderClaims } from "./suggestion-groups";

const suggestion = (text: string, start: number, quantities: { value: number; unit: string }[] = []) => ({ text, start, end: start + Array.from(text).length, quantities });
const claim = (overrides: Partial<ClaimInArticle>): ClaimInArticle => ({ claimId: 1, statement: "", exact: "", start: null, end: null, quantity: null, ...overrides });

describe("groupUnderClaims", () => {
  const valuation = claim({ claimId: 7, statement: "OpenAI is valued at about $27 billion", exact: "OpenAI is valued at about $27 billion, Reuters reported.", start: 0, end: 56, quantity: { value: 27e9, unit: "USD" } });

  it("leaves out what a mention holds whole, folds overlaps and paraphrases, keeps the rest open, in order", () => {
    const grouped = groupUnderClaims(
      [
        suggestion("OpenAI is valued at about $27 billion, Reuters reported.", 0),
        suggestion("Microsoft has invested $10 billion in OpenAI.", 100, [{ value: 10e9, unit: "USD" }]),
        suggestion("OpenAI's valuation is about $27 billion.", 200, [{ value: 27e9, unit: "USD" }]),
        suggestion("The valuation, $27 billion, doubled in a year.", 300, [{ value: 27e9, unit: "USD" }]),
      ],
      [valuation],
    );
    expect(grouped.map((s) => [s.start, s.collapsedUnder?.claimId ?? null])).toEqual([
      [100, null],
      [200, 7],
      [300, 7],
    ]);
    expect(grouped[1]!.collapsedUnder).toEqual({ claimId: 7, statement: "OpenAI is valued at about $27 billion" });
  });

  it("folds a sentence that only partly overlaps a mention (a selection of a few words)", () => {
    const grouped = groupUnderClaims([suggestion("GPT-3 拥有1750亿个参数。", 10)], [claim({ claimId: 3, statement: "GPT-3 has 175 billion parameters", exact: "1750亿个参数", start: 18, end: 26 })]);
    expect(grouped[0]!.collapsedUnder?.claimId).toBe(3);
  });

  it("compares with an orphaned mention's words but not its stale offsets", () => {
    const orphan = claimInArticle({ claimId: 4, statement: "小米计划明年发布芯片", exact: "小米正计划明年发布其第一款自研手机芯片", start: 0, end: 50, anchorState: "orphaned", quantityValue: null, quantityUnit: null });
    expect(orphan).toMatchObject({ start: null, end: null, quantity: null });
    const grouped = groupUnderClaims([suggestion("苹果今年的手机销量下降了10%。", 0), suggestion("小米计划明年发布第一款自研手机芯片。", 20)], [orphan]);
    expect(grouped.map((s) => s.collapsedUnder?.claimId ?? null)).toEqual([null, 4]);
  });

  it("with no claims, folds nothing", () => {
    expect(groupUnderClaims([suggestion("据悉，OpenAI 估值达到270亿美元。", 0)], [])).toEqual([{ ...suggestion("据悉，OpenAI 估值达到270亿美元。", 0), collapsedUnder: null }]);
  });
});
