import { franc } from "franc-min";

/** franc's ISO 639-3 answers, as the ISO 639-1 codes BCP 47 prefers. Unlisted answers fall back. */
const ISO_639_1: Record<string, string> = {
  eng: "en", spa: "es", por: "pt", fra: "fr", deu: "de", ita: "it", nld: "nl", swe: "sv",
  pol: "pl", ces: "cs", ron: "ro", hun: "hu", hrv: "hr", bos: "bs", srp: "sr", tur: "tr",
  ind: "id", zlm: "ms", jav: "jv", sun: "su", vie: "vi", tgl: "tl", swh: "sw", hau: "ha",
  yor: "yo", ibo: "ig", zul: "zu", som: "so", kin: "rw", lin: "ln", run: "rn", nya: "ny",
  plt: "mg", rus: "ru", ukr: "uk", bel: "be", bul: "bg", kaz: "kk", uzn: "uz", azj: "az",
  arb: "ar", urd: "ur", pes: "fa", hin: "hi", mar: "mr", npi: "ne", ben: "bn", tel: "te",
  tam: "ta", guj: "gu", kan: "kn", mal: "ml", pan: "pa", mya: "my", amh: "am", tha: "th",
  sin: "si", ell: "el", jpn: "ja", kor: "ko",
};

/**
 * Characters that exist only in traditional Chinese (their simplified forms are listed
 * alongside). Counting both sides lets a simplified article quoting a Taiwanese source stay
 * zh-Hans.
 */
const TRADITIONAL_ONLY = "這們國說與為會時個來對過還學發經點實現開關當見東車長門問題區讓從電話書買賣體認頭萬兩幾應該聽覺邊進總務無處義視歡";
const SIMPLIFIED_ONLY = "这们国说与为会时个来对过还学发经点实现开关当见东车长门问题区让从电话书买卖体认头万两几应该听觉边进总务无处义视欢";

/**
 * Below this many letters franc's trigram guess is noise (it calls "Hello world" Dutch); only
 * answers that follow from the script alone are trusted then.
 */
const MIN_LETTERS_FOR_TRIGRAMS = 20;
/** Languages franc-min identifies by their script alone, with no trigram guessing. */
const SCRIPT_UNIQUE = new Set(["kor", "tha", "ell", "ben", "tel", "tam", "guj", "kan", "mal", "mya", "pan", "amh", "sin"]);
/** Chinese articles name people and companies in Latin letters; Han this dense still means Chinese. */
const HAN_SHARE_FOR_CHINESE = 0.3;

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function chineseScript(text: string): "zh-Hans" | "zh-Hant" {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (TRADITIONAL_ONLY.includes(ch)) traditional++;
    else if (SIMPLIFIED_ONLY.includes(ch)) simplified++;
  }
  return traditional > simplified ? "zh-Hant" : "zh-Hans";
}

/** Guesses the BCP 47 tag of an article's text; never fails, defaulting to English. */
export function detectLanguage(text: string): string {
  const letters = count(text, /\p{L}/gu);
  const han = count(text, /\p{Script=Han}/gu);
  const kana = count(text, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu);
  if (letters === 0) return "en";
  // Japanese mixes kanji with kana; Chinese has (almost) no kana.
  if (kana > 0 && kana >= (han + kana) * 0.1) return "ja";
  if (han / letters >= HAN_SHARE_FOR_CHINESE) return chineseScript(text);

  const guess = franc(text, { minLength: 1 });
  if (letters < MIN_LETTERS_FOR_TRIGRAMS && !SCRIPT_UNIQUE.has(guess)) return "en";
  // franc-min often reads Russian as Ukrainian; Ukrainian has letters Russian lacks.
  if (guess === "ukr" && !/[іїєґІЇЄҐ]/u.test(text)) return "ru";
  return ISO_639_1[guess] ?? "en";
}

/**
 * Turns a page's declared language (<html lang>) into the tag Claimline stores, or null if
 * it is missing or malformed. Chinese is told apart by script, not region: zh-CN becomes
 * zh-Hans, zh-TW zh-Hant, and a bare "zh" is settled from the text. A declaration that
 * contradicts clearly Chinese text is a template default and loses to the text.
 */
export function languageFromDeclared(declared: string | null | undefined, text: string): string | null {
  if (!declared?.trim()) return null;
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(Intl.getCanonicalLocales(declared.trim())[0]!);
  } catch {
    return null;
  }
  const detected = detectLanguage(text);
  if (locale.language !== "zh") return detected.startsWith("zh") ? detected : locale.toString();
  if (locale.script === "Hans" || locale.script === "Hant") return `zh-${locale.script}`;
  if (["CN", "SG", "MY"].includes(locale.region ?? "")) return "zh-Hans";
  if (["TW", "HK", "MO"].includes(locale.region ?? "")) return "zh-Hant";
  return detected.startsWith("zh") ? detected : "zh-Hans";
}
