import { describe, expect, it } from "vitest";
import { NotFoundError } from "./errors";
import { decodePathSegment, idFromPath } from "./path-segment";

describe("decodePathSegment", () => {
  it("decodes well-formed segments, Chinese slugs included", () => {
    expect(decodePathSegment("openai-open-source-model-2023")).toBe("openai-open-source-model-2023");
    expect(decodePathSegment(encodeURIComponent("标题-2024"))).toBe("标题-2024");
    expect(decodePathSegment("a%20b")).toBe("a b");
  });

  it("answers null, never throws, for malformed percent-encodings", () => {
    for (const bad of ["%ff", "%FF", "%", "%e6%a0", "abc%zz", "%c0%af", "%ed%a0%80"]) expect(decodePathSegment(bad), bad).toBeNull();
  });
});

describe("idFromPath", () => {
  it("reads a canonical id and answers not found for any other spelling", () => {
    expect(idFromPath("12", "The article")).toBe(12);
    for (const other of ["0x1", "1.0", "01", "%31", "-1", "0"]) expect(() => idFromPath(other, "The article"), other).toThrow(NotFoundError);
  });
});
