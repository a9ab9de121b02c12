import { deflateSync } from "node:zlib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { repairPdfToUnicode } from "@/lib/pdf-text/pdf-to-unicode";

/**
 * A one-page PDF laid out as Skia writes them (numbered objects, one classic cross-reference
 * table, a compressed ToUnicode CMap): "AB" in a font whose text map reads A as 演 and B as the
 * Kangxi radical ⽰, as Chromium's does for Noto CJK.
 */
function skiaLikePdf(): Buffer {
  const cmap = deflateSync(
    Buffer.from("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n2 beginbfchar\n<41> <6F14>\n<42> <2F70>\nendbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend", "latin1"),
  );
  const content = "BT /F1 24 Tf 72 720 Td (AB) Tj ET";
  const objects: (string | Buffer)[][] = [
    ["<</Type /Catalog\n/Pages 2 0 R>>"],
    ["<</Type /Pages\n/Kids [3 0 R]\n/Count 1>>"],
    ["<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 612 792]\n/Resources <</Font <</F1 4 0 R>>>>\n/Contents 5 0 R>>"],
    ["<</Type /Font\n/Subtype /Type1\n/BaseFont /Helvetica\n/FontDescriptor 7 0 R\n/ToUnicode 6 0 R>>"],
    [`<</Length ${content.length}>> stream\n${content}\nendstream`],
    [`<</Filter /FlateDecode\n/Length ${cmap.length}>> stream\n`, cmap, "\nendstream"],
    ["<</Type /FontDescriptor\n/FontName /AAAAAA+NotoSansCJKsc-Regular\n/Flags 4>>"],
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n", "latin1")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((pieces, i) => {
    offsets.push(length);
    for (const piece of [`${i + 1} 0 obj\n`, ...pieces, "\nendobj\n"]) {
      const bytes = typeof piece === "string" ? Buffer.from(piece, "latin1") : piece;
      parts.push(bytes);
      length += bytes.length;
    }
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R>>\nstartxref\n${length}\n%%EOF`;
  parts.push(Buffer.from(xref, "latin1"));
  return Buffer.concat(parts);
}

async function extract(pdf: Buffer): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const content = await (await document.getPage(1)).getTextContent();
  await document.destroy();
  return content.items.map((item) => ("str" in item ? item.str : "")).join("");
}

describe("repairing a printed PDF's text map", () => {
  it("makes the text extract as written, by an incremental update that leaves the original bytes in place", async () => {
    const original = skiaLikePdf();
    expect(await extract(original)).toBe("演⽰");
    const fonts: (string | null)[] = [];
    const repaired = repairPdfToUnicode(original, (font) => {
      fonts.push(font);
      return (cp) => (cp === 0x2f70 ? 0x793a : null);
    });
    expect(fonts).toEqual(["NotoSansCJKsc-Regular"]);
    expect(repaired.subarray(0, original.length).equals(original)).toBe(true);
    expect(repaired.toString("latin1")).toMatch(/\/Prev \d+>>\nstartxref\n\d+\n%%EOF\n$/);
    expect(await extract(repaired)).toBe("演示");
  });

  it("returns the very same PDF when nothing needs repair, or when its layout is not one it knows", () => {
    const original = skiaLikePdf();
    expect(repairPdfToUnicode(original, () => () => null)).toBe(original);
    const updated = repairPdfToUnicode(original, () => (cp) => (cp === 0x2f70 ? 0x793a : null));
    // Already incrementally updated (a /Prev chain): not Skia's layout, so left alone.
    expect(repairPdfToUnicode(updated, () => () => 0x4e00)).toBe(updated);
  });
});
