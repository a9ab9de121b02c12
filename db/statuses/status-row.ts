import "server-only";
import { eq } from "drizzle-orm";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { badgeColorProblem } from "../../lib/status-input";
import type { Tx } from "../client";
import { type Status, statuses } from "../schema";
import { firstRow } from "../rows";

/** Sort orders are spaced by ten, like the defaults, so a hand-edited row can slot between two. */
export const ORDER_STEP = 10;

/** The status row an admin is changing, or NotFoundError. */
export async function loadStatus(tx: Tx, key: string): Promise<Status> {
  const row = await firstRow(tx.select().from(statuses).where(eq(statuses.key, key)));
  if (!row) throw new NotFoundError(`The status “${key}”`);
  return row;
}

/**
 * The schema already checks the colour; checked again here because every badge on every page
 * prints white text on it, and a caller that skipped the schema must not store an unreadable one.
 */
export function assertReadableColor(color: string): void {
  const problem = badgeColorProblem(color);
  if (problem) throw new ValidationError(problem, { color: problem });
}
