import { deflateSync, inflateSync } from "node:zlib";
import { repairToUnicode } from "@/lib/pdf-text/to-unicode-cmap";

/**
 * Repairs the text layer of a PDF printed by Chromium: each font's ToUnicode CMap is read and,
 * where a glyph maps to a code point `remapFor(font)` replaces, rewritten. The PDF is changed
 * by an incremental update (the new CMaps and a new cross-reference section appended after the
 * old end), the way PDF editors save, so nothing before it moves and no offset needs fixing.
 *
 * Only the shape Skia (Chromium's PDF backend) writes is handled: one classic cross-reference
 * table, no object streams. Anything else is returned unchanged.
 */

type Remap = (codePoint: number) => number | null;

interface Parsed {
  text: string;
  offsets: Map<number, number>;
  trailer: string;
  startxref: number;
}

function parse(pdf: Buffer): Parsed | null {
  const text = pdf.toString("latin1");
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-64));
  if (!tail) return null;
  const startxref = Number(tail[1]);
  const trailerAt = text.indexOf("trailer", startxref);
  if (!text.startsWith("xref", startxref) || trailerAt < 0) return null;
  const trailer = /<<([\s\S]*?)>>\s*startxref/.exec(text.slice(trailerAt))?.[1];
  // An earlier section (/Prev) or a cross-reference stream: not what Skia writes.
  if (trailer === undefined || /\/Prev\b/.test(trailer)) return null;
  const offsets = new Map<number, number>();
  const table = text.slice(startxref + 4, trailerAt);
  const lines = table.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
  let next = 0;
  for (const line of lines) {
    const header = /^(\d+) (\d+)$/.exec(line);
    if (header) {
      next = Number(header[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(line);
    if (!entry) return null;
    if (entry[3] === "n") offsets.set(next, Number(entry[1]));
    next++;
  }
  return { text, offsets, trailer, startxref };
}

/** The dictionary of an object: its text from "N G obj" to its stream or its end. */
function objectHead(parsed: Parsed, num: number): string | null {
  const at = parsed.offsets.get(num);
  if (at === undefined) return null;
  const end = parsed.text.indexOf("endobj", at);
  const stream = parsed.text.indexOf("stream", at);
  return parsed.text.slice(at, stream >= 0 && stream < end ? stream : end);
}

function streamBytes(pdf: Buffer, parsed: Parsed, num: number): Buffer | null {
  const head = objectHead(parsed, num);
  const at = parsed.offsets.get(num);
  if (!head || at === undefined) return null;
  const length = /\/Length (\d+)(?! \d+ R)/.exec(head);
  if (!length) return null;
  let start = at + head.length + "stream".length;
  if (parsed.text[start] === "\r") start++;
  if (parsed.text[start] === "\n") start++;
  const raw = pdf.subarray(start, start + Number(length[1]));
  if (/\/Filter\s*\/FlateDecode/.test(head)) return inflateSync(raw);
  return /\/Filter/.test(head) ? null : raw;
}

function reference(head: string, key: string): number | null {
  const match = new RegExp(`/${key}\\s*(\\d+) 0 R`).exec(head);
  return match ? Number(match[1]) : null;
}

/** The font's PostScript name without a subset tag ("AAAAAA+NotoSansCJKsc-Regular" → "NotoSansCJKsc-Regular"). */
function fontName(parsed: Parsed, head: string): string | null {
  const descendant = /\/DescendantFonts\s*\[\s*(\d+) 0 R/.exec(head);
  const withDescriptor = descendant ? objectHead(parsed, Number(descendant[1])) ?? head : head;
  const descriptor = reference(withDescriptor, "FontDescriptor");
  const source = descriptor === null ? head : objectHead(parsed, descriptor) ?? "";
  const name = /\/(?:FontName|BaseFont)\s*\/([^\s/<>[\]()]+)/.exec(source)?.[1];
  if (!name) return null;
  return name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))).replace(/^[A-Z]{6}\+/, "");
}

export function repairPdfToUnicode(pdf: Buffer, remapFor: (fontName: string | null) => Remap): Buffer {
  const parsed = parse(pdf);
  if (!parsed) return pdf;
  const replaced = new Map<number, Buffer>();
  for (const num of parsed.offsets.keys()) {
    const head = objectHead(parsed, num);
    if (!head || !/\/Type\s*\/Font\b/.test(head)) continue;
    const toUnicode = reference(head, "ToUnicode");
    if (toUnicode === null || replaced.has(toUnicode)) continue;
    const cmap = streamBytes(pdf, parsed, toUnicode);
    if (!cmap) continue;
    const repaired = repairToUnicode(cmap.toString("latin1"), remapFor(fontName(parsed, head)));
    if (repaired !== null) replaced.set(toUnicode, deflateSync(Buffer.from(repaired, "latin1")));
  }
  if (replaced.size === 0) return pdf;

  const parts: Buffer[] = [pdf];
  let offset = pdf.length;
  const push = (chunk: Buffer | string) => {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "latin1") : chunk;
    parts.push(bytes);
    offset += bytes.length;
  };
  if (pdf[pdf.length - 1] !== 0x0a) push("\n");
  const written: [number, number][] = [];
  for (const [num, data] of replaced) {
    written.push([num, offset]);
    push(`${num} 0 obj\n<</Filter /FlateDecode\n/Length ${data.length}>> stream\n`);
    push(data);
    push("\nendstream\nendobj\n");
  }
  const xrefAt = offset;
  // One subsection per object keeps the table simple; readers accept any number of them.
  const sections = written.sort((a, b) => a[0] - b[0]).map(([num, at]) => `${num} 1\n${String(at).padStart(10, "0")} 00000 n \n`);
  const trailer = parsed.trailer.replace(/\s*$/, "");
  push(`xref\n${sections.join("")}trailer\n<<${trailer}\n/Prev ${parsed.startxref}>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat(parts);
}
