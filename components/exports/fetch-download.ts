import { parse } from "content-disposition";

/**
 * Downloads a file with fetch instead of letting the browser follow a link, so the page can
 * show how far a long export has got. Exports are streamed without a Content-Length, so the
 * progress is what has arrived (bytes) and, when the server says, how many claims are coming.
 */
export interface DownloadProgress {
  receivedBytes: number;
  /** From the X-Report-Claims header: the size of the report, known before its first byte. */
  claims: number | null;
}

export interface FetchedFile {
  blob: Blob;
  fileName: string;
}

/** A download the server refused: its own message when it sent one (JSON), else only the status. */
export class DownloadError extends Error {
  constructor(
    readonly status: number,
    readonly serverMessage: string | null,
  ) {
    super(serverMessage ?? `HTTP ${status}`);
  }
}

export async function fetchDownload(href: string, signal: AbortSignal, onProgress: (progress: DownloadProgress) => void): Promise<FetchedFile> {
  const response = await fetch(href, { signal });
  if (!response.ok) throw new DownloadError(response.status, await serverMessage(response));
  const claimsHeader = response.headers.get("x-report-claims");
  const claims = claimsHeader === null ? null : Number(claimsHeader);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let receivedBytes = 0;
  onProgress({ receivedBytes, claims });
  if (response.body) {
    const reader = response.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      parts.push(next.value);
      receivedBytes += next.value.byteLength;
      onProgress({ receivedBytes, claims });
    }
  }
  const type = response.headers.get("content-type") ?? "application/octet-stream";
  return { blob: new Blob(parts, { type }), fileName: fileNameOf(response) ?? href.split("?")[0]!.split("/").at(-1)! };
}

/** The server's JSON error message when it sent one (e.g. "asof must be a real date"). */
async function serverMessage(response: Response): Promise<string | null> {
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === "string") return body.message;
  } catch {
    // Not JSON: the page says the status in its own words.
  }
  return null;
}

/**
 * The name the server gave: `filename*` (UTF-8, a Chinese title as written) before the ASCII
 * `filename` fallback, as a browser following the link would choose.
 */
function fileNameOf(response: Response): string | null {
  const disposition = response.headers.get("content-disposition");
  if (!disposition) return null;
  try {
    return parse(disposition).parameters.filename || null;
  } catch {
    return null;
  }
}

/** Hands a fetched file to the browser's downloads, under the server's file name. */
export function saveFile({ blob, fileName }: FetchedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; a delay covers browsers that read it later.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
