// Shared pieces of the browser benchmarks (scripts/bench/*.mjs, run by scripts/bench.sh):
// serving a build folder on 127.0.0.1, starting Debian's Chromium through playwright-core with
// the end-to-end tests' flags, statistics, and the Markdown the report is made of.
import { chromium } from "playwright-core";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../serve.mjs";
import { CHROMIUM_ARGS } from "../../tests/e2e/helpers.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Raw measurements land here as JSON (git-ignored); BENCHMARKS.md holds the summary. */
export const RESULTS = join(ROOT, "bench-results");
export const CHROME_PATH = process.env.CHROME_PATH || "/usr/bin/chromium";
export { CHROMIUM_ARGS };

/** Serves `root` on 127.0.0.1 and starts headless Chromium; `close()` stops both. */
export async function start(root) {
  const server = await serve(root);
  const browser = await chromium.launch({ executablePath: CHROME_PATH, args: CHROMIUM_ARGS });
  const origin = `http://127.0.0.1:${server.address().port}/`;
  return {
    origin,
    browser,
    server,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Runs `main` and makes sure the process ends even if a browser or server hangs on. */
export function run(main, { timeoutMs = 10 * 60_000 } = {}) {
  const timer = setTimeout(() => {
    console.error(`${process.argv[1]}: gave up after ${timeoutMs / 1000} s`);
    process.exit(2);
  }, timeoutMs);
  timer.unref();
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** The value at `percent` (nearest rank, like benches/search.rs); NaN for no values. */
export function percentile(values, percent) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const at = Math.max(0, Math.ceil((sorted.length * percent) / 100) - 1);
  return sorted[at];
}

export const median = (values) => percentile(values, 50);

/** "12.3 ms", with decimals that suit the size. */
export function ms(value) {
  if (!Number.isFinite(value)) return "–";
  if (value < 1) return `${value.toFixed(3)} ms`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 1000) return `${value.toFixed(1)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

/** Bytes as kB (1000 bytes, as the budgets are written) with one decimal. */
export function kb(bytes) {
  return Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} kB` : "–";
}

/** Bytes as MB (10^6 bytes). */
export function mb(bytes) {
  return Number.isFinite(bytes) ? `${(bytes / 1e6).toFixed(1)} MB` : "–";
}

/** "1.23×", or two significant digits below 0.1 ("0.0041×"). */
export function ratio(a, b) {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return "–";
  const r = a / b;
  return `${r >= 0.1 || r === 0 ? r.toFixed(2) : r.toPrecision(2)}×`;
}

/** Bytes as kB below 1 MB, else MB. */
export function size(bytes) {
  return bytes < 1e6 ? kb(bytes) : mb(bytes);
}

/** A budget cell: "✅ ≤ 200 kB" or "❌ ≤ 200 kB"; "–" when the value is missing. */
export function budget(ok, text) {
  if (ok === undefined || ok === null) return `– ${text}`;
  return `${ok ? "✅" : "❌"} ${text}`;
}

/** A Markdown table from a header row and rows of cells. */
export function table(header, rows) {
  const align = header.map((_, i) => (i === 0 ? "---" : "---:"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

/** Saves the raw measurements of one section as bench-results/<name>.json. */
export async function saveRaw(name, data) {
  const path = join(RESULTS, `${name}.json`);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`);
}

/** Waits `ms` milliseconds. */
export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** When a keystroke's results were painted (scripts/bench/page-probe.js); for one that changed
 * nothing in them, when everything it changed was. */
export function resultsPainted(key) {
  return key.resultsPainted ?? key.painted;
}

/** A cold load's time from the wasm's instantiation (the bundled records are decoded and indexed
 * after it) to `mark`, less `generated` ms spent making synthetic records, which stand in for
 * the data arriving: start-up "… after data available". */
export function afterData(marks, mark = "interactive", generated = 0) {
  return marks[mark] - marks["wasm-instantiated"] - generated;
}

/** Opens `path` in a new page and waits until the records' text is indexed and the page has
 * settled, then clicks into the search box: ready to type (profile.mjs, trace.mjs). */
export async function openReadyToType(env, path) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  page.on("pageerror", (e) => console.error("page error:", String(e)));
  await page.goto(env.origin + path);
  await page.waitForSelector(".result-count", { timeout: 180_000 });
  // Many records' text is indexed after the first render: wait until it is done.
  await page.waitForFunction(() => !document.querySelector("main[data-indexing]"), null, {
    timeout: 180_000,
  });
  await sleep(1500);
  const box = page.locator("#search-input");
  await box.click();
  return { context, page, box };
}

/** Types each of `words` (space-separated) a key at a time, `pause` ms apart, clearing the box
, waiting `settle` ms after clearing; returns the number of keys typed (clearing not
 * counted). */
export async function typeWords(page, box, words, pause, settle) {
  let keys = 0;
  for (const word of words.split(" ")) {
    for (const char of word) {
      await page.keyboard.press(char);
      keys += 1;
      await sleep(pause);
    }
    await box.selectText();
    await page.keyboard.press("Backspace");
    await sleep(settle);
  }
  return keys;
}
