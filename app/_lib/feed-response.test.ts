import { describe, expect, it } from "vitest";
import { BOTH_AXES_MESSAGE, INVALID_AS_OF_MESSAGE, INVALID_PUBLISHED_MESSAGE } from "@/lib/as-of";
import { NotFoundError } from "@/lib/errors";
import { makeArticle, makeUser } from "@/test/factories";
import { feedResponse } from "./feed-response";

const request = (path: string) => new Request(`http://127.0.0.1${path}`);

describe("feedResponse", () => {
  it("serves the live feed and a feed of either day, each naming itself", async () => {
    const article = await makeArticle(await makeUser());
    const scope = { kind: "article", slug: article.slug } as const;
    for (const query of ["", "?asof=2024-01-01", "?published=2024-01-01"]) {
      const response = await feedResponse(request(`/feeds/articles/${article.slug}${query}`), scope, "An article");
      expect(response.status, query).toBe(200);
      expect(response.headers.get("content-type")).toContain("application/atom+xml");
      expect(await response.text()).toContain(`/feeds/articles/${encodeURIComponent(article.slug)}${query}"`);
    }
  });

  it("refuses both days at once, and a day that is not real, with the exports' 422", async () => {
    const scope = { kind: "desk" } as const;
    const refused = async (query: string) => {
      const response = await feedResponse(request(`/feeds/desk.atom?${query}`), scope, "The desk feed");
      expect(response.status, query).toBe(422);
      return ((await response.json()) as { message: string }).message;
    };
    expect(await refused("asof=2024-01-01&published=2024-01-01")).toBe(BOTH_AXES_MESSAGE);
    expect(await refused("asof=2024-02-30")).toBe(INVALID_AS_OF_MESSAGE);
    expect(await refused("published=yesterday")).toBe(INVALID_PUBLISHED_MESSAGE);
  });

  it("still answers an unknown subject as not found, on any day", async () => {
    await expect(feedResponse(request("/feeds/articles/none?asof=2024-01-01"), { kind: "article", slug: "none" }, "An article")).rejects.toThrow(NotFoundError);
    await expect(feedResponse(request("/feeds/claims/x"), null, "A claim")).rejects.toThrow(NotFoundError);
  });
});
