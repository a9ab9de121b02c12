import type { ReactNode } from "react";
import { linkHref } from "@/lib/link-href";

/**
 * A link to somewhere outside the desk (a source, an archived copy, an article's original),
 * written percent-encoded (lib/link-href.ts) so the href is valid whatever the editor typed.
 * Not an http(s) URL: the text alone, never a link.
 */
export function ExternalLink({ url, className, children }: { url: string | null | undefined; className?: string; children?: ReactNode }) {
  const href = linkHref(url);
  if (href === null) return <>{children}</>;
  return (
    <a href={href} rel="noopener noreferrer nofollow" className={className}>
      {children}
    </a>
  );
}
