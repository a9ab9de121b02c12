/**
 * An outside URL (a source, an archived copy, an article's original) as it is written into an
 * href, a feed or structured data. Stored URLs are kept as the editor typed them, and a browser
 * accepts `https://example.org/?q="x" y` in its address bar, but in markup a raw `"`, `<`, space
 * or non-ASCII character makes the attribute invalid (Nu: "Illegal character in query") or, in
 * a careless writer, ends it. Parsing and re-serialising (WHATWG URL) percent-encodes each of
 * them and writes the host in punycode; it means the same address to every client.
 *
 * Null unless the URL is absolute http(s): a javascript: URL from an old row or a restored
 * backup must never become a link. Callers show the text without a link then.
 */
export function linkHref(url: string | null | undefined): string | null {
  if (!url || !URL.canParse(url.trim())) return null;
  const parsed = new URL(url.trim());
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
}
