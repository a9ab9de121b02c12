import { checkDatabase } from "@/db/health";

/** Liveness plus a real database round trip; the e2e web server waits on it. */
export async function GET() {
  return Response.json({ ok: await checkDatabase() }, { headers: { "cache-control": "no-store" } });
}
