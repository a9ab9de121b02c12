import { toHttpResponse } from "@/app/_lib/errors";
import { readBodyWithin } from "@/app/_lib/editor-route";
import { createRateLimit } from "@/app/_lib/rate-limit";
import { settings } from "@/db/settings";
import { suggestClaims } from "@/lib/suggest";
import { SUGGEST_MAX_LENGTH, suggestRequest } from "@/lib/workbench-input";

const limit = createRateLimit("suggest", settings().SUGGEST_RATE_LIMIT_PER_MINUTE, 60);
/** JSON-escaped Chinese can take up to 6 bytes a character; anything past this is refused unread. */
const MAX_REQUEST_BYTES = SUGGEST_MAX_LENGTH * 6 + 1024;

/**
 * POST /api/v1/suggest { text, language?, limit? }: the workbench's check-worthiness ranking
 * for integrations. Stores nothing, so it needs no account; it is size-capped and rate-limited.
 */
export async function POST(request: Request): Promise<Response> {
  try {
    const limited = await limit(request);
    if (limited) return limited;
    const tooLarge = () => Response.json({ error: "too_large", message: `Text is limited to ${SUGGEST_MAX_LENGTH.toLocaleString("en")} characters.` }, { status: 413 });
    if (Number(request.headers.get("content-length") ?? 0) > MAX_REQUEST_BYTES) return tooLarge();
    // Chunked bodies carry no length: reading stops once the limit is passed.
    const raw = await readBodyWithin(request, MAX_REQUEST_BYTES);
    if (raw === null) return tooLarge();
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      return Response.json({ error: "invalid_json", message: "The request body is not valid JSON." }, { status: 400 });
    }
    const input = suggestRequest.parse(body);
    const suggestions = suggestClaims(input.text, { language: input.language, limit: input.limit });
    return Response.json({ suggestions });
  } catch (error) {
    return toHttpResponse(error);
  }
}
