import { describe, expect, it } from "vitest";
import { DEFAULT_TRACKER_QUERY, parseTrackerQuery, trackerHref, trackerQuery } from "./tracker-query";

describe("trackerQuery", () => {
  it("defaults to every readable claim, latest update first, page 1", () => {
    expect(trackerQuery.parse({})).toEqual({
      q: null,
      status: [],
      kind: [],
      article: null,
      claimant: null,
      from: null,
      to: null,
      sort: "updated",
      order: "desc",
      page: 1,
    });
  });

  it("reads every filter from Next's searchParams", () => {
    const query = trackerQuery.parse({
      q: "  开源模型 ",
      status: ["true", "outdated"],
      kind: "quantity,prediction",
      article: "openai-2023",
      claimant: " Sam Altman ",
      from: "2023-01-01",
      to: "2023-12-31",
      sort: "claim-date",
      order: "asc",
      page: "3",
    });
    expect(query).toEqual({
      q: "开源模型",
      status: ["outdated", "true"],
      kind: ["prediction", "quantity"],
      article: "openai-2023",
      claimant: "Sam Altman",
      from: "2023-01-01",
      to: "2023-12-31",
      sort: "claim-date",
      order: "asc",
      page: 3,
    });
  });

  it("accepts repeated parameters and comma lists alike, from URLSearchParams too", () => {
    const repeated = parseTrackerQuery(new URLSearchParams("status=true&status=false&kind=fact&kind=opinion"));
    const commas = parseTrackerQuery(new URLSearchParams("status=false,true&kind=opinion,fact,fact"));
    expect(repeated.status).toEqual(["false", "true"]);
    expect(repeated.kind).toEqual(["fact", "opinion"]);
    expect(commas).toEqual(repeated);
  });

  it("falls back to defaults for values it cannot use, so an old or mangled link still opens", () => {
    const query = parseTrackerQuery(
      new URLSearchParams("status=TRUE,no spaces!,x&kind=rumour,fact&from=2023-02-30&to=yesterday&sort=random&order=up&page=-2&article=<script>&q=%20%20"),
    );
    expect(query).toEqual({ ...DEFAULT_TRACKER_QUERY, status: ["true"], kind: ["fact"] });
    expect(parseTrackerQuery(new URLSearchParams("page=abc")).page).toBe(1);
    expect(parseTrackerQuery(new URLSearchParams("page=2.5")).page).toBe(1);
  });

  it("cuts search text at 200 characters (code points) instead of refusing it, and drops control characters", () => {
    const long = "估".repeat(150) + "a".repeat(100);
    const query = trackerQuery.parse({ q: long });
    expect(Array.from(query.q!)).toHaveLength(200);
    expect(trackerQuery.parse({ q: "open\u0000source\n" }).q).toBe("open source");
  });

  it("ignores parameters named after Object's own members instead of failing on them", () => {
    const params = new URLSearchParams("constructor=1&__proto__=2&toString=3&hasOwnProperty=4&status=false");
    expect(parseTrackerQuery(params)).toEqual(parseTrackerQuery(new URLSearchParams("status=false")));
  });

  it("takes the first of a single-valued parameter given twice", () => {
    expect(parseTrackerQuery(new URLSearchParams("q=first&q=second&page=2&page=5")).q).toBe("first");
    expect(parseTrackerQuery(new URLSearchParams("q=first&q=second&page=2&page=5")).page).toBe(2);
  });
});

describe("trackerHref", () => {
  it("is / for the default query", () => {
    expect(trackerHref(DEFAULT_TRACKER_QUERY)).toBe("/");
  });

  it("writes sorted keys, leaves out defaults and keeps lists sorted and comma-joined", () => {
    const query = trackerQuery.parse({ status: "true,false", kind: "quantity", q: "开源 model", from: "2023-05-01", sort: "updated", page: "2" });
    expect(trackerHref(query)).toBe("/?from=2023-05-01&kind=quantity&page=2&q=%E5%BC%80%E6%BA%90%20model&status=false,true");
  });

  it("round-trips: parsing its URL gives the same query back", () => {
    const query = trackerQuery.parse({ q: 'a "b" & c=d, 50%', status: "true,mixed", kind: "fact", article: "测试文章", claimant: "OpenAI", to: "2024-01-31", sort: "claim-date", order: "asc", page: "4" });
    const href = trackerHref(query);
    expect(parseTrackerQuery(new URL(href, "http://x").searchParams)).toEqual(query);
  });

  it("gives the same URL for the same query however its parameters were written", () => {
    const a = parseTrackerQuery(new URLSearchParams("status=true&status=false&kind=fact&page=2"));
    const b = parseTrackerQuery(new URLSearchParams("page=2&kind=fact,fact&status=false,true&sort=updated&order=desc"));
    expect(trackerHref(a)).toBe(trackerHref(b));
  });

  it("goes back to page 1 when a filter changes, and keeps the page when only the page changes", () => {
    const query = trackerQuery.parse({ status: "true", page: "3" });
    expect(trackerHref(query, { kind: ["prediction"] })).toBe("/?kind=prediction&status=true");
    expect(trackerHref(query, { page: 4 })).toBe("/?page=4&status=true");
    expect(trackerHref(query, {})).toBe("/?page=3&status=true");
    expect(trackerHref(query, { status: [], page: 1 })).toBe("/");
  });
});
