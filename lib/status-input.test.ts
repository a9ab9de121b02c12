import { describe, expect, it } from "vitest";
import { DEFAULT_STATUSES } from "./status-scale";
import { badgeColorProblem, contrastRatio, newStatusInput, STATUS_ICONS, statusFields, statusOrderInput } from "./status-input";

const valid = { labelEn: "Partly false", labelZh: "部分不实", color: "#9a3412", icon: "warning", resolved: "on", ratingValue: "2" };

function messageFor(input: Record<string, unknown>, field: string): string | undefined {
  const result = newStatusInput.safeParse({ key: "partly_false", ...valid, ...input });
  return result.success ? undefined : result.error.issues.find((i) => i.path[0] === field)?.message;
}

describe("contrastRatio", () => {
  it("follows WCAG: black on white is 21:1, a colour on itself 1:1, either order", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#15803d", "#15803d")).toBe(1);
    // Tailwind's blue-700 on white is a known 6.70:1.
    expect(contrastRatio("#ffffff", "#1d4ed8")).toBeCloseTo(6.7, 1);
  });

  it("passes every colour of the default scale for white badge text", () => {
    for (const status of DEFAULT_STATUSES) {
      expect(contrastRatio("#ffffff", status.color), status.key).toBeGreaterThanOrEqual(4.5);
      expect(badgeColorProblem(status.color), status.key).toBeNull();
    }
  });
});

describe("statusFields", () => {
  it("accepts every default status as it stands", () => {
    for (const { key: _key, sortOrder: _order, ...status } of DEFAULT_STATUSES) {
      expect(statusFields.parse(status)).toEqual(status);
    }
  });

  it("reads a form: checkbox on/absent, blank rating as not rated, colour in lower case", () => {
    expect(newStatusInput.parse({ key: "partly_false", ...valid, color: " #9A3412 " })).toEqual({
      key: "partly_false",
      labelEn: "Partly false",
      labelZh: "部分不实",
      color: "#9a3412",
      icon: "warning",
      resolved: true,
      ratingValue: 2,
    });
    const { resolved: _resolved, ...unticked } = valid;
    expect(statusFields.parse({ ...unticked, ratingValue: "" })).toMatchObject({ resolved: false, ratingValue: null });
    expect(statusFields.parse({ ...unticked })).toMatchObject({ resolved: false });
  });

  it("refuses a colour white text cannot be read on, saying the ratio", () => {
    expect(messageFor({ color: "#ffcc00" }, "color")).toBe("White text on #ffcc00 has contrast 1.5:1; choose a darker colour (at least 4.5:1).");
    // #777777 is 4.48:1: just short, and must not be reported as 4.5.
    expect(messageFor({ color: "#777777" }, "color")).toMatch(/contrast 4\.4:1/);
    expect(messageFor({ color: "#767676" }, "color")).toBeUndefined();
    expect(messageFor({ color: "red" }, "color")).toMatch(/#rrggbb/);
  });

  it("bounds labels, icons and ratings", () => {
    expect(messageFor({ labelEn: "  " }, "labelEn")).toBe("The English label is required.");
    expect(messageFor({ labelZh: "长".repeat(41) }, "labelZh")).toMatch(/40 characters/);
    expect(messageFor({ icon: "skull" }, "icon")).toBeDefined();
    expect(messageFor({ ratingValue: "6" }, "ratingValue")).toBeDefined();
    expect(messageFor({ ratingValue: "2.5" }, "ratingValue")).toBeDefined();
    expect(messageFor({ ratingValue: "abc" }, "ratingValue")).toBeDefined();
  });
});

describe("keys and order", () => {
  it("allows plain lowercase keys only", () => {
    expect(messageFor({ key: "partly_false_2" }, "key")).toBeUndefined();
    for (const key of ["x", "Partly", "partly-false", "部分", "a".repeat(41)]) expect(messageFor({ key }, "key"), key).toBeDefined();
  });

  it("reads the order from dotted form names as a list", () => {
    expect(statusOrderInput.parse({ keys: ["true", "false"] })).toEqual({ keys: ["true", "false"] });
    expect(statusOrderInput.safeParse({ keys: [] }).success).toBe(false);
  });
});

describe("STATUS_ICONS", () => {
  it("lists ten distinct icons, including every one the default scale uses", () => {
    expect(new Set(STATUS_ICONS).size).toBe(10);
    for (const status of DEFAULT_STATUSES) expect(STATUS_ICONS).toContain(status.icon);
  });
});
