import { describe, expect, it } from "vitest";
import { entryTagId, feedTagId, isTagAuthority, tagAuthorityOfUrl } from "./tag-uri";

describe("tag: URI authorities (RFC 4151)", () => {
  it("accepts DNS names and email addresses, and refuses what a tag: URI cannot carry", () => {
    for (const ok of ["claimline.example", "factcheck.example.org", "127.0.0.1", "localhost", "xn--fiqs8s.example", "desk-1.example", "news.desk@example.org"]) {
      expect(isTagAuthority(ok), ok).toBe(true);
    }
    for (const bad of ["", "Claimline.Example", "-desk.example", "desk-.example", "desk..example", "desk.example.", "[::1]", "desk.example:3000", "desk example", "a@b@example.org", "https://desk.example", "中文.example"]) {
      expect(isTagAuthority(bad), bad).toBe(false);
    }
  });

  it("takes a public URL's host name, in lower case and punycode, and none from an IPv6 literal", () => {
    expect(tagAuthorityOfUrl("https://FactCheck.Example.org:8443/desk/")).toBe("factcheck.example.org");
    expect(tagAuthorityOfUrl("http://127.0.0.1:3000")).toBe("127.0.0.1");
    expect(tagAuthorityOfUrl("https://事实.example/")).toBe("xn--3kqq23a.example");
    expect(tagAuthorityOfUrl("https://desk.example./")).toBe("desk.example");
    expect(tagAuthorityOfUrl("http://[::1]:3000")).toBeNull();
    expect(tagAuthorityOfUrl("not a url")).toBeNull();
  });

  it("names feeds by subject and entries by event, never by address", () => {
    expect(feedTagId("desk.example", { kind: "desk" })).toBe("tag:desk.example,2025:claimline/feed/desk");
    expect(feedTagId("desk.example", { kind: "article", id: 12 })).toBe("tag:desk.example,2025:claimline/feed/article/12");
    expect(feedTagId("desk.example", { kind: "claim", id: 7 })).toBe("tag:desk.example,2025:claimline/feed/claim/7");
    expect(entryTagId("desk.example", 42)).toBe("tag:desk.example,2025:claimline/status-event/42");
  });
});
