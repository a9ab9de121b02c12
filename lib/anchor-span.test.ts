import { describe, expect, it } from "vitest";
import { anchorSpan } from "./anchor-span";
import { ValidationError } from "./errors";

describe("anchorSpan", () => {
  const text = "据报道，𠀀 OpenAI 估值约为270亿美元。";

  it("anchors a selection trimmed of the white space around it, in code points", () => {
    const start = Array.from(text).indexOf("𠀀") + 1; // the space after 𠀀
    const anchor = anchorSpan(text, start, start + 8);
    expect(anchor).toMatchObject({ start: start + 1, end: start + 7, exact: "OpenAI", prefix: "据报道，𠀀 ", suffix: " 估值约为270亿美元。" });
  });

  it("refuses a span outside the text, or only white space, as a form error", () => {
    const outside = (() => anchorSpan(text, 3, 999)) as () => never;
    expect(outside).toThrow(ValidationError);
    expect(outside).toThrow("The selection is outside the article text. Reload the article and select again.");
    expect(() => anchorSpan(text, 5, 5)).toThrow(ValidationError);
    const space = Array.from(text).indexOf(" ");
    expect(() => anchorSpan(text, space, space + 1)).toThrow("Select some words, not only white space.");
  });
});
