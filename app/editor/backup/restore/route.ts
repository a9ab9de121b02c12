import { revalidatePath } from "next/cache";
import { requestActor, sameOrigin } from "@/app/_lib/editor-route";
import { toHttpResponse } from "@/app/_lib/errors";
import { invalidateReaderCache } from "@/app/_lib/reader-cache";
import { ADMIN_ROLES, authorize } from "@/db/authorize";
import { importBackup, importOptions } from "@/db/backup/import-backup";
import { getDb } from "@/db/client";
import { UnauthorizedError, ValidationError } from "@/lib/errors";
import { MAX_BACKUP_BYTES, MAX_RESTORE_REQUEST_BYTES } from "@/lib/upload-limits";

/**
 * POST /editor/backup/restore (multipart: backup, mode): restores a JSON backup, admins only. A route rather than a server action because backups are far
 * larger than the few megabytes server actions accept; proxy.ts leaves this path alone so
 * the upload is not buffered before it is authorised. Validated whole before anything is
 * written, then all or nothing.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const { actor, viaToken } = await requestActor(request);
    if (!viaToken && !sameOrigin(request)) return Response.json({ error: "forbidden", message: "Cross-site requests are refused." }, { status: 403 });
    if (!actor) throw new UnauthorizedError("Your session has ended. Sign in again; nothing was restored.");
    // Before the upload is read: only admins restore (importBackup checks again in its transaction),
    // and only a declared size is accepted, so nobody can make the server hold an endless body.
    authorize(getDb(), actor, ADMIN_ROLES);
    const declared = request.headers.get("content-length");
    if (declared === null) return Response.json({ error: "length_required", message: "Send the backup with its size (Content-Length)." }, { status: 411 });
    if (Number(declared) > MAX_RESTORE_REQUEST_BYTES) {
      return Response.json({ error: "too_large", message: "Backups are limited to 200 MB." }, { status: 413 });
    }
    const form = await request.formData();
    const file = form.get("backup");
    if (!(file instanceof File) || file.size === 0) throw new ValidationError("Choose a backup file.", { backup: "Choose a backup file." });
    if (file.size > MAX_BACKUP_BYTES) return Response.json({ error: "too_large", message: "Backups are limited to 200 MB." }, { status: 413 });
    const options = importOptions.parse({ mode: form.get("mode") });
    const summary = importBackup(actor, await file.text(), options);
    invalidateReaderCache();
    revalidatePath("/", "layout");
    return Response.json({ ok: true, data: summary, message: "Backup restored." });
  } catch (error) {
    return toHttpResponse(error);
  }
}
