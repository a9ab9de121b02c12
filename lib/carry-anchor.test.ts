import { describe, expect, it } from "vitest";
import { anchorAt, findQuoteOffsets } from "./anchor";
import { anchorCarrier, type StoredSpan } from "./carry-anchor";

const OLD = "据报道，OpenAI 目前估值约为270 亿美元。训练用了 2 亿小时。";
const NEW = "据报道，OpenAI 目前估值约为270亿美元。训练用了2亿小时。";

function spanOf(text: string, words: string): StoredSpan {
  const start = findQuoteOffsets(text, words)[0]!;
  const { exact, prefix, suffix } = anchorAt(text, start, start + Array.from(words).length);
  return { anchorState: "anchored", startOffset: start, endOffset: start + Array.from(words).length, exact, prefix, suffix };
}

describe("anchorCarrier", () => {
  it("keeps a mention on exactly its words when the new text only lost whitespace, its quote following", () => {
    const carry = anchorCarrier(OLD, NEW);
    expect(carry(spanOf(OLD, "270 亿美元"))).toMatchObject({ exact: "270亿美元" });
    // A short quote that lost a space stays, where a fuzzy match could orphan it.
    expect(carry(spanOf(OLD, "2 亿"))).toMatchObject({ exact: "2亿" });
  });

  it("falls back to reanchoring for any other change, and answers null where the words are gone", () => {
    const edited = "据报道，OpenAI 目前估值大幅上升。训练用了两亿小时。";
    const carry = anchorCarrier(OLD, edited);
    expect(carry(spanOf(OLD, "OpenAI 目前估值"))).toMatchObject({ exact: "OpenAI 目前估值" });
    expect(carry(spanOf(OLD, "270 亿美元"))).toBeNull();
  });
});
