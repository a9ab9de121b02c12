import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

/**
 * The JavaScript a browser downloads on a first visit to a route, gzipped, from the production
 * build. With Next 16 (Turbopack) that is the route's build manifest's root main files (the
 * runtime every page loads) plus the entry chunks of the route's segments (layout, page),
 * listed in its client reference manifest. Polyfills are left out: they are `noModule`, which
 * current browsers skip.
 */
export interface FirstLoadJs {
  route: string;
  files: { file: string; gzipBytes: number }[];
  totalGzipBytes: number;
}

export function firstLoadJs(route = "/articles/[slug]", buildDir = path.join(process.cwd(), ".next")): FirstLoadJs {
  const routeDir = path.join(buildDir, "server", "app", ...route.split("/").filter(Boolean));
  const buildManifest = JSON.parse(fs.readFileSync(path.join(routeDir, "page", "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const entries = clientEntryFiles(path.join(routeDir, "page_client-reference-manifest.js"), `${route}/page`);
  const files = [...new Set([...buildManifest.rootMainFiles, ...entries])];
  const sized = files.map((file) => ({ file, gzipBytes: zlib.gzipSync(fs.readFileSync(path.join(buildDir, file)), { level: 9 }).length }));
  return { route, files: sized, totalGzipBytes: sized.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** The manifest is a script that assigns to globalThis.__RSC_MANIFEST; it is evaluated in a scratch object, not in this process's globals. */
function clientEntryFiles(manifestFile: string, page: string): string[] {
  const scratch: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
  new Function("globalThis", fs.readFileSync(manifestFile, "utf8"))(scratch);
  const manifest = scratch.__RSC_MANIFEST?.[page];
  if (!manifest?.entryJSFiles) throw new Error(`No client entry files for ${page} in ${manifestFile}.`);
  return Object.values(manifest.entryJSFiles).flat();
}
