import { toHttpResponse } from "@/app/_lib/errors";
import { exportBackup } from "@/db/backup/export-backup";
import { getSessionUser } from "@/db/session";
import { attachmentHeader } from "@/lib/download-name";
import { UnauthorizedError } from "@/lib/errors";

/** GET /editor/backup/download: the full JSON backup (admins only; no password hashes, no sessions). */
export async function GET(): Promise<Response> {
  try {
    const user = await getSessionUser();
    if (!user) throw new UnauthorizedError();
    const json = await exportBackup({ userId: user.userId });
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, "");
    const name = `claimline-backup-${stamp}.json`;
    return new Response(json, {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": attachmentHeader({ name, ascii: name }),
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return toHttpResponse(error);
  }
}
