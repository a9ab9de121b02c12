import "server-only";
import type { CopyEngine } from "./copy-engine";
import type { DeskLocation } from "./database-url";
import { openPostgresEngine } from "./postgres-engine";
import { openSqliteEngine } from "./sqlite-engine";

/** The copier's adapter for a location: the source is only read, the target is migrated to this version's schema first. */
export async function openCopyEngine(location: DeskLocation, role: "source" | "target"): Promise<CopyEngine> {
  if (location.engine === "sqlite") return openSqliteEngine(location.filename, role);
  return openPostgresEngine(location.url, location.identity, role);
}
