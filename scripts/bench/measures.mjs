// Measurements shared by `make bench`'s sections and by compare.mjs: typing into the search box
// under the page probe (keystroke.mjs) and one cold load of the app (startup.mjs).
import { readFile } from "node:fs/promises";
import { ms, percentile, resultsPainted, sleep } from "./lib.mjs";

const PROBE = await readFile(new URL("./page-probe.js", import.meta.url), "utf8");
/** Three of the words the native benchmark types a prefix at a time (benches/search.rs). */
export const WORDS = ["pembrolizumab", "lymphocytes", "melanoma"];

/** One page load: in each of `views` (a view switch's button name; null: the page as it is),
 * types every one of `words`; returns the keystroke records of each view, in order. */
export async function typeInViews(env, path, views, words = WORDS) {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__benchNoProbe = true;
      window.__slowInputs = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          if (entry.name === "input") {
            window.__slowInputs.push({ at: entry.startTime, duration: entry.duration });
          }
        }
      }).observe({ type: "event", durationThreshold: 16, buffered: true });
    });
    await settle(page, env, path);
    const box = page.locator("#search-input");
    const counted = [];
    for (const view of views) {
      if (view) await page.getByRole("button", { name: view, exact: true }).click();
      await sleep(500);
      await box.click();
      const indexes = [];
      counted.push(indexes);
      for (const word of words) {
        for (const char of word) {
          indexes.push(await keystroke(page, char));
          await sleep(40 + Math.random() * 60);
        }
        await box.selectText();
        await keystroke(page, "Backspace");
        await sleep(200);
      }
    }
    await page.evaluate(() => new Promise((done) => window.__bench.afterNextPaint(done)));
    await sleep(200); // Event Timing entries arrive a little after the frame.
    // Each counted keystroke with its Event Timing duration (null: under 16 ms, not reported).
    return await page.evaluate((indexes) => {
      const record = (i) => {
        const key = window.__bench.keys[i];
        const entry = window.__slowInputs.find((e) => Math.abs(e.at - key.inputAt) < 1);
        return { ...key, eventTiming: entry?.duration ?? null };
      };
      return indexes.map((is) => is.map(record));
    }, counted);
  } finally {
    await context.close();
  }
}

/** Presses `key` and waits until the probe has its final record; returns the record's index. */
async function keystroke(page, key) {
  const before = await page.evaluate(() => window.__bench.keys.length);
  await page.keyboard.press(key);
  await page.waitForFunction(
    (n) => window.__bench.keys.length > n && window.__bench.keys[n].done,
    before,
    { polling: 10, timeout: 30_000 },
  );
  return before;
}

/** One cold load of `path`: the probe's marks, the wasm download time and first paint. */
export async function coldLoad(env, path) {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    // The wasm is fetched by the compiler worker, outside the page's resource timeline: its end
    // is taken from the network events (wall-clock ms), less the page's time origin.
    let wasmEnd = null;
    page.on("requestfinished", (request) => {
      if (!request.url().endsWith(".wasm")) return;
      const timing = request.timing();
      wasmEnd = timing.startTime + timing.responseEnd;
    });
    await page.addInitScript(PROBE);
    await page.goto(env.origin + path, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__bench?.marks["search-ready"] !== undefined, null, {
      timeout: 180_000,
      polling: 100,
    });
    const marks = await page.evaluate(() => {
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return { ...window.__bench.marks, fcp: fcp?.startTime, origin: performance.timeOrigin };
    });
    return { ...marks, wasmFetched: wasmEnd === null ? undefined : wasmEnd - marks.origin };
  } finally {
    await context.close();
  }
}

/** Results-painted p95 of the keystrokes that start a word (the box held one letter after them),
 * and of the others. */
export function byPlace(keys) {
  const first = keys.filter((k) => k.value.length === 1).map(resultsPainted);
  const later = keys.filter((k) => k.value.length > 1).map(resultsPainted);
  return `${ms(percentile(first, 95))} (${first.length}) / ${ms(percentile(later, 95))} (${later.length})`;
}

/** Loads `path` under the probe (after the page's own init scripts) and waits until the records
 * are drawn, their text indexed (many records are indexed after the first render, in slices),
 * the service worker installed and the start-up work settled. */
export async function settle(page, env, path) {
  await page.addInitScript(PROBE);
  await page.goto(env.origin + path);
  await page.waitForFunction(() => window.__bench?.marks["drawn-painted"] !== undefined, null, {
    timeout: 180_000,
  });
  await page.waitForFunction(() => !document.querySelector("main[data-indexing]"), null, {
    timeout: 180_000,
  });
  await sleep(1500);
}
