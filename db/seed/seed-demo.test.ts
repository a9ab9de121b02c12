import { describe, expect, it } from "vitest";
import { verifyPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import { getPublishedArticle } from "../articles/published-articles";
import { bootstrap } from "../bootstrap";
import { getDb } from "../client";
import { account, articles, statusEvents, user } from "../schema";
import { DEMO_ARTICLE, DEMO_EDITOR } from "./demo-article";
import { firstRow } from "../rows";

describe("demo data", () => {
  it("seeds a published Chinese article with anchored claims and their timelines", async () => {
    expect(await bootstrap({ SEED_DEMO: "1" })).toEqual({ adminCreated: null, demoSeeded: true });
    const article = (await getPublishedArticle(DEMO_ARTICLE.slug))!;
    expect(article.language).toBe("zh-Hans");
    expect(article.claims.length).toBeGreaterThanOrEqual(5);
    for (const claim of article.claims) {
      expect(Array.from(article.body).slice(claim.start, claim.end).join("")).toBe(claim.exact);
      expect(claim.timeline.length).toBeGreaterThanOrEqual(1);
      expect(claim.timeline.length).toBeLessThanOrEqual(3);
    }
    const byStatement = Object.fromEntries(article.claims.map((c) => [c.statement, c.currentStatus]));
    expect(byStatement).toMatchObject({
      "OpenAI plans to release an open-source language model": "true",
      "OpenAI is valued at about $27 billion (270亿美元)": "outdated",
      "GPT-3 has 175 billion parameters": "true",
      "OpenAI's open-source model will be InstructGPT": "false",
    });
    const gptOss = article.claims.find((c) => c.statement.startsWith("OpenAI plans"))!.timeline.at(-1)!;
    expect(gptOss).toMatchObject({ effectiveDate: "2025-08-05", sources: [{ url: "https://openai.com/index/introducing-gpt-oss/" }] });
  });

  it("is idempotent and can be turned off", async () => {
    expect((await bootstrap({ SEED_DEMO: "0" })).demoSeeded).toBe(false);
    expect(await getDb().select().from(articles)).toHaveLength(0);
    await bootstrap({});
    const events = (await getDb().select().from(statusEvents)).length;
    expect((await bootstrap({})).demoSeeded).toBe(false);
    expect(await getDb().select().from(articles)).toHaveLength(1);
    expect(await getDb().select().from(statusEvents)).toHaveLength(events);
  });

  it("creates the demo editor with the documented password, only with the demo", async () => {
    await bootstrap({ SEED_DEMO: "0" });
    expect(await firstRow(getDb().select().from(user).where(eq(user.email, DEMO_EDITOR.email)))).toBeUndefined();
    await bootstrap({});
    const editor = (await firstRow(getDb().select().from(user).where(eq(user.email, DEMO_EDITOR.email))))!;
    expect(editor.role).toBe("editor");
    const credential = (await firstRow(getDb().select().from(account).where(and(eq(account.userId, editor.id), eq(account.providerId, "credential")))))!;
    expect(await verifyPassword({ hash: credential.password!, password: DEMO_EDITOR.password })).toBe(true);
  });
});
