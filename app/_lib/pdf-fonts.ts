import "server-only";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { compatibilityRemap, nfkcRemap } from "@/lib/pdf-text/compatibility-ideographs";
import { cmapEntries } from "@/lib/pdf-text/opentype-cmap";
import { repairPdfToUnicode } from "@/lib/pdf-text/pdf-to-unicode";

/**
 * What the server's fonts say, through fontconfig (which Chromium itself uses to find fonts):
 * the font file behind a PDF font name, and which characters no installed font can draw.
 * Both are read once per process; fonts are installed with the system, not while it runs.
 */

function fontconfig(args: string[]): string | null {
  try {
    return execFileSync("fc-list", args, { encoding: "utf8", timeout: 10_000, stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
}

const remaps = new Map<string, Map<number, number> | null>();

/** The compatibility remap of the installed font with this PostScript name, or null when fontconfig cannot find it. */
function fontRemap(postscriptName: string): Map<number, number> | null {
  if (remaps.has(postscriptName)) return remaps.get(postscriptName)!;
  let remap: Map<number, number> | null = null;
  // A name with fontconfig's own syntax characters is not one of ours to look up.
  const found = /^[\w.-]+$/.test(postscriptName) ? fontconfig([`:postscriptname=${postscriptName}`, "--format", "%{file}\t%{index}\n"]) : null;
  const [file, index] = found?.split("\n")[0]?.split("\t") ?? [];
  if (file) {
    try {
      remap = compatibilityRemap(cmapEntries(fs.readFileSync(file), Number(index) || 0));
    } catch (error) {
      console.error(`Claimline: could not read the character map of ${file}:`, error);
    }
  }
  remaps.set(postscriptName, remap);
  return remap;
}

/**
 * Chromium's PDF text map names a glyph by the lowest code point the font maps to it, so the
 * Noto CJK glyph shared by 示 U+793A and the Kangxi radical ⽰ U+2F70 reads back as ⽰ and
 * copying or searching "演示" in the PDF fails. This maps every such entry back to the ideograph
 * the font draws with the same glyph.
 *
 * Weighed against the alternatives: a font without the radical entries in its cmap would need
 * a modified copy of Noto CJK (tens of megabytes, a font tool at build time, and an @font-face
 * that the HTML report readers print from does not want); a fixed NFKC table is wrong for
 * simplified Chinese (NFKC turns ⼾ into 戶, where Noto CJK SC draws 户, and has nothing for
 * ⻓ 长). The font's own map is the one answer that matches what was drawn. The price: a
 * radical written as a radical (rare in prose) reads back as its ideograph when the font draws
 * both alike.
 */
export function repairPdfText(pdf: Buffer): Buffer {
  return repairPdfToUnicode(pdf, (name) => {
    const remap = name ? fontRemap(name) : null;
    return remap ? (codePoint) => remap.get(codePoint) ?? null : nfkcRemap;
  });
}

let coverage: [number, number][] | null = null;

/** The code point ranges that some installed font draws (fontconfig's charsets, merged). */
function installedCoverage(): [number, number][] {
  if (coverage) return coverage;
  const ranges: [number, number][] = [];
  for (const token of (fontconfig(["--format", "%{charset}\n"]) ?? "").split(/\s+/)) {
    const [, first, last] = /^([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(token) ?? [];
    if (first) ranges.push([parseInt(first, 16), parseInt(last ?? first, 16)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  coverage = merged;
  return merged;
}

function covered(ranges: [number, number][], codePoint: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid]!;
    if (codePoint < first) hi = mid - 1;
    else if (codePoint > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The characters of `text` that no installed font can draw, each once, in order of first use:
 * Chromium would print them as empty boxes. Empty when fontconfig is not there to ask (then
 * nothing can be said either way).
 */
export function unprintableCharacters(text: string): string[] {
  const ranges = installedCoverage();
  if (ranges.length === 0) return [];
  const missing = new Set<string>();
  for (const char of text) {
    if (/[\p{White_Space}\p{Cc}\p{Cf}\p{M}]/u.test(char)) continue;
    if (!covered(ranges, char.codePointAt(0)!)) missing.add(char);
  }
  return [...missing];
}
