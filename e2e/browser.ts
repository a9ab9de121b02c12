// How the e2e suite starts Chromium: shared by playwright.config.ts and the specs that launch
// a browser with extra switches (the reverse-proxy spec maps a host name to 127.0.0.1).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findChromium } = require("../scripts/find-chromium.cjs") as { findChromium: () => string | null | undefined };

/** A system Chromium where there is one (Debian's on CI); otherwise Playwright's own browser. */
export const CHROMIUM_PATH: string | undefined = findChromium() ?? undefined;

/** No sandbox (CI runs as root), and nothing that would try to reach the network on its own. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"];
