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

test("a match list far below the screen catches up when typing pauses and never shows an earlier search", async () => {
  const app = await openApp(env);
  const matches = app.page.locator(".matches");
  // What a person could see of the list now: nothing while it lags, else the ids it names.
  const seen = () =>
    matches.evaluate((m) =>
      getComputedStyle(m.querySelector(".match-list")).visibility === "hidden"
        ? null
        : [...m.querySelectorAll("li:not([hidden])")].map((li) => li.dataset.id),
    );
  // Types `text` and reads the list two frames later, in one go: well inside the pause the
  // list waits for.
  const typeAndLook = (text) =>
    app.page.evaluate(async (text) => {
      const box = document.getElementById("search-input");
      box.value = text;
      box.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const m = document.querySelector(".matches");
      return {
        top: m.getBoundingClientRect().top / innerHeight,
        lagging: m.hasAttribute("data-lagging"),
        visibility: getComputedStyle(m.querySelector(".match-list")).visibility,
      };
    }, text);
  const caughtUp = () => app.page.waitForFunction(() => !document.querySelector(".matches[data-lagging]"));

  // A broad word fills the lanes and pushes the list far below the screen: its rows wait, and
  // are not shown meanwhile.
  const first = await typeAndLook("l");
  assert.ok(first.top > 1.5, `the list starts ${first.top.toFixed(1)} screens down`);
  assert.deepEqual([first.lagging, first.visibility], [true, "hidden"]);
  // Once typing pauses, the rows are the new matches, shown.
  await caughtUp();
  const l = await seen();
  assert.ok((await app.count()) > 40);
  assert.equal(l.length, 40);
  // The next letter: the rows naming l's matches are hidden until they catch up again.
  const next = await typeAndLook("ly");
  assert.deepEqual([next.lagging, next.visibility], [true, "hidden"]);
  await caughtUp();
  const ly = await seen();
  assert.equal(ly.length, Math.min(await app.count(), 40));
  assert.notDeepEqual(ly, l);
  // Scrolled into view while lagging, the list catches up.
  await typeAndLook("la");
  await matches.evaluate((m) => m.scrollIntoView());
  await caughtUp();
  const la = await seen();
  assert.equal(la.length, Math.min(await app.count(), 40));
  assert.notDeepEqual(la, l);
  assert.deepEqual(app.errors, []);
});
