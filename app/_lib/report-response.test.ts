import { parse } from "content-disposition";
import { describe, expect, it } from "vitest";
import { makeArticle, makeUser } from "@/test/factories";
import { REPORT_FILES, reportResponse } from "./report-response";

const request = (path: string) => new Request(`http://127.0.0.1${path}`);

describe("reportResponse's file names", () => {
  it("answers 404 with the list of exports for names an object would inherit", async () => {
    const article = await makeArticle(await makeUser());
    for (const file of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"]) {
      for (const scope of [{ kind: "desk" } as const, { kind: "article", slug: article.slug } as const]) {
        const response = await reportResponse(scope, file, request(`/api/v1/reports/desk/${file}`), "desk");
        expect(response.status, `${scope.kind} ${file}`).toBe(404);
        expect(await response.json()).toMatchObject({ error: "not_found", message: expect.stringContaining("report.json") });
      }
    }
  });

  it("still serves every export it lists", async () => {
    const article = await makeArticle(await makeUser());
    expect(REPORT_FILES).toEqual(["report.md", "events.csv", "claims.csv", "report.json", "claimreview.jsonld", "annotations.jsonld"]);
    for (const file of REPORT_FILES) {
      const response = await reportResponse({ kind: "article", slug: article.slug }, file, request(`/api/v1/articles/${article.slug}/${file}`), article.slug);
      expect(response.status, file).toBe(200);
      expect((await response.text()).length, file).toBeGreaterThan(0);
    }
  });

  it("names the day and its meaning in the file name, and refuses both meanings at once", async () => {
    const article = await makeArticle(await makeUser());
    const path = `/api/v1/articles/${article.slug}/claims.csv`;
    const named = async (query: string) => {
      const response = await reportResponse({ kind: "article", slug: article.slug }, "claims.csv", request(`${path}?${query}`), article.slug);
      await response.body?.cancel();
      return response.headers.get("content-disposition");
    };
    expect(await named("asof=2024-01-01")).toMatch(/-claims-asof-2024-01-01\.csv$/);
    expect(await named("published=2024-01-01")).toMatch(/-claims-published-2024-01-01\.csv$/);
    const both = await reportResponse({ kind: "article", slug: article.slug }, "claims.csv", request(`${path}?asof=2024-01-01&published=2024-01-01`), article.slug);
    expect(both.status).toBe(422);
    expect((await both.json()).message).toContain("not both");
  });

  it("names an article's export after its title, Chinese kept, with the pinyin slug as the ASCII fallback", async () => {
    const article = await makeArticle(await makeUser(), { title: "开源模型：长沙/重庆 “测试”" });
    const response = await reportResponse({ kind: "article", slug: article.slug }, "events.csv", request(`/api/v1/articles/${article.slug}/events.csv`), article.slug);
    await response.body?.cancel();
    const header = response.headers.get("content-disposition")!;
    expect(header).toMatch(/^attachment; filename="?[\x20-\x7e]+"?; filename\*=UTF-8''[\x21-\x7e]+$/);
    expect(parse(header).parameters.filename).toBe("开源模型：长沙 重庆 “测试”-events.csv");
    expect(parse(header.replace(/; filename\*=.*$/, "")).parameters.filename).toBe(`${article.slug}-events.csv`);
    expect(article.slug).toBe("kai-yuan-moxing-changsha-chongqing-ceshi");
  });
});
