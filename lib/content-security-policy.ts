/**
 * The Content Security Policy of every page.
 *
 * - Scripts: only those carrying the request's nonce, and what they load ('strict-dynamic').
 *   Reader pages stored for every reader get the same policy with the nonce replaced by the
 *   hashes of the page's own inline scripts and 'self' (server/script-hashes.mjs).
 *   Reader text is rendered by React as text, so this is the second line of defence against
 *   a stored XSS payload, not the first.
 * - Styles: 'unsafe-inline' stays, because React writes style attributes (chart widths,
 *   status colours), which a nonce cannot cover; styles cannot run code.
 * - Nothing is loaded from other origins: the app serves its own fonts and images, and
 *   makes no third-party requests.
 * - frame-ancestors 'none': the editor cannot be framed (clickjacking); X-Frame-Options says
 *   the same to older browsers.
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Next's development server evaluates code for hot reloading.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(options.development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}
