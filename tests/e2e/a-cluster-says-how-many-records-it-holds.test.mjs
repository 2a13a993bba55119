// A cluster badge is named by what it shows and what that stands for: "12 records, 1990–1995,
// including “…”: zoom in", its count following the search; a single marker is named by its
// record's title and date.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openApp } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const CLUSTER = /^(\d+) records, \d{4}(–\d{4})?, including “[^”]+”: zoom in$/;

/** The accessible names of the chart's buttons, as Chromium computes them (from the ARIA
 * snapshot's lines, `- button "name"`, YAML-quoted as `- 'button "name"'` when the name has a
 * colon). */
async function buttonNames(page) {
  const snapshot = await page.locator(".timeline-area").ariaSnapshot();
  return snapshot
    .split("\n")
    .map((line) => line.trim().replace(/^- '(.*)'(:.*)?$/, (_, inner) => `- ${inner.replaceAll("''", "'")}`))
    .map((line) => line.match(/^- button "(.*)"(: .*)?$/)?.[1])
    .filter((name) => name !== undefined);
}

/** The counts the visible cluster badges show, sorted. */
async function badges(page) {
  const counts = await page
    .locator(".lane:not([hidden]) .cluster:not([hidden])")
    .evaluateAll((els) => els.map((el) => Number(el.firstChild.nodeValue)));
  return counts.sort((a, b) => a - b);
}

/** The counts that the cluster-shaped names say, sorted. */
function spokenCounts(names) {
  return names
    .map((name) => name.match(CLUSTER))
    .filter(Boolean)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b);
}

test("every cluster's name says its count and what it holds, and follows the search", async () => {
  const app = await openApp(env, "?view=timeline");
  const { page } = app;
  const shown = await badges(page);
  assert.ok(shown.length > 0, "the whole span of years has clusters");
  assert.deepEqual(spokenCounts(await buttonNames(page)), shown);

  // A search changes the counts; the names change with them.
  await app.search("therapy");
  await app.waitForCount((n) => n > 0 && n < 393, "therapy matches");
  await page.waitForFunction(
    (before) => {
      const now = [...document.querySelectorAll(".lane:not([hidden]) .cluster:not([hidden])")]
        .map((el) => Number(el.firstChild.nodeValue))
        .sort((a, b) => a - b);
      return now.length > 0 && JSON.stringify(now) !== JSON.stringify(before);
    },
    shown,
  );
  const after = await badges(page);
  const names = await buttonNames(page);
  assert.deepEqual(spokenCounts(names), after);

  // A single marker keeps its record's title and date as its name (and not its drawn label).
  const marker = page.locator(".lane:not([hidden]) .marker[data-id]:not([hidden])").first();
  const label = await marker.getAttribute("aria-label");
  assert.match(label, /\(.*\d{4}.*\)$/);
  assert.ok(names.includes(label), `a marker is named “${label}”`);
  assert.deepEqual(app.errors, []);
});
