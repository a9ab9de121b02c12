import { francAll } from "franc-min";
import { createMemoCache } from "../memo-cache";
import { detectLanguage } from "./detect-language";

/** Below this many letters detectLanguage can only tell scripts apart (see MIN_LETTERS_FOR_TRIGRAMS there). */
const FEW_LETTERS = 20;
const LATIN_ONLY = /^[\P{L}\p{Script=Latin}]*$/u;
/**
 * A short sentence in plain ASCII is usually English on this desk, and trigrams of a headline
 * are a weak guess ("Microsoft extends its partnership with OpenAI" scores French 1.0, English
 * 0.81): English wins when it scores this close to the top. Accented letters keep the guess.
 */
const SHORT_TEXT_LETTERS = 80;
const ENGLISH_SCORE_FOR_SHORT_ASCII = 0.75;

/**
 * The language of a short text users wrote (a claim statement, quoted words, a rationale, a
 * source title), or null when there is nothing to tell (empty, or only figures and
 * punctuation, with no surrounding language given).
 *
 * `context` is the language around it (the article's, for its quotes): words without letters
 * ("2023", "¥270") take it, and so does a short Latin-script text in a Latin-script article
 * ("Le PIB a augmenté" is too short for trigrams, but in a French article it is French). A
 * short Latin text in a Chinese article stays English: names and terms quoted in Latin letters.
 */
export function detectTextLanguage(text: string | null | undefined, context?: string | null): string | null {
  const trimmed = text?.trim();
  if (!trimmed) return null;
  const letters = trimmed.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return context ?? null;
  let detected = detectLanguage(trimmed);
  if (detected !== "en" && letters < SHORT_TEXT_LETTERS && /^[\x20-\x7E\s]*$/.test(trimmed)) {
    const english = francAll(trimmed, { minLength: 1 }).find(([code]) => code === "eng");
    if (english && english[1] >= ENGLISH_SCORE_FOR_SHORT_ASCII) detected = "en";
  }
  const latinContext = context && !/^(zh|ja|ko)\b/.test(context);
  if (latinContext && letters < FEW_LETTERS && detected === "en" && LATIN_ONLY.test(trimmed)) return context;
  return detected;
}

/**
 * The BCP 47 tag to store for a text: the editor's choice when it is a well-formed tag, else
 * the detected one. Null without text (nothing to mark).
 */
export function languageToStore(text: string | null | undefined, chosen?: string | null, context?: string | null): string | null {
  if (!text?.trim()) return null;
  return canonicalLanguage(chosen) ?? detectTextLanguage(text, context);
}

/** "zh-hans" → "zh-Hans"; null when missing or not a BCP 47 tag. */
export function canonicalLanguage(tag: string | null | undefined): string | null {
  if (!tag?.trim()) return null;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0] ?? null;
  } catch {
    return null;
  }
}

// Rows written before migration 0016 have no stored language; readers detect it once per text.
const memo = createMemoCache(5000);
const detectMemoised = memo.wrap("text-language", (text: string, context: string | null) => detectTextLanguage(text, context));

/**
 * The `lang` attribute for user text on a page: its stored language, else (older rows, and
 * fields without a stored language such as a claimant's name) the detected one. Undefined
 * when nothing can be told, so the element inherits the page's language.
 */
export function langOf(text: string | null | undefined, stored?: string | null, context?: string | null): string | undefined {
  if (stored) return stored;
  if (!text?.trim()) return context ?? undefined;
  return detectMemoised(text, context ?? null) ?? undefined;
}

/** A paragraph in another script than its article's needs this many letters to be marked (not "GPT-4" alone on a line). */
const BLOCK_MIN_LETTERS = 12;

/**
 * The language of one block of an article when it plainly differs from the article's (an
 * English paragraph in a Chinese article, a Chinese one in an English article), else
 * undefined: the block inherits the article's. Only a block whose script contradicts the
 * article's is run through the detector, so a long article costs a few regular expressions.
 */
export function blockLanguage(text: string, articleLanguage: string | undefined): string | undefined {
  if (!articleLanguage) return undefined;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters < BLOCK_MIN_LETTERS) return undefined;
  const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)?.length ?? 0;
  const cjkArticle = /^(zh|ja|ko)\b/.test(articleLanguage);
  const contradicts = cjkArticle ? cjk === 0 : cjk / letters >= 0.3;
  if (!contradicts) return undefined;
  const detected = detectTextLanguage(text);
  return detected && detected !== articleLanguage ? detected : undefined;
}
