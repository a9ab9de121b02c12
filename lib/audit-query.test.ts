import { describe, expect, it } from "vitest";
import { auditQueryString, parseAuditQuery } from "./audit-query";

describe("audit log filters from the URL", () => {
  it("keeps the valid filters and names the ones it dropped", () => {
    const { query, invalid } = parseAuditQuery({ userId: "u-1", entityType: "claim", entityId: " 12 ", from: "2025-02-30", to: "2025-03-01", before: "abc" });
    expect(query).toEqual({ userId: "u-1", entityType: "claim", entityId: "12", to: "2025-03-01" });
    expect(invalid).toEqual(["from", "before"]);
  });

  it("ignores blanks and unknown entity types, and writes back only what is set", () => {
    const { query, invalid } = parseAuditQuery({ userId: "", entityType: "password", before: ["40", "10"] });
    expect(query).toEqual({ before: 40 });
    expect(invalid).toEqual(["entityType"]);
    expect(auditQueryString({ userId: "a b", before: 40 })).toBe("?userId=a+b&before=40");
    expect(auditQueryString({})).toBe("");
  });
});
