import "server-only";
import { isIsoDay } from "../dates";

export interface PageMetadata {
  /** <html lang>, or a Content-Language / og:locale declaration. */
  declaredLanguage: string | null;
  /** YYYY-MM-DD, as the page states it. */
  publishedDate: string | null;
  siteName: string | null;
  author: string | null;
}

/**
 * The calendar day of a published-time string. The date is taken as written ("2024-03-05T23:30+08:00"
 * is the 5th, the day the outlet printed) rather than converted to UTC, which could move it.
 */
export function isoDayOf(value: string | null | undefined): string | null {
  if (!value) return null;
  const text = value.trim();
  const written = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text);
  if (written) {
    const day = `${written[1]}-${written[2]!.padStart(2, "0")}-${written[3]!.padStart(2, "0")}`;
    return isIsoDay(day) ? day : null;
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10);
}

/** <meta> content keyed by lower-cased property, name, itemprop or http-equiv; the first one wins. */
function metaContents(document: Document): Map<string, string> {
  const contents = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll("meta"))) {
    const content = meta.getAttribute("content")?.trim();
    if (!content) continue;
    for (const attribute of ["property", "name", "itemprop", "http-equiv"]) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !contents.has(key)) contents.set(key, content);
    }
  }
  return contents;
}

/** Finds the first value of `key` anywhere in JSON-LD (objects, arrays and @graph alike). */
function findInJsonLd(value: unknown, key: string): unknown {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findInJsonLd(item, key);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value === null || typeof value !== "object") return undefined;
  const record = value as Record<string, unknown>;
  if (record[key] !== undefined) return record[key];
  return findInJsonLd(Object.values(record), key);
}

function jsonLd(document: Document): unknown[] {
  const blocks: unknown[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      blocks.push(JSON.parse(script.textContent ?? ""));
    } catch {
      // Broken JSON-LD is common and harmless: the other sources still apply.
    }
  }
  return blocks;
}

function asText(value: unknown): string | null {
  if (typeof value === "string") return value.trim() || null;
  if (Array.isArray(value)) return asText(value[0]);
  if (value !== null && typeof value === "object") return asText((value as Record<string, unknown>).name);
  return null;
}

function timeElementDate(document: Document): string | null {
  const time =
    document.querySelector("article time[datetime]") ??
    document.querySelector("time[pubdate][datetime]") ??
    document.querySelector("time[datetime]");
  return isoDayOf(time?.getAttribute("datetime"));
}

/** Reads what the page says about itself; call it before Readability, which strips the head and scripts. */
export function readPageMetadata(document: Document): PageMetadata {
  const meta = metaContents(document);
  const ld = jsonLd(document);
  const ogLocale = meta.get("og:locale")?.replace("_", "-");

  const publishedDate =
    isoDayOf(meta.get("article:published_time")) ??
    isoDayOf(meta.get("og:published_time")) ??
    isoDayOf(asText(findInJsonLd(ld, "datePublished"))) ??
    isoDayOf(meta.get("datepublished")) ??
    isoDayOf(meta.get("pubdate")) ??
    isoDayOf(meta.get("publishdate")) ??
    timeElementDate(document);

  return {
    declaredLanguage: document.documentElement?.getAttribute("lang") || meta.get("content-language") || ogLocale || null,
    publishedDate,
    siteName: meta.get("og:site_name") ?? asText(findInJsonLd(ld, "publisher")) ?? null,
    author: meta.get("author") ?? asText(findInJsonLd(ld, "author")) ?? null,
  };
}
