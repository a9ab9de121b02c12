import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { codeUnitToCodePoint, codePointLength, sliceCodePoints } from "../lib/anchor";
import { docText } from "../lib/article-doc";
import { BODY_FORMATS, type BodyFormat } from "../lib/article-doc/types";
import { parseAuditQuery } from "../lib/audit-query";
import { trackerQuery } from "../lib/tracker-query";
import { articleUpdateInput, claimWithMentionInput } from "../lib/validation";
import { claimFromSpanInput, similarClaimsInput } from "../lib/workbench-input";
import { REPLACEMENT_CHARACTER, SQL_METACHARACTERS as SQLM, UNICODE_EDGE_CASES as U } from "../test/hostile-corpus";
import { makeArticle, makeUser } from "../test/factories";
import { getPublishedArticle } from "./articles/published-articles";
import { updateArticle } from "./articles/update-article";
import { listAuditLog } from "./audit-log/list-audit-log";
import { createClaimFromSpan } from "./claims/create-claim-from-span";
import { createClaimWithMention } from "./claims/create-claim-with-mention";
import { findSimilarClaims } from "./claims/similar-claims";
import { getDb } from "./client";
import { articles, claims, mentions } from "./schema";
import { listPublishedClaims } from "./tracker/list-claims";
import { ON_POSTGRES } from "./sql-dialect";
import { firstRow } from "./rows";

describe("SQL metacharacters", () => {
  async function buildDesk() {
    const admin = await makeUser("admin");
    const body = `Progress is 100%_done\\ today. Progress is 100 percent done. Then ${SQLM.dropTable} appeared in the text.`;
    const article = await makeArticle(admin, { title: `Metacharacters ${SQLM.orTrue}`, body, language: "en" });
    const claim = async (quote: string, fields: Record<string, unknown>) => (await createClaimWithMention(admin, claimWithMentionInput.parse({ articleId: article.id, quote, ...fields }))).claimId;
    const wildcards = await claim(SQLM.likeWildcards, { statement: `Progress is ${SQLM.likeWildcards}`, claimant: SQLM.dropTable });
    const percentWord = await claim("100 percent done", { statement: "Progress is 100 percent done", claimant: "50% of analysts" });
    const dropTable = await claim(SQLM.dropTable, { statement: SQLM.dropTable, claimant: SQLM.orTrue });
    return { admin, wildcards, percentWord, dropTable };
  }

  const found = async (params: Record<string, string>) =>
    (await listPublishedClaims(trackerQuery.parse(params)))
      .items.map((item) => item.id)
      .sort((a, b) => a - b);

  it("are stored as typed and searched literally: 100%_done\\ finds only itself, % alone does not match everything", async () => {
    const { wildcards, percentWord, dropTable } = await buildDesk();
    expect(await found({})).toEqual([wildcards, percentWord, dropTable]);
    // Ten characters (the trigram index) and two or one (the LIKE scan): wildcards match themselves only.
    expect(await found({ q: SQLM.likeWildcards })).toEqual([wildcards]);
    expect(await found({ q: "%_" })).toEqual([wildcards]);
    for (const single of [SQLM.percent, SQLM.underscore, SQLM.backslash]) expect(await found({ q: single }), single).toEqual([wildcards]);
    expect(await found({ q: "100%" })).toEqual([wildcards]);
    expect(await found({ q: SQLM.dropTable })).toEqual([dropTable]);
    // The title holds `" OR 1=1 --`, so every claim of the article matches it, as text.
    expect(await found({ q: SQLM.orTrue })).toEqual([wildcards, percentWord, dropTable]);
    expect(await found({ q: "OR 1=2" })).toEqual([]);

    // The claimant filter: literal substrings too.
    expect(await found({ claimant: SQLM.dropTable })).toEqual([wildcards]);
    expect(await found({ claimant: "%" })).toEqual([percentWord]);
    expect(await found({ claimant: "_" })).toEqual([]);
    expect(await found({ claimant: SQLM.orTrue })).toEqual([dropTable]);

    const stored = await firstRow(getDb().select({ statement: claims.statement, claimant: claims.claimant }).from(claims).where(eq(claims.id, dropTable)));
    expect(stored).toEqual({ statement: SQLM.dropTable, claimant: SQLM.orTrue });
  });

  it("in every other filter and search leave the tables intact", async () => {
    const { admin, dropTable } = await buildDesk();
    for (const text of Object.values(SQLM)) {
      expect(await found({ article: text, status: text, kind: text, from: text, to: text, sort: text, order: text, page: text })).toHaveLength(3);
      await findSimilarClaims(admin, similarClaimsInput.parse({ text }));
      const audit = parseAuditQuery({ userId: text, entityId: text, entityType: text, from: text });
      expect((await listAuditLog(admin, audit.query)).entries).toEqual([]);
    }
    expect((await findSimilarClaims(admin, similarClaimsInput.parse({ text: SQLM.dropTable })))[0]?.id).toBe(dropTable);

    const tables = ON_POSTGRES
      ? await getDb().all<{ name: string }>(sql`SELECT table_name AS "name" FROM information_schema.tables WHERE table_schema = 'public' AND table_name IN ('claim', 'mention', 'article')`)
      : await getDb().all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('claim', 'mention', 'article')`);
    expect(tables.map((t) => t.name).sort()).toEqual(["article", "claim", "mention"]);
    expect(await getDb().select().from(claims)).toHaveLength(3);
    // SQLite checks its file's structure; PostgreSQL has no such check, and the tables answered above.
    if (!ON_POSTGRES) expect(await getDb().all<{ integrity_check: string }>(sql`PRAGMA integrity_check`)).toEqual([{ integrity_check: "ok" }]);
  });
});

describe("Unicode edge cases in an article body", () => {
  const paragraphs = [
    `First ${U.rightToLeft} after-rtl words.`,
    `Second ${U.zeroWidth} after-zero-width words.`,
    `Third ${U.astral} after-astral words.`,
    `Fourth ${U.loneHighSurrogate} after-high-surrogate words ${U.loneLowSurrogate} after-low-surrogate words.`,
  ];
  const bodies: Record<BodyFormat, string> = {
    plain: paragraphs.join("\n\n"),
    markdown: paragraphs.join("\n\n"),
    html: paragraphs.map((p) => `<p>${p}</p>`).join(""),
  };
  /** Words to select: after each edge case, and the edge cases themselves (lone surrogates as stored). */
  const selections = [
    "after-rtl words",
    "after-zero-width words",
    "after-astral words",
    "after-high-surrogate words",
    "after-low-surrogate words",
    U.rightToLeft,
    U.zeroWidth,
    U.astral,
    `${REPLACEMENT_CHARACTER} after-high`,
  ];

  /** The article's text and document as SQLite holds them. */
  async function storedArticle(id: number) {
    const row = (await firstRow(getDb().select({ bodyText: articles.bodyText, bodyDoc: articles.bodyDoc, version: articles.version }).from(articles).where(eq(articles.id, id))))!;
    return { ...row, renderedText: docText(row.bodyDoc!) };
  }

  /** Every live mention read back from SQLite is the code point slice [start, end) of the stored text, with its context. */
  async function expectMentionsOnTheirWords(articleId: number, bodyText: string) {
    const rows = await getDb().select().from(mentions).where(eq(mentions.articleId, articleId)).orderBy(mentions.id);
    expect(rows).toHaveLength(selections.length);
    for (const mention of rows) {
      expect(mention.anchorState, mention.exact).toBe("anchored");
      expect(sliceCodePoints(bodyText, mention.startOffset, mention.endOffset)).toBe(mention.exact);
      expect(bodyText).toContain(`${mention.prefix}${mention.exact}${mention.suffix}`);
    }
    return rows;
  }

  it.each(BODY_FORMATS)("stores a %s body so that stored, rendered and anchored text agree, through an edit", async (bodyFormat) => {
    const editor = await makeUser();
    const article = await makeArticle(editor, { body: bodies[bodyFormat], bodyFormat, language: "en" });
    const stored = await storedArticle(article.id);
    // Lone surrogates became one U+FFFD each before anything was derived or stored (lib/validation.ts).
    expect(stored.bodyText.isWellFormed()).toBe(true);
    expect(stored.bodyText).toContain(`Fourth ${REPLACEMENT_CHARACTER} after-high-surrogate words ${REPLACEMENT_CHARACTER} after-low-surrogate`);
    expect(stored.bodyText).toContain(U.rightToLeft);
    expect(stored.bodyText).toContain(U.zeroWidth);
    expect(stored.bodyText).toContain(U.astral);
    // What readers' browsers render (the document) is exactly the text offsets count in.
    expect(stored.renderedText).toBe(stored.bodyText);
    expect(article.bodyText).toBe(stored.bodyText);

    for (const words of selections) {
      const start = codeUnitToCodePoint(stored.bodyText, stored.bodyText.indexOf(words));
      const end = start + codePointLength(words);
      const created = await createClaimFromSpan(editor, claimFromSpanInput.parse({ articleId: article.id, start, end, statement: `About ${words}` }));
      expect([created.start, created.end]).toEqual([start, end]);
    }
    const rows = await expectMentionsOnTheirWords(article.id, stored.bodyText);
    expect(rows.map((m) => m.exact).sort()).toEqual([...selections].sort());

    // Readers get the same words at the same offsets.
    const published = (await getPublishedArticle(article.slug))!;
    expect(published.bodyText).toBe(stored.bodyText);
    for (const claim of published.claims) expect(sliceCodePoints(docText(published.bodyDoc), claim.start, claim.end)).toBe(claim.exact);

    // A new first paragraph with more of the same shifts every offset; each mention follows its words.
    const lead = `New lead ${U.astral} ${U.loneHighSurrogate}${U.zeroWidth}`;
    const edited = bodyFormat === "html" ? `<p>${lead}</p>${bodies.html}` : `${lead}\n\n${bodies[bodyFormat]}`;
    await updateArticle(editor, articleUpdateInput.parse({ ...article, id: article.id, version: stored.version, body: edited }));
    const after = await storedArticle(article.id);
    expect(after.renderedText).toBe(after.bodyText);
    expect(after.bodyText.startsWith(`New lead ${U.astral} ${REPLACEMENT_CHARACTER}`)).toBe(true);
    const moved = await expectMentionsOnTheirWords(article.id, after.bodyText);
    expect(moved.map((m) => m.exact).sort()).toEqual([...selections].sort());
    expect(moved.every((m, i) => m.startOffset > rows[i]!.startOffset)).toBe(true);
  });
});
