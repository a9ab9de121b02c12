/**
 * The article's rendered text: the string that mention anchors index into. Today bodies are
 * plain text, where the rendered text is the body with normalised line endings; Markdown and
 * HTML bodies will render to text through the same function so offsets stay comparable.
 */
export function articleText(body: string): string {
  return body.replace(/\r\n?/g, "\n");
}

/** Splits plain text into paragraphs on blank lines, keeping each paragraph's code point offset. */
export function paragraphsWithOffsets(text: string): { text: string; start: number }[] {
  const paragraphs: { text: string; start: number }[] = [];
  let offset = 0;
  for (const block of text.split(/(\n\s*\n)/)) {
    const length = Array.from(block).length;
    if (!/^\n\s*\n$/.test(block) && block.trim() !== "") paragraphs.push({ text: block, start: offset });
    offset += length;
  }
  return paragraphs;
}
