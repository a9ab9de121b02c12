"use server";

import { revalidatePath } from "next/cache";
import { type ActionResult, toActionError } from "@/app/_lib/errors";
import { invalidateReaderCache } from "@/app/_lib/reader-cache";
import { importBackup, importOptions, type ImportSummary } from "@/db/backup/import-backup";
import { getSessionUser } from "@/db/session";
import { UnauthorizedError, ValidationError } from "@/lib/errors";
import { MAX_BACKUP_BYTES } from "@/lib/upload-limits";

/** Restores a JSON backup uploaded by an admin: validated whole before anything is written, then all or nothing. */
export async function restoreBackupAction(_previous: ActionResult<ImportSummary> | null, formData: FormData): Promise<ActionResult<ImportSummary>> {
  try {
    const user = await getSessionUser();
    if (!user) throw new UnauthorizedError("Your session has ended. Sign in again; nothing was restored.");
    const file = formData.get("backup");
    if (!(file instanceof File) || file.size === 0) throw new ValidationError("Choose a backup file.", { backup: "Choose a backup file." });
    if (file.size > MAX_BACKUP_BYTES) throw new ValidationError("Backups are limited to 200 MB.", { backup: "Larger than 200 MB." });
    const options = importOptions.parse({ mode: formData.get("mode") });
    const summary = importBackup({ userId: user.userId }, await file.text(), options);
    invalidateReaderCache();
    revalidatePath("/", "layout");
    return { ok: true, data: summary, message: "Backup restored." };
  } catch (error) {
    return toActionError(error);
  }
}
