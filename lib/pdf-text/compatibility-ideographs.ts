/**
 * Code points that look like ideographs but are not the ones a Chinese writer types: the CJK
 * Radicals Supplement and Kangxi Radicals (U+2E80–U+2FDF) and the CJK Compatibility
 * Ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F). Fonts such as Noto CJK draw many of them with
 * the same glyph as the ideograph (⽰ U+2F70 and 示 U+793A), and a PDF whose text map names
 * the glyph by the lower code point turns "演示" into "演⽰" when copied or searched.
 */
export function isCompatibilityIdeograph(codePoint: number): boolean {
  return (codePoint >= 0x2e80 && codePoint <= 0x2fdf) || (codePoint >= 0xf900 && codePoint <= 0xfaff) || (codePoint >= 0x2f800 && codePoint <= 0x2fa1f);
}

/** A ideograph of the unified blocks (and their extensions), which is what text is written in. */
function isUnifiedIdeograph(codePoint: number): boolean {
  return /\p{Unified_Ideograph}/u.test(String.fromCodePoint(codePoint));
}

/**
 * For a font's character map, the code point each compatibility code point should be read as:
 * another code point the font draws with the very same glyph, preferring a unified ideograph
 * and, among several, the one NFKC names (else the lowest). This is the font's own answer, so
 * it is right where a fixed table is not: Noto CJK SC draws ⼾ U+2F3E as 户 U+6237, while
 * NFKC says 戶 U+6236, and ⻓ U+2ED3 (长 U+957F) has no NFKC mapping at all.
 */
export function compatibilityRemap(entries: Iterable<[codePoint: number, glyphId: number]>): Map<number, number> {
  const compatibilityGlyphs = new Map<number, number[]>();
  const all: [number, number][] = [];
  for (const [codePoint, glyph] of entries) {
    all.push([codePoint, glyph]);
    if (isCompatibilityIdeograph(codePoint)) compatibilityGlyphs.set(glyph, [...(compatibilityGlyphs.get(glyph) ?? []), codePoint]);
  }
  const sharers = new Map<number, number[]>();
  for (const [codePoint, glyph] of all) {
    if (isCompatibilityIdeograph(codePoint) || !compatibilityGlyphs.has(glyph)) continue;
    sharers.set(glyph, [...(sharers.get(glyph) ?? []), codePoint]);
  }
  const remap = new Map<number, number>();
  for (const [glyph, compatibles] of compatibilityGlyphs) {
    const candidates = sharers.get(glyph);
    if (!candidates) continue;
    for (const compatible of compatibles) {
      const nfkc = String.fromCodePoint(compatible).normalize("NFKC").codePointAt(0)!;
      const unified = candidates.filter(isUnifiedIdeograph);
      const pool = unified.length > 0 ? unified : candidates;
      remap.set(compatible, pool.includes(nfkc) ? nfkc : Math.min(...pool));
    }
  }
  return remap;
}

/** Without the font's map: NFKC where it leads out of the compatibility blocks (right for most Kangxi radicals). */
export function nfkcRemap(codePoint: number): number | null {
  const nfkc = String.fromCodePoint(codePoint).normalize("NFKC");
  const target = nfkc.codePointAt(0)!;
  return [...nfkc].length === 1 && !isCompatibilityIdeograph(target) ? target : null;
}
