// `npm run test:e2e` starts here: with no Chromium at all, stop with one line saying how to get one.
import finder from "./find-chromium.cjs";

if (finder.findChromium() === undefined) {
  console.error("No Chromium found for the e2e tests: install one with `apt-get install -y chromium` (or `npx playwright install chromium`), or set CHROMIUM_PATH.");
  process.exit(1);
}
