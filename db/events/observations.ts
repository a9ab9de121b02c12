import "server-only";
import { and, asc, eq, lte } from "drizzle-orm";
import { endOfDayMs } from "../../lib/as-of";
import type { Db } from "../client";
import { quantityObservations, sources } from "../schema";
import type { ObservationDto } from "../claims/public-claim";

/** Later values of a claim's figure, oldest first, each with its source; optionally as recorded by a day. */
export function loadObservations(db: Db, claimId: number, asOf: string | null = null): ObservationDto[] {
  return db
    .select({
      id: quantityObservations.id,
      value: quantityObservations.value,
      unit: quantityObservations.unit,
      observedOn: quantityObservations.observedOn,
      note: quantityObservations.note,
      sourceUrl: sources.url,
      sourceTitle: sources.title,
      sourcePublisher: sources.publisher,
      sourceDate: sources.publishedDate,
      sourceArchive: sources.archivedUrl,
    })
    .from(quantityObservations)
    .leftJoin(sources, eq(sources.id, quantityObservations.sourceId))
    .where(and(eq(quantityObservations.claimId, claimId), asOf ? lte(quantityObservations.recordedAt, new Date(endOfDayMs(asOf))) : undefined))
    .orderBy(asc(quantityObservations.observedOn), asc(quantityObservations.id))
    .all()
    .map(({ sourceUrl, sourceTitle, sourcePublisher, sourceDate, sourceArchive, ...o }) => ({
      ...o,
      source: sourceUrl ? { url: sourceUrl, title: sourceTitle, publisher: sourcePublisher, publishedDate: sourceDate, archivedUrl: sourceArchive } : null,
    }));
}
