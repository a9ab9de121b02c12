/**
 * URL slugs for articles. Latin text becomes kebab-case ASCII; titles with no Latin
 * letters (a Chinese headline) keep their characters, which browsers show and
 * percent-encode correctly, so a slug is never empty.
 */
export function slugify(title: string, maxLength = 80): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
  const trimmed = Array.from(slug).slice(0, maxLength).join("").replace(/-+$/g, "");
  return trimmed || "article";
}

export const SLUG_PATTERN = /^[\p{Letter}\p{Number}]+(?:-[\p{Letter}\p{Number}]+)*$/u;
