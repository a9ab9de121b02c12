import type Database from "better-sqlite3";
import { docFromPlain, docText } from "../../lib/article-doc";
import type { DeskPlan } from "./plan";
import { setReaderFigureTriggersAside } from "./reader-figures";
import { plannedCurrentIndex } from "./timeline";

export const BENCH_EDITOR_ID = "bench-editor";

export interface InsertCounts {
  articles: number;
  claims: number;
  mentions: number;
  events: number;
  publishedEvents: number;
  sources: number;
}

/**
 * Writes the plan with prepared statements in one transaction: orders of magnitude faster
 * than the data-access layer (which validates, audits and re-derives per row). Ids are given
 * explicitly so a claim can name its current event before that event is written.
 *
 * The search index (migration 0005) is kept by triggers that re-derive a claim's row on every
 * mention insert, which would take most of the time at 100,000 claims. So, inside the same
 * transaction, the triggers are set aside, the rows written, the index filled from its view
 * exactly as the migration's backfill does, and the triggers put back from their stored SQL:
 * the same index content, and the same triggers afterwards for the server. The tracker's
 * figures (migration 0008) are set aside and recomputed the same way (reader-figures.ts).
 */
export function insertDesk(sqlite: Database.Database, plan: DeskPlan): InsertCounts {
  const insertUser = sqlite.prepare("INSERT OR IGNORE INTO user (id, name, email, role) VALUES (?, ?, ?, 'editor')");
  const insertArticle = sqlite.prepare(`INSERT INTO article (id, slug, title, summary, outlet, byline, language, published_date, body, body_format, body_doc, body_text, status, created_by, updated_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'plain', ?, ?, 'published', ?, ?, ?, ?)`);
  const insertClaim = sqlite.prepare(`INSERT INTO claim (id, statement, claimant, claim_date, kind, quantity_value, quantity_unit, quantity_qualifier, current_status, current_status_event_id, created_by, updated_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertMention = sqlite.prepare(`INSERT INTO mention (id, claim_id, article_id, exact, prefix, suffix, start_offset, end_offset, position, created_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = sqlite.prepare(`INSERT INTO status_event (id, claim_id, status_key, effective_date, effective_precision, recorded_at, rationale, internal_note, visibility, author_id)
    VALUES (?, ?, ?, ?, 'day', ?, ?, ?, ?, ?)`);
  const insertSource = sqlite.prepare("INSERT INTO source (id, url, title, publisher, published_date, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  const linkSource = sqlite.prepare("INSERT INTO status_event_source (event_id, source_id, position) VALUES (?, ?, 0)");

  const counts: InsertCounts = { articles: 0, claims: 0, mentions: 0, events: 0, publishedEvents: 0, sources: 0 };
  const recordedAt = (day: string) => Date.parse(`${day}T09:00:00Z`);
  // Continue after whatever is there (the statement-count test adds to a database twice).
  const base = (table: string) => (sqlite.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n;

  // A large page cache keeps the indexes being appended to in memory during the one big transaction.
  sqlite.pragma("cache_size = -262144");
  sqlite.transaction(() => {
    const searchTriggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'claim_search_%'").all() as { name: string; sql: string }[];
    for (const trigger of searchTriggers) sqlite.exec(`DROP TRIGGER \`${trigger.name}\``);
    const restoreReaderFigures = setReaderFigureTriggersAside(sqlite);
    const [articleBase, claimBase, mentionBase] = [base("article"), base("claim"), base("mention")];
    let eventId = base("status_event");
    let sourceId = base("source");
    insertUser.run(BENCH_EDITOR_ID, "Bench Editor", "bench-editor@bench.claimline.local");
    const articleCreated = new Map<number, number>();
    for (const article of plan.articles) {
      const doc = docFromPlain(article.body);
      const bodyText = docText(doc);
      // The offsets were counted on the body; the reader renders bodyText, so they must be the same text.
      if (bodyText !== article.body) throw new Error(`Article ${article.id}: the plain body does not render to itself.`);
      const created = recordedAt(article.publishedDate);
      articleCreated.set(article.id, created);
      const summary = article.lang === "zh" ? "An English summary of a Chinese article." : null;
      insertArticle.run(articleBase + article.id, `bench-${article.lang}-${articleBase + article.id}`, article.title, summary, article.outlet, article.outlet, article.lang === "zh" ? "zh-Hans" : "en", article.publishedDate, article.body, JSON.stringify(doc), bodyText, BENCH_EDITOR_ID, BENCH_EDITOR_ID, created, created);
      counts.articles++;
    }

    for (const claim of plan.claims) {
      const claimId = claimBase + claim.id;
      const created = articleCreated.get(claim.articleId)!;
      const current = plannedCurrentIndex(claim.events);
      const firstEventId = eventId + 1;
      const unit = claim.quantity === null ? null : claim.lang === "zh" ? "CNY" : "USD";
      insertClaim.run(claimId, claim.statement, claim.claimant, claim.claimDate, claim.kind, claim.quantity, unit, claim.quantity === null ? null : "=",
        current === -1 ? "unverified" : claim.events[current]!.statusKey, current === -1 ? null : firstEventId + current, BENCH_EDITOR_ID, BENCH_EDITOR_ID, created, claim.events[current]?.recordedAt ?? created);
      counts.claims++;
      for (const event of claim.events) {
        eventId++;
        insertEvent.run(eventId, claimId, event.statusKey, event.effectiveDate, event.recordedAt, event.rationale, event.internalNote, event.visibility, BENCH_EDITOR_ID);
        counts.events++;
        if (event.visibility === "published") counts.publishedEvents++;
        if (event.source) {
          sourceId++;
          insertSource.run(sourceId, event.source.url, event.source.title, event.source.publisher, event.effectiveDate, event.recordedAt);
          linkSource.run(eventId, sourceId);
          counts.sources++;
        }
      }
    }

    // A claim can be repeated in an earlier article than its own, so mentions go in once every claim exists.
    for (const m of plan.mentions) {
      const created = articleCreated.get(m.articleId)!;
      insertMention.run(mentionBase + m.id, claimBase + m.claimId, articleBase + m.articleId, m.exact, m.prefix, m.suffix, m.start, m.end, m.position, BENCH_EDITOR_ID, created, created);
      counts.mentions++;
    }
    sqlite
      .prepare("INSERT INTO claim_search (rowid, statement, quotes, titles) SELECT claim_id, statement, quotes, titles FROM claim_search_source WHERE claim_id > ?")
      .run(claimBase);
    for (const trigger of searchTriggers) sqlite.exec(trigger.sql);
    restoreReaderFigures();
  })();
  return counts;
}
