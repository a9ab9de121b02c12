import { describe, expect, it } from "vitest";
import { parseToUnicode, repairToUnicode } from "@/lib/pdf-text/to-unicode-cmap";

// The shape Skia writes, with a bfrange of each form added.
const CMAP = `/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
2 beginbfchar
<0A> <6F14>
<0B> <2F70>
endbfchar
2 beginbfrange
<10> <12> <2F00>
<20> <21> [<D840DC00> <2ED3>]
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`;

const KANGXI_TO_UNIFIED = new Map([
  [0x2f70, 0x793a],
  [0x2f00, 0x4e00],
  [0x2ed3, 0x957f],
]);

describe("ToUnicode CMaps", () => {
  it("reads single codes, counting ranges and listed ranges, surrogate pairs included", () => {
    const map = parseToUnicode(CMAP);
    expect(Object.fromEntries([...map].map(([code, cps]) => [code, String.fromCodePoint(...cps)]))).toEqual({
      "0A": "演",
      "0B": "⽰",
      "10": "⼀",
      "11": "⼁",
      "12": "⼂",
      "20": "\u{20000}",
      "21": "⻓",
    });
  });

  it("maps look-alike radicals back to the ideographs and keeps everything else", () => {
    const repaired = repairToUnicode(CMAP, (cp) => KANGXI_TO_UNIFIED.get(cp) ?? null);
    expect(repaired).not.toBeNull();
    const map = parseToUnicode(repaired!);
    expect(String.fromCodePoint(...map.get("0A")!)).toBe("演");
    expect(String.fromCodePoint(...map.get("0B")!)).toBe("示");
    expect(String.fromCodePoint(...map.get("10")!)).toBe("一");
    expect(String.fromCodePoint(...map.get("11")!)).toBe("⼁");
    expect(String.fromCodePoint(...map.get("20")!)).toBe("\u{20000}");
    expect(String.fromCodePoint(...map.get("21")!)).toBe("长");
    // The header and code space stay as they were.
    expect(repaired).toContain("<00> <FF>\nendcodespacerange");
    expect(repaired).toMatch(/endcmap\nCMapName currentdict/);
  });

  it("leaves a CMap with nothing to repair alone", () => {
    expect(repairToUnicode(CMAP, () => null)).toBeNull();
  });

  it("writes at most 100 entries per section, as the CMap format requires", () => {
    const many = CMAP.replace("<10> <12> <2F00>", "<00> <FF> <2F00>");
    const repaired = repairToUnicode(many, (cp) => KANGXI_TO_UNIFIED.get(cp) ?? null)!;
    const counts = [...repaired.matchAll(/(\d+) beginbfchar/g)].map((m) => Number(m[1]));
    expect(Math.max(...counts)).toBeLessThanOrEqual(100);
    expect(counts.reduce((a, b) => a + b)).toBe(parseToUnicode(many).size);
  });
});
