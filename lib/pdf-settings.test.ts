import { describe, expect, it } from "vitest";
import { parsePdfSettings, SettingsError } from "./pdf-settings";

describe("parsePdfSettings", () => {
  it("has defaults for a two-core server when nothing is set (or a variable is empty)", () => {
    expect(parsePdfSettings({ PDF_QUEUE: " " })).toEqual({ concurrency: 1, queue: 5, perMinute: 6, cacheBytes: 32 * 1024 * 1024, browserIdleMs: 60_000 });
  });

  it("reads every variable", () => {
    expect(parsePdfSettings({ PDF_CONCURRENCY: "2", PDF_QUEUE: "0", PDF_PER_MINUTE: "30", PDF_CACHE_MB: "0", PDF_BROWSER_IDLE_SECONDS: " 5 " })).toEqual({
      concurrency: 2,
      queue: 0,
      perMinute: 30,
      cacheBytes: 0,
      browserIdleMs: 5000,
    });
  });

  it("refuses a value that is not a whole number in range, naming every bad variable and its value", () => {
    const attempt = () => parsePdfSettings({ PDF_CONCURRENCY: "0", PDF_QUEUE: "ten", PDF_PER_MINUTE: "1.5", PDF_CACHE_MB: "-1" });
    expect(attempt).toThrow(SettingsError);
    expect(attempt).toThrow(/PDF_CONCURRENCY must be a whole number from 1 to 16 \(got "0"\)/);
    expect(attempt).toThrow(/PDF_QUEUE must be a whole number from 0 to 1000 \(got "ten"\)/);
    expect(attempt).toThrow(/PDF_PER_MINUTE .*"1.5"/);
    expect(attempt).toThrow(/PDF_CACHE_MB .*"-1"/);
  });
});
