import "server-only";

export type JsonBody = { ok: true; body: unknown } | { ok: false; response: Response };

/**
 * A JSON request body read within `limit` bytes: a declared larger size is refused unread, and
 * a chunked body (no Content-Length) is read only until it passes the limit, so no client can
 * make the server hold more than that. `tooLarge` is the route's own 413 answer.
 */
export async function readJsonBody(request: Request, limit: number, tooLarge: () => Response): Promise<JsonBody> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return { ok: false, response: tooLarge() };
  const raw = await readBodyWithin(request, limit);
  if (raw === null) return { ok: false, response: tooLarge() };
  try {
    return { ok: true, body: JSON.parse(new TextDecoder().decode(raw)) };
  } catch {
    return { ok: false, response: Response.json({ error: "invalid_json", message: "The request body is not valid JSON." }, { status: 400 }) };
  }
}

/** The request's body, or null (and the rest left unread) once it passes `limit` bytes. */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(next.value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}
