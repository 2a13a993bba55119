// After a search, the timeline view names the matches in words under the chart, and a match and
// its marker light up together.
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

test("the match list shows dates and labels, and hovering links row and marker", async () => {
  const app = await openApp(env, "?q=tremelimumab");
  // The list keeps a fixed set of rows and hides those without a match.
  const rows = app.page.locator(".match-list li:not([hidden])");
  await rows.first().waitFor();
  const hits = await app.count();
  // Few enough that every match is drawn on its own and listed.
  assert.ok(hits > 1 && hits <= 30, `tremelimumab matches ${hits}`);
  assert.equal(await rows.count(), hits);
  // The colour key names exactly the colours of the matches (each record's first approach).
  const colours = async (selector) =>
    [...new Set(await app.page.locator(selector).evaluateAll((spans) => spans.map((s) => s.className)))].sort();
  assert.deepEqual(await colours(".approach-key .swatch"), await colours(".match-list li:not([hidden]) .swatch"));
  const first = rows.first();
  assert.match(await first.locator("time").textContent(), /\d{4}/);
  const id = await first.getAttribute("data-id");

  await first.hover();
  const marker = app.page.locator(`.timeline .lane-track [data-id="${id}"]`);
  assert.match(await marker.getAttribute("class"), /\blinked\b/);
  // And from the chart to the list.
  const labelled = app.page.locator(".timeline .lane-track > button.marker[data-id]").first();
  const other = await labelled.getAttribute("data-id");
  await labelled.hover();
  const row = app.page.locator(`.match-list li[data-id="${other}"]`);
  assert.match(await row.getAttribute("class"), /\blinked\b/);

  await first.locator("a").click();
  await app.page.waitForFunction((want) => new URL(location.href).searchParams.get("study") === want, id);
  assert.deepEqual(app.errors, []);
});

test("without a search or filter there is no match list, and it comes back with one", async () => {
  const app = await openApp(env);
  const list = app.page.locator(".match-list");
  assert.equal(await list.isVisible(), false);
  const rows = app.page.locator(".match-list li:not([hidden])");

  await app.searchBox.fill("ipilimumab");
  await rows.first().waitFor();
  const hits = await app.count();
  assert.equal(await rows.count(), Math.min(hits, 40));
  // A hidden row names no record, so hovering a marker never lights up a row nobody sees.
  assert.equal(await app.page.locator(".match-list li[hidden][data-id]").count(), 0);

  await app.searchBox.fill("");
  await list.waitFor({ state: "hidden" });
  await app.searchBox.fill("tremelimumab");
  await rows.first().waitFor();
  assert.equal(await rows.count(), await app.count());
  const id = await rows.first().getAttribute("data-id");
  assert.equal(await app.page.locator(`.timeline .lane-track [data-id="${id}"]`).count(), 1);
  assert.deepEqual(app.errors, []);
});
