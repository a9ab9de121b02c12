import { revalidatePath } from "next/cache";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/messages/catalogue";
import { DEFAULT_LOCALE, LOCALE_PARAM, parseLocale } from "@/lib/i18n/locale-choice.mjs";
import { requestActor, sameOrigin } from "@/app/_lib/editor-route";
import { toHttpResponse } from "@/app/_lib/errors";
import { readerDeskReplaced } from "@/app/_lib/reader-cache";
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
  // Outside proxy.ts (see its matcher), so the page's language comes with the URL itself.
  const locale = parseLocale(new URL(request.url).searchParams.get(LOCALE_PARAM)) ?? DEFAULT_LOCALE;
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "editor.restoreRoute" });
  try {
    const { actor, viaToken } = await requestActor(request);
    if (!viaToken && !sameOrigin(request)) return Response.json({ error: "forbidden", message: t("crossSite") }, { status: 403 });
    if (!actor) throw new UnauthorizedError(t("sessionEnded"));
    // Before the upload is read: only admins restore (importBackup checks again in its transaction),
    // and only a declared size is accepted, so nobody can make the server hold an endless body.
    await authorize(getDb(), actor, ADMIN_ROLES);
    const declared = request.headers.get("content-length");
    if (declared === null) return Response.json({ error: "length_required", message: t("lengthRequired") }, { status: 411 });
    if (Number(declared) > MAX_RESTORE_REQUEST_BYTES) {
      return Response.json({ error: "too_large", message: t("tooLarge") }, { status: 413 });
    }
    const form = await request.formData();
    const file = form.get("backup");
    if (!(file instanceof File) || file.size === 0) throw new ValidationError(t("chooseFile"), { backup: t("chooseFile") });
    if (file.size > MAX_BACKUP_BYTES) return Response.json({ error: "too_large", message: t("tooLarge") }, { status: 413 });
    const options = importOptions.parse({ mode: form.get("mode") });
    const summary = await importBackup(actor, await file.text(), options);
    readerDeskReplaced();
    revalidatePath("/", "layout");
    return Response.json({ ok: true, data: summary, message: t("restored") });
  } catch (error) {
    return toHttpResponse(error);
  }
}
