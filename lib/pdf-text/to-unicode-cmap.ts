/**
 * Rewrites a PDF ToUnicode CMap (the map a PDF reader uses to turn drawn glyphs back into
 * text) so that no glyph reads as a compatibility ideograph when the font says what it is.
 */

const HEX = /<([0-9A-Fa-f]*)>/g;

function codePointsOfUtf16Hex(hex: string): number[] {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return [...String.fromCharCode(...units)].map((c) => c.codePointAt(0)!);
}

function utf16Hex(codePoints: number[]): string {
  const text = String.fromCodePoint(...codePoints);
  let hex = "";
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return hex;
}

function addToHex(hex: string, n: number): string {
  return (BigInt(`0x${hex}`) + BigInt(n)).toString(16).toUpperCase().padStart(hex.length, "0");
}

/** Each source code (as hex, its width kept) and the text it stands for, from bfchar and bfrange sections. */
export function parseToUnicode(cmap: string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (const [, body = ""] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    const hexes = [...body.matchAll(HEX)].map((m) => m[1] ?? "");
    for (let i = 0; i + 1 < hexes.length; i += 2) map.set(hexes[i]!.toUpperCase(), codePointsOfUtf16Hex(hexes[i + 1]!));
  }
  for (const [, body = ""] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    // Each entry: <lo> <hi> <first destination> or <lo> <hi> [<d1> <d2> ...].
    for (const [, lo = "", hi = "", dest = "", list] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(?:<([0-9A-Fa-f]*)>|\[([^\]]*)\])/g)) {
      const count = parseInt(hi, 16) - parseInt(lo, 16) + 1;
      const listed = list === undefined ? null : [...list.matchAll(HEX)].map((m) => m[1] ?? "");
      for (let i = 0; i < count; i++) {
        const code = addToHex(lo.toUpperCase(), i);
        if (listed) {
          const listedDest = listed[i];
          if (listedDest !== undefined) map.set(code, codePointsOfUtf16Hex(listedDest));
          continue;
        }
        // A range's destination counts up in its last UTF-16 unit.
        const units = dest.length >= 4 ? dest : dest.padStart(4, "0");
        map.set(code, codePointsOfUtf16Hex(units.slice(0, -4) + addToHex(units.slice(-4), i).slice(-4)));
      }
    }
  }
  return map;
}

/** The CMap again, with its header and code space as they were and every mapping as one bfchar entry. */
export function serializeToUnicode(original: string, map: Map<string, number[]>): string {
  const start = original.search(/\d+\s+begin(bfchar|bfrange)/);
  const end = original.lastIndexOf("endcmap");
  if (start < 0 || end < 0) return original;
  const entries = [...map];
  const blocks: string[] = [];
  // A CMap section holds at most 100 entries.
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    blocks.push(`${chunk.length} beginbfchar\n${chunk.map(([code, cps]) => `<${code}> <${utf16Hex(cps)}>`).join("\n")}\nendbfchar\n`);
  }
  return original.slice(0, start) + blocks.join("") + original.slice(end);
}

/**
 * The CMap with each mapped code point replaced by `remap`'s answer, or null when nothing
 * changed (so the PDF is left alone).
 */
export function repairToUnicode(cmap: string, remap: (codePoint: number) => number | null): string | null {
  const map = parseToUnicode(cmap);
  let changed = false;
  for (const [code, codePoints] of map) {
    const repaired = codePoints.map((cp) => remap(cp) ?? cp);
    if (repaired.some((cp, i) => cp !== codePoints[i])) {
      map.set(code, repaired);
      changed = true;
    }
  }
  return changed ? serializeToUnicode(cmap, map) : null;
}
