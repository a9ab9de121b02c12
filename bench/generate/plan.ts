import { ANCHOR_CONTEXT_LENGTH, codePointLength } from "../../lib/anchor";
import type { ClaimKind } from "../../lib/claim-rules";
import { articleTitle, claimText, fillerSentence, frameQuote, type Lang, outletFor } from "../corpus";
import { createRng, type Rng } from "../prng";
import { planTimeline, type PlannedEvent } from "./timeline";

/**
 * The synthetic desk as plain data, before it touches SQLite: articles with their text,
 * claims with their timelines, and mentions whose offsets were counted while the text was
 * written, so every anchor is exact by construction.
 */

export interface PlannedArticle {
  id: number;
  title: string;
  lang: Lang;
  outlet: string;
  publishedDate: string;
  body: string;
  claimIds: number[];
}

export interface PlannedClaim {
  id: number;
  articleId: number;
  statement: string;
  claimant: string;
  claimDate: string;
  kind: ClaimKind;
  quantity: number | null;
  quote: string;
  lang: Lang;
  events: PlannedEvent[];
}

export interface PlannedMention {
  id: number;
  claimId: number;
  articleId: number;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  position: number;
}

export interface DeskPlan {
  articles: PlannedArticle[];
  claims: PlannedClaim[];
  mentions: PlannedMention[];
}

const FIRST_DAY = Date.UTC(2016, 0, 1);
const LAST_PUBLISHED_DAY = Date.UTC(2025, 5, 30);
const DAY_MS = 86_400_000;
/** A claim made again in later coverage lands in one of the next few articles of its language. */
const FOLLOW_UP_WINDOW = 20;

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function planDesk(claimCount: number, seed: number): DeskPlan {
  const rng = createRng(seed);
  const articles = planArticles(rng, claimCount);
  const claims: PlannedClaim[] = [];
  // What each article's text must quote, in order: its own claims first made there, and claims repeated from earlier articles.
  const quotesIn = new Map<number, number[]>(articles.map((a) => [a.id, []]));
  const byLang: Record<Lang, PlannedArticle[]> = { zh: [], en: [] };
  for (const article of articles) byLang[article.lang].push(article);
  const indexInLang = new Map(articles.map((a) => [a.id, byLang[a.lang].indexOf(a)]));

  for (const article of articles) {
    for (const claimId of article.claimIds) {
      const text = claimText(rng, article.lang, claimId, Number(article.publishedDate.slice(0, 4)) + rng.int(0, 3));
      const claimDate = article.publishedDate;
      claims.push({ id: claimId, articleId: article.id, claimDate, lang: article.lang, ...text, events: planTimeline(rng, claimDate, text.kind) });
      quotesIn.get(article.id)!.push(claimId);
      // One to three mentions: a quarter of the repeats come later in the same article, the rest in follow-up coverage.
      const extra = rng.int(0, 2);
      for (let i = 0; i < extra; i++) {
        const target = rng.chance(0.25) ? article : nearby(byLang[article.lang], indexInLang.get(article.id)!, rng);
        const list = quotesIn.get(target.id)!;
        list.splice(rng.int(0, list.length), 0, claimId);
      }
    }
  }

  const claimById = new Map(claims.map((c) => [c.id, c]));
  const mentions: PlannedMention[] = [];
  for (const article of articles) {
    const written = writeArticle(rng, article, quotesIn.get(article.id)!.map((id) => claimById.get(id)!));
    article.body = written.body;
    for (const [position, m] of written.mentions.entries()) mentions.push({ ...m, id: mentions.length + 1, articleId: article.id, position });
  }
  return { articles, claims, mentions };
}

/** A later article of the same language within the window; an earlier one near the end of the archive, so none collects the overflow. */
function nearby(sameLang: PlannedArticle[], here: number, rng: Rng): PlannedArticle {
  const step = rng.int(1, FOLLOW_UP_WINDOW);
  return sameLang[here + step] ?? sameLang[Math.max(0, here - step)]!;
}

function planArticles(rng: Rng, claimCount: number): PlannedArticle[] {
  const sizes: number[] = [];
  for (let total = 0; total < claimCount; ) {
    const size = Math.min(rng.int(10, 30), claimCount - total);
    sizes.push(size);
    total += size;
  }
  let nextClaimId = 1;
  return sizes.map((size, index) => {
    const id = index + 1;
    const lang: Lang = rng.chance(0.5) ? "zh" : "en";
    const topic = rng.int(0, 11);
    // Spread over the years in publication order, as a desk's archive grows.
    const day = FIRST_DAY + Math.floor(((LAST_PUBLISHED_DAY - FIRST_DAY) * (index + rng.next())) / sizes.length / DAY_MS) * DAY_MS;
    const claimIds = Array.from({ length: size }, () => nextClaimId++);
    return { id, title: articleTitle(lang, topic, id), lang, outlet: outletFor(rng), publishedDate: isoDay(day), body: "", claimIds };
  });
}

type WrittenMention = Omit<PlannedMention, "id" | "articleId" | "position">;

/** Writes the article around its quotes: paragraphs of a few sentences, some of them filler, offsets counted in code points as we go. */
function writeArticle(rng: Rng, article: PlannedArticle, quoted: PlannedClaim[]): { body: string; mentions: WrittenMention[] } {
  const joiner = article.lang === "zh" ? "" : " ";
  const paragraphs: string[] = [];
  const spans: { claimId: number; start: number; end: number }[] = [];
  let sentences: string[] = [];
  let paragraphStart = 0;
  let paragraphLength = 0;

  const add = (sentence: string, quoteAt?: { claimId: number; before: string; quote: string }) => {
    const separator = sentences.length > 0 ? joiner : "";
    if (quoteAt) {
      const start = paragraphStart + paragraphLength + separator.length + codePointLength(quoteAt.before);
      spans.push({ claimId: quoteAt.claimId, start, end: start + codePointLength(quoteAt.quote) });
    }
    sentences.push(sentence);
    paragraphLength += separator.length + codePointLength(sentence);
  };
  const endParagraph = () => {
    if (sentences.length === 0) return;
    paragraphs.push(sentences.join(joiner));
    paragraphStart += paragraphLength + 2; // the blank line between paragraphs
    paragraphLength = 0;
    sentences = [];
  };

  add(fillerSentence(rng, article.lang, rng.int(0, 11)));
  for (const claim of quoted) {
    if (rng.chance(0.5)) add(fillerSentence(rng, article.lang, rng.int(0, 11)));
    const [before, after] = frameQuote(rng, article.lang, claim.claimant);
    add(`${before}${claim.quote}${after}`, { claimId: claim.id, before, quote: claim.quote });
    if (sentences.length >= rng.int(3, 5)) endParagraph();
  }
  endParagraph();

  const body = paragraphs.join("\n\n");
  const points = Array.from(body);
  const mentions = spans.map(({ claimId, start, end }) => ({
    claimId,
    start,
    end,
    exact: points.slice(start, end).join(""),
    prefix: points.slice(Math.max(0, start - ANCHOR_CONTEXT_LENGTH), start).join(""),
    suffix: points.slice(end, end + ANCHOR_CONTEXT_LENGTH).join(""),
  }));
  return { body, mentions };
}
