import sanitizeHtml from "sanitize-html";

/**
 * The allowlist every HTML body passes through before it is turned into blocks (and before a
 * fetched page's HTML is stored). URLs are checked twice: by safeUrl here and by
 * sanitize-html's own scheme filter; the walker in from-html.ts checks them once more.
 */

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];
const TEXT_BLOCKS = ["p", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "hr", "address"];
const CONTAINERS = ["div", "section", "article", "main", "header", "footer", "aside", "figure", "figcaption", "center", "details", "summary"];
const TABLES = ["table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th"];
const INLINES = ["br", "span", "a", "img", "strong", "b", "em", "i", "code", "kbd", "samp", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "cite", "q", "time"];

/**
 * Disallowed tags are normally unwrapped (their text kept, e.g. <font>). These are dropped
 * together with everything inside them: their content is code, styling, form state or
 * fallback markup, never article text.
 */
const DROPPED_WITH_CONTENT = [
  "script", "style", "noscript", "template", "textarea", "option", "select", "button", "xmp",
  "iframe", "frame", "frameset", "noframes", "object", "embed", "applet", "noembed",
  "svg", "math", "canvas", "audio", "video", "head", "title", "plaintext",
];

export const LINK_SCHEMES = ["http:", "https:", "mailto:"] as const;
export const IMAGE_SCHEMES = ["http:", "https:"] as const;

/**
 * The URL normalised, if it is absolute and uses one of `schemes`; otherwise undefined.
 * Relative URLs are refused too: a body has no page to resolve them against (the fetcher
 * resolves them before sanitizing), and a "relative" URL is how odd quoting sneaks a
 * javascript: string past scheme checks.
 */
export function safeUrl(value: string | undefined, schemes: readonly string[]): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function withSafeUrl(attribs: sanitizeHtml.Attributes, attribute: string, url: string | undefined): sanitizeHtml.Attributes {
  const { [attribute]: _dropped, ...rest } = attribs;
  return url === undefined ? rest : { ...rest, [attribute]: url };
}

/**
 * Lazy-loading pages (WeChat among them) put the real image in data-src and a placeholder
 * (a data: URL, a blank GIF) or nothing in src; promote data-src so the real picture
 * survives the allowlist.
 */
function imageTag(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const lazy = safeUrl(attribs["data-src"] ?? attribs["data-original"], IMAGE_SCHEMES);
  const src = lazy ?? safeUrl(attribs.src, IMAGE_SCHEMES);
  return { tagName, attribs: withSafeUrl(attribs, "src", src) };
}

function linkTag(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  return { tagName, attribs: withSafeUrl(attribs, "href", safeUrl(attribs.href, LINK_SCHEMES)) };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...HEADINGS, ...TEXT_BLOCKS, ...CONTAINERS, ...TABLES, ...INLINES],
  allowedAttributes: { a: ["href"], img: ["src", "alt"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: { img: imageTag, a: linkTag },
  // Elements nested deeper than this are unwrapped (their text kept), which bounds the walker's recursion.
  nestingLimit: 100,
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
