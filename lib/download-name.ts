import { encodeExtended } from "content-disposition";
import { NEW_SLUG_PATTERN, slugify } from "./slug";

/** Long enough for a headline, short enough for every file system (255 bytes) once UTF-8 triples a Chinese character. */
const NAME_MAX_CHARACTERS = 60;

/**
 * A title made safe as a file name on Windows, macOS and Linux: no path separators, none of
 * \ : * ? " < > |, no control or invisible format characters (a right-to-left override could
 * disguise ".exe"), spaces collapsed, no leading or trailing dots or spaces. Chinese and other
 * letters stay as written.
 */
export function safeFileStem(title: string): string {
  const cleaned = title
    .normalize("NFC")
    .replace(/[/\\:*?"<>|\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  return Array.from(cleaned).slice(0, NAME_MAX_CHARACTERS).join("").replace(/^[.\s]+|[.\s]+$/g, "");
}

export interface DownloadName {
  /** What the browser saves the file as: the title as written ("OpenAI 发布开放权重模型-events.csv"). */
  name: string;
  /** For clients that read only `filename=`: the pinyin slug ("openai-fabu-kaifang-quan-zhong-moxing-events.csv"). */
  ascii: string;
}

/**
 * The name of a download from what it is about (an article's title, "desk") and what it is
 * ("events", "report" …): `{title}-{suffix}{extension}`, `extension` with its dot. The ASCII
 * name starts with `slug` (the article's own, so it names the same address) or the title's.
 */
export function downloadName(title: string, suffix: string, extension: string, slug?: string): DownloadName {
  const stem = safeFileStem(title) || "claimline";
  const asciiStem = slug && NEW_SLUG_PATTERN.test(slug) ? slug : slugify(title);
  return { name: `${stem}-${suffix}${extension}`, ascii: `${asciiStem}-${suffix}${extension}` };
}

/**
 * The Content-Disposition header of a download, per RFC 6266: `filename="…"` in plain ASCII
 * for old clients and `filename*=UTF-8''…` (RFC 8187, encoded by content-disposition) with the
 * name as written, which browsers prefer. The fallback is always quoted (the package leaves a
 * token bare, which some old clients misread).
 */
export function attachmentHeader({ name, ascii }: DownloadName): string {
  const fallback = `filename="${ascii.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "\\$&")}"`;
  return name === ascii ? `attachment; ${fallback}` : `attachment; ${fallback}; filename*=${encodeExtended(name)}`;
}
