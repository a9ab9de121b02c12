import "server-only";
import { and, asc, eq, lte } from "drizzle-orm";
import { recordedCutoff, type TimeView } from "../../lib/as-of";
import type { Db } from "../client";
import { quantityObservations, sources } from "../schema";
import type { ObservationDto } from "../claims/public-claim-dto";

/**
 * Later values of a claim's figure, oldest first, each with its source. As of a day, those
 * observed on or before it (all known now); as published on a day, those recorded by its end.
 */
export async function loadObservations(db: Db, claimId: number, view: TimeView | null = null): Promise<ObservationDto[]> {
  const cutoff = recordedCutoff(view);
  return (await db
    .select({
      id: quantityObservations.id,
      value: quantityObservations.value,
      unit: quantityObservations.unit,
      observedOn: quantityObservations.observedOn,
      note: quantityObservations.note,
      sourceUrl: sources.url,
      sourceTitle: sources.title,
      sourceTitleLanguage: sources.titleLanguage,
      sourcePublisher: sources.publisher,
      sourceDate: sources.publishedDate,
      sourceArchive: sources.archivedUrl,
    })
    .from(quantityObservations)
    .leftJoin(sources, eq(sources.id, quantityObservations.sourceId))
    .where(
      and(
        eq(quantityObservations.claimId, claimId),
        cutoff ? lte(quantityObservations.recordedAt, cutoff) : undefined,
        view?.axis === "effective" ? lte(quantityObservations.observedOn, view.day) : undefined,
      ),
    )
    .orderBy(asc(quantityObservations.observedOn), asc(quantityObservations.id)))
    .map(({ sourceUrl, sourceTitle, sourceTitleLanguage, sourcePublisher, sourceDate, sourceArchive, ...o }) => ({
      ...o,
      source: sourceUrl ? { url: sourceUrl, title: sourceTitle, titleLanguage: sourceTitleLanguage, publisher: sourcePublisher, publishedDate: sourceDate, archivedUrl: sourceArchive } : null,
    }));
}
