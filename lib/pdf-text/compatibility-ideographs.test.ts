import { describe, expect, it } from "vitest";
import { compatibilityRemap, isCompatibilityIdeograph, nfkcRemap } from "@/lib/pdf-text/compatibility-ideographs";
import { cmapEntries } from "@/lib/pdf-text/opentype-cmap";

/** A font file holding only a cmap table: a format 4 subtable (BMP) and a format 12 one (all planes). */
function fontWithCmap(map: [number, number][], { format12 = true } = {}): Uint8Array {
  const sorted = [...map].sort((a, b) => a[0] - b[0]);
  const bmp = sorted.filter(([cp]) => cp <= 0xfffe);
  // Format 4: one segment per code point (delta form), then the closing 0xFFFF segment.
  const segments = [...bmp.map(([cp, glyph]) => ({ start: cp, end: cp, delta: (glyph - cp) & 0xffff })), { start: 0xffff, end: 0xffff, delta: 1 }];
  const f4 = new DataView(new ArrayBuffer(16 + segments.length * 8));
  f4.setUint16(0, 4);
  f4.setUint16(2, f4.byteLength);
  f4.setUint16(6, segments.length * 2);
  segments.forEach((s, i) => {
    f4.setUint16(14 + i * 2, s.end);
    f4.setUint16(16 + segments.length * 2 + i * 2, s.start);
    f4.setUint16(16 + segments.length * 4 + i * 2, s.delta);
  });
  const f12 = new DataView(new ArrayBuffer(16 + sorted.length * 12));
  f12.setUint16(0, 12);
  f12.setUint32(4, f12.byteLength);
  f12.setUint32(12, sorted.length);
  sorted.forEach(([cp, glyph], i) => {
    f12.setUint32(16 + i * 12, cp);
    f12.setUint32(20 + i * 12, cp);
    f12.setUint32(24 + i * 12, glyph);
  });
  const header = new DataView(new ArrayBuffer(4 + 2 * 8));
  header.setUint16(2, format12 ? 2 : 1);
  header.setUint16(4, 3);
  header.setUint16(6, 1);
  header.setUint32(8, 20);
  header.setUint16(12, 3);
  header.setUint16(14, 10);
  header.setUint32(16, 20 + f4.byteLength);
  const cmap = new Uint8Array([...new Uint8Array(header.buffer), ...new Uint8Array(f4.buffer), ...(format12 ? new Uint8Array(f12.buffer) : [])]);
  const directory = new DataView(new ArrayBuffer(12 + 16));
  directory.setUint32(0, 0x4f54544f); // "OTTO"
  directory.setUint16(4, 1);
  [..."cmap"].forEach((c, i) => directory.setUint8(12 + i, c.charCodeAt(0)));
  directory.setUint32(20, 28);
  directory.setUint32(24, cmap.byteLength);
  return new Uint8Array([...new Uint8Array(directory.buffer), ...cmap]);
}

// As in Noto CJK SC: ⽰ shares 示's glyph, ⼾ shares 户's (not 戶's), ⻓ shares 长's; 𠀀 has its own.
const NOTO_LIKE: [number, number][] = [
  [0x2f70, 100],
  [0x793a, 100],
  [0x2f3e, 101],
  [0x6237, 101],
  [0x6236, 102],
  [0x2ed3, 103],
  [0x957f, 103],
  [0x2e80, 104],
  [0x20000, 105],
];

describe("compatibility ideographs", () => {
  it("reads a font's character map from its format 12 subtable, beyond the BMP too", () => {
    expect([...cmapEntries(fontWithCmap(NOTO_LIKE))].sort((a, b) => a[0] - b[0])).toEqual([...NOTO_LIKE].sort((a, b) => a[0] - b[0]));
  });

  it("reads a BMP-only font from its format 4 subtable", () => {
    const bmp = NOTO_LIKE.filter(([cp]) => cp <= 0xffff);
    expect([...cmapEntries(fontWithCmap(NOTO_LIKE, { format12: false }))].sort((a, b) => a[0] - b[0])).toEqual([...bmp].sort((a, b) => a[0] - b[0]));
  });

  it("maps each radical to the ideograph the font draws with the same glyph, not to NFKC's guess", () => {
    const remap = compatibilityRemap(cmapEntries(fontWithCmap(NOTO_LIKE)));
    expect(remap.get(0x2f70)).toBe(0x793a);
    // NFKC says 戶 U+6236; the glyph is 户 U+6237's.
    expect(remap.get(0x2f3e)).toBe(0x6237);
    // No NFKC mapping at all.
    expect(remap.get(0x2ed3)).toBe(0x957f);
    // A radical with a glyph of its own is a radical.
    expect(remap.has(0x2e80)).toBe(false);
  });

  it("prefers the NFKC ideograph when the font draws several alike", () => {
    const remap = compatibilityRemap([
      [0x2f08, 7],
      [0x4eba, 7],
      [0x4e00, 7],
    ]);
    expect(remap.get(0x2f08)).toBe(0x4eba);
  });

  it("knows the blocks, and falls back to NFKC without a font", () => {
    expect([0x2e80, 0x2f70, 0x2fdf, 0xf900, 0x2f800].every(isCompatibilityIdeograph)).toBe(true);
    expect([0x793a, 0x4e00, 0x20000, 0x3000].some(isCompatibilityIdeograph)).toBe(false);
    expect(nfkcRemap(0x2f70)).toBe(0x793a);
    expect(nfkcRemap(0x2ed3)).toBeNull();
  });
});
