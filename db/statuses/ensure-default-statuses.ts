import "server-only";
import { DEFAULT_STATUSES } from "../../lib/status-scale";
import type { Db } from "../db-types";
import { statuses } from "../schema";

/** Installs the default scale into a new database. Existing rows (edited by admins) are left alone. */
export function ensureDefaultStatuses(db: Db): void {
  db.insert(statuses)
    .values(DEFAULT_STATUSES.map((s) => ({ ...s })))
    .onConflictDoNothing()
    .run();
}
