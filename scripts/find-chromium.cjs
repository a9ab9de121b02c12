// Which Chromium the e2e tests drive: CHROMIUM_PATH, else a system Chromium (Debian's
// /usr/bin/chromium), else Playwright's managed browser. CommonJS so that both the
// Playwright config and the plain Node scripts can load it.
const fs = require("node:fs");

/** @returns {string | null | undefined} a system path; null when Playwright's own browser is installed; undefined when neither. */
function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  const system = candidates.find((p) => fs.existsSync(p));
  if (system) return system;
  try {
    const managed = require("@playwright/test").chromium.executablePath();
    if (managed && fs.existsSync(managed)) return null;
  } catch {}
  return undefined;
}

module.exports = { findChromium };
