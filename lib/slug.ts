import { pinyin } from "pinyin-pro";

/** The longest slug a title gives, the -2, -3 … that keeps it unique included (db/articles/unique-slug.ts). */
export const SLUG_MAX_LENGTH = 60;

const HAN = /\p{Script=Han}/u;

/**
 * Words, as ICU's dictionary breaks Chinese into them (Node and every browser ship it).
 * pinyin-pro's own segment() only knows the words whose reading differs from their
 * characters' (银行, 行长), so "开源社区" would come apart into four syllables.
 */
const WORDS = new Intl.Segmenter("zh-Hans", { granularity: "word" });

/**
 * The title with each Chinese word written as one run of toneless pinyin between spaces
 * ("开源社区的新选择" → " kaiyuan  shequ  de  xin  xuanze "). Readings come from the whole
 * title at once, so pinyin-pro reads a polyphone in context (银行 yinhang, 行长 hangzhang).
 */
function romanize(title: string): string {
  const codePoints = Array.from(title);
  const readings = pinyin(title, { type: "all", toneType: "none", v: true });
  // One reading per code point; if a version ever answered otherwise, words keep their letters only.
  const aligned = readings.length === codePoints.length;
  let out = "";
  let index = 0;
  for (const { segment } of WORDS.segment(title)) {
    const length = Array.from(segment).length;
    if (HAN.test(segment)) {
      const syllables = aligned ? readings.slice(index, index + length).map((r) => (r.isZh ? r.pinyin : r.origin)) : [];
      out += ` ${syllables.join("")} `;
    } else {
      out += segment;
    }
    index += length;
  }
  return out;
}

/** Cut to `max` characters at the last hyphen that fits, so no word is cut in half (unless one word alone is longer). */
function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const atBoundary = slug[max] === "-" ? max : slug.lastIndexOf("-", max);
  return (atBoundary > 0 ? slug.slice(0, atBoundary) : slug.slice(0, max)).replace(/-+$/g, "");
}

/**
 * URL slugs for articles: lower-case ASCII words joined by hyphens, at most `maxLength`
 * characters, cut at a word. Latin titles lose their accents as before ("Café" → "cafe");
 * a Chinese word becomes its toneless pinyin, syllables joined as Hanyu Pinyin writes a
 * word ("开源模型" → "kaiyuan-moxing"), which reads better than a hyphen per syllable and
 * keeps slugs short. Letters with no ASCII form (emoji, Cyrillic) are dropped; a title
 * with nothing left gives "article", so a slug is never empty.
 */
export function slugify(title: string, maxLength = SLUG_MAX_LENGTH): string {
  const slug = romanize(title.normalize("NFKD").replace(/\p{Mark}/gu, ""))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return cutAtWord(slug, maxLength) || "article";
}

/** Any slug an address may hold, old Chinese ones included (they live on as aliases). */
export const SLUG_PATTERN = /^[\p{Letter}\p{Number}]+(?:-[\p{Letter}\p{Number}]+)*$/u;

/** A slug an editor may give an article now: what slugify makes, ASCII only (a Chinese one would become a 170-character encoded URL). */
export const NEW_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
