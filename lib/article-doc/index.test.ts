import { describe, expect, it } from "vitest";
import { BODY_FORMATS, docText, parseBody } from "./index";

describe("parseBody", () => {
  const body = "# Title\n\nSome *text* <b>here</b>";

  it("dispatches on the body format", () => {
    expect(docText(parseBody(body, "plain"))).toBe("# Title\n\nSome *text* <b>here</b>");
    expect(docText(parseBody(body, "markdown"))).toBe("Title\n\nSome text here");
    expect(docText(parseBody(body, "html"))).toBe("# Title Some *text* here");
  });

  it("handles every declared format", () => {
    for (const format of BODY_FORMATS) expect(parseBody("x", format).blocks).toHaveLength(1);
  });

  it("refuses a format it does not know", () => {
    expect(() => parseBody("x", "rtf" as never)).toThrow(/Unknown body format/);
  });
});
