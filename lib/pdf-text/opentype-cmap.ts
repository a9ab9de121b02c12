/**
 * Reads the character map (code point → glyph id) of one face of an OpenType or TrueType font
 * file or collection (.otf, .ttf, .ttc). Only what the PDF text repair needs: the Unicode
 * subtables in formats 12 (full Unicode) and 4 (the Basic Multilingual Plane).
 */

function tableOffset(view: DataView, faceStart: number, tag: string): number | null {
  const numTables = view.getUint16(faceStart + 4);
  for (let i = 0; i < numTables; i++) {
    const record = faceStart + 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(record), view.getUint8(record + 1), view.getUint8(record + 2), view.getUint8(record + 3));
    if (name === tag) return view.getUint32(record + 8);
  }
  return null;
}

function faceStart(view: DataView, faceIndex: number): number {
  const isCollection = view.getUint32(0) === 0x74746366; // "ttcf"
  if (!isCollection) return 0;
  const numFonts = view.getUint32(8);
  if (faceIndex >= numFonts) throw new Error(`The font collection has ${numFonts} faces, not ${faceIndex + 1}.`);
  return view.getUint32(12 + faceIndex * 4);
}

/** Every (code point, glyph id) pair of the face's best Unicode character map. */
export function* cmapEntries(font: Uint8Array, faceIndex = 0): Generator<[codePoint: number, glyphId: number]> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const cmap = tableOffset(view, faceStart(view, faceIndex), "cmap");
  if (cmap === null) return;
  const subtables: { platform: number; encoding: number; offset: number; format: number }[] = [];
  for (let i = 0; i < view.getUint16(cmap + 2); i++) {
    const record = cmap + 4 + i * 8;
    const offset = cmap + view.getUint32(record + 4);
    subtables.push({ platform: view.getUint16(record), encoding: view.getUint16(record + 2), offset, format: view.getUint16(offset) });
  }
  const unicode = (s: (typeof subtables)[number]) => s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const best = subtables.find((s) => unicode(s) && s.format === 12) ?? subtables.find((s) => unicode(s) && s.format === 4);
  if (!best) return;
  if (best.format === 12) {
    const groups = view.getUint32(best.offset + 12);
    for (let g = 0; g < groups; g++) {
      const group = best.offset + 16 + g * 12;
      const first = view.getUint32(group);
      const last = view.getUint32(group + 4);
      const glyph = view.getUint32(group + 8);
      for (let cp = first; cp <= last; cp++) yield [cp, glyph + (cp - first)];
    }
    return;
  }
  const segCount = view.getUint16(best.offset + 6) / 2;
  const ends = best.offset + 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const rangeOffsets = deltas + segCount * 2;
  for (let s = 0; s < segCount; s++) {
    const start = view.getUint16(starts + s * 2);
    const end = view.getUint16(ends + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeOffset = view.getUint16(rangeOffsets + s * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const at = rangeOffsets + s * 2 + rangeOffset + (cp - start) * 2;
        glyph = view.getUint16(at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) yield [cp, glyph];
    }
  }
}
