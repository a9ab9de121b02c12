import http from "node:http";

/** One response as the app sent it: status, headers and body bytes as on the wire (still gzipped if it was). */
export interface RecordedResponse {
  path: string;
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Fetches `path` once with node:http rather than fetch, which would gunzip the body: the bare
 * ceiling server must send the very bytes the app sent.
 */
export function recordResponse(baseUrl: string, path: string, headers: Record<string, string>): Promise<RecordedResponse> {
  return new Promise((resolve, reject) => {
    const request = http.get(new URL(path, baseUrl), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const recorded: Record<string, string> = {};
        for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) recorded[name] = Array.isArray(value) ? value.join(", ") : value;
        resolve({ path, status: response.statusCode ?? 0, headers: recorded, body: Buffer.concat(chunks) });
      });
    });
    request.on("error", reject);
  });
}
