import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { articleUpdateInput } from "../../lib/validation";
import { ConflictError, ValidationError } from "../../lib/errors";
import { makeArticle, makeClaim, makeUser } from "../../test/factories";
import { getDb } from "../client";
import { auditLog, mentions } from "../schema";
import { listArticlesForEditor } from "./editor-articles";
import { getWorkbench } from "./workbench";
import { getPublishedArticle, listArticleFilterOptions, listPublishedArticles } from "./published-articles";
import { updateArticle } from "./update-article";

function updateInput(article: Awaited<ReturnType<typeof makeArticle>>, changes: Record<string, unknown>) {
  return articleUpdateInput.parse({ ...article, ...changes });
}

describe("articles", () => {
  it("creates an article with a unique slug and an audit row in the same transaction", async () => {
    const editor = await makeUser();
    const first = await makeArticle(editor, { title: "OpenAI plans an open model" });
    const second = await makeArticle(editor, { title: "OpenAI plans an open model" });
    expect(first.slug).toBe("openai-plans-an-open-model");
    expect(second.slug).toBe("openai-plans-an-open-model-2");
    const audits = await getDb().select().from(auditLog).where(eq(auditLog.action, "article.create"));
    expect(audits.map((a) => a.entityId)).toEqual([String(first.id), String(second.id)]);
    expect(audits[0]!.actorId).toBe(editor.userId);
  });

  it("refuses an explicit slug that is already taken", async () => {
    const editor = await makeUser();
    await makeArticle(editor, { slug: "taken" });
    await expect(makeArticle(editor, { slug: "taken" })).rejects.toThrow(ValidationError);
  });

  it("keeps drafts out of reader reads but shows them to editors", async () => {
    const editor = await makeUser();
    const draft = await makeArticle(editor, { title: "Draft piece", status: "draft" });
    const published = await makeArticle(editor, { title: "Published piece" });
    expect((await listPublishedArticles()).map((a) => a.slug)).toEqual([published.slug]);
    expect(await listArticleFilterOptions(null)).toEqual([{ slug: published.slug, title: "Published piece", language: "zh-Hans" }]);
    expect(await listArticleFilterOptions(draft.slug)).toEqual([{ slug: published.slug, title: "Published piece", language: "zh-Hans" }]);
    expect(await getPublishedArticle(draft.slug)).toBeNull();
    expect((await listArticlesForEditor(editor)).map((a) => a.slug).sort()).toEqual([draft.slug, published.slug].sort());
  });

  it("detects a conflicting edit and writes nothing", async () => {
    const alice = await makeUser();
    const bob = await makeUser();
    const article = await makeArticle(alice);
    await updateArticle(alice, updateInput(article, { title: "Alice's title" }));
    let conflict: unknown;
    try {
      await updateArticle(bob, updateInput(article, { title: "Bob's title" }));
    } catch (error) {
      conflict = error;
    }
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).details).toMatchObject({ current: { title: "Alice's title", version: 2 } });
    expect((await getWorkbench(alice, article.id)).article.title).toBe("Alice's title");
  });

  it("re-anchors mentions when the body changes, and flags the ones whose words are gone", async () => {
    const editor = await makeUser();
    const article = await makeArticle(editor);
    const kept = await makeClaim(editor, article.id, "GPT-3 拥有1750亿个参数", "GPT-3 has 175 billion parameters");
    const lost = await makeClaim(editor, article.id, "估值约为270亿美元");
    const newBody = `新增的导语段落。\n\n${article.body.replace("OpenAI 目前估值约为270亿美元。", "")}`;
    await updateArticle(editor, updateInput(article, { body: newBody }));

    const rows = await getDb().select().from(mentions);
    const keptRow = rows.find((m) => m.id === kept.mentionId)!;
    expect(Array.from(newBody).slice(keptRow.startOffset, keptRow.endOffset).join("")).toBe("GPT-3 拥有1750亿个参数");
    expect(keptRow.anchorState).toBe("anchored");
    expect(rows.find((m) => m.id === lost.mentionId)!.anchorState).toBe("orphaned");
    const actions = (await getDb().select({ action: auditLog.action }).from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["mention.reanchor", "mention.orphan", "article.update"]));
  });

  it("parses Markdown and HTML bodies into a document whose text the anchors use", async () => {
    const editor = await makeUser();
    const md = await makeArticle(editor, { bodyFormat: "markdown", body: "# 标题\n\n据报道，**OpenAI** 估值约为[270亿美元](https://example.com)。" });
    expect(md.bodyText).toBe("标题\n\n据报道，OpenAI 估值约为270亿美元。");
    const claim = await makeClaim(editor, md.id, "估值约为270亿美元");
    expect(Array.from(md.bodyText).slice(claim.start, claim.end).join("")).toBe("估值约为270亿美元");

    const html = await makeArticle(editor, { bodyFormat: "html", body: '<p onclick="x()">正文<script>alert(1)</script><a href="javascript:alert(1)">链接</a></p>' });
    expect(html.body).not.toMatch(/script|onclick|javascript/);
    expect(JSON.stringify(html.bodyDoc)).not.toMatch(/script|onclick|javascript/);
    expect(html.bodyText).toBe("正文链接");
  });

  it("detects the language when the editor leaves it blank", async () => {
    const editor = await makeUser();
    expect((await makeArticle(editor, { language: "", body: "据路透社报道，OpenAI 正准备向公众发布一款新的开源语言模型。" })).language).toBe("zh-Hans");
    expect((await makeArticle(editor, { language: "", body: "OpenAI is preparing to release a new open-source language model to the public." })).language).toBe("en");
    expect((await makeArticle(editor, { language: "zh-Hant", body: "English text, but the editor knows better." })).language).toBe("zh-Hant");
  });
});
