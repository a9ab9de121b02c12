import { toHttpResponse } from "@/app/_lib/errors";
import { readJsonBody } from "@/app/_lib/json-body";
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
    const json = await readJsonBody(request, MAX_REQUEST_BYTES, tooLarge);
    if (!json.ok) return json.response;
    const input = suggestRequest.parse(json.body);
    const suggestions = suggestClaims(input.text, { language: input.language, limit: input.limit });
    return Response.json({ suggestions });
  } catch (error) {
    return toHttpResponse(error);
  }
}
