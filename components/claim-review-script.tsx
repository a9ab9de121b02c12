import type { PublicClaimDto } from "@/db/claims/public-claim-dto";
import { siteUrl } from "@/db/site-url";
import type { StatusDto } from "@/db/statuses/list-statuses";
import { claimReviewJsonLd, serializeJsonLd } from "@/lib/claim-review";

/**
 * The claim's schema.org ClaimReview as JSON-LD, for search engines and fact-check aggregators.
 * A server component: it reads the public base URL, and sends no JavaScript.
 */
export function ClaimReviewScript({ claim, status, publisherName = "Claimline" }: { claim: PublicClaimDto; status: StatusDto; publisherName?: string }) {
  const jsonLd = claimReviewJsonLd(claim, status, { siteUrl: siteUrl(), publisherName });
  return (
    <script
      type="application/ld+json"
      // The one sanctioned raw-HTML insertion: React would entity-escape children, which JSON-LD
      // parsers do not undo, and serializeJsonLd escapes every character that could end the tag.
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(jsonLd) }}
    />
  );
}
