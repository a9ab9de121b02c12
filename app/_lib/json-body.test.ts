import { describe, expect, it } from "vitest";
import { readBodyWithin } from "./json-body";

/** A chunked body (no Content-Length), counting how many chunks the server pulled. */
function chunked(chunks: number, chunkBytes: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(97));
    },
  });
  const request = new Request("http://localhost/api/v1/claims/1/events", { method: "POST", body, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("reading a JSON route's body", () => {
  it("returns the whole body within the limit", async () => {
    const { request } = chunked(3, 1000);
    const body = await readBodyWithin(request, 3000);
    expect(body?.byteLength).toBe(3000);
    expect(new TextDecoder().decode(body!.subarray(0, 3))).toBe("aaa");
  });

  it("stops reading a chunked body as soon as it passes the limit, instead of holding all of it", async () => {
    const { request, pulled } = chunked(10_000, 64 * 1024);
    expect(await readBodyWithin(request, 1024 * 1024)).toBeNull();
    expect(pulled()).toBeLessThan(20);
  });
});
