// The timeline's lanes group the records by approach, cancer type or evidence stage, or not at
// all: picking another grouping redraws the lanes with its names, every match still drawn, and
// the choice is in the address (and comes back with it).
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

/** The names of the lanes on show, top to bottom. */
async function laneNames(page) {
  return page.locator(".lane:not([hidden])").evaluateAll((lanes) => lanes.map((l) => l.getAttribute("aria-label")));
}

/** How many records the visible buttons stand for (a cluster's badge counts its records). */
async function drawnRecords(page) {
  return page.locator(".lane:not([hidden]) button:not([hidden])").evaluateAll((buttons) =>
    buttons.reduce((sum, b) => sum + (b.classList.contains("cluster") ? Number(b.firstChild.nodeValue) : 1), 0),
  );
}

test("lanes follow the grouping picked, and every match stays drawn", async () => {
  const app = await openApp(env, "?view=timeline&q=melanoma");
  const { page } = app;
  const matches = await app.count();
  const byApproach = await laneNames(page);
  assert.ok(byApproach.includes("Checkpoint inhibitor"), byApproach.join(", "));
  const drawn = await drawnRecords(page);

  const lanes = page.getByRole("combobox", { name: "Lanes" });
  await lanes.selectOption({ label: "Cancer type" });
  await page.locator('.lane[aria-label="Melanoma"]:not([hidden])').waitFor();
  const byCancer = await laneNames(page);
  assert.ok(!byCancer.includes("Checkpoint inhibitor"), "the approach lanes are gone");
  assert.equal(app.params().get("lanes"), "cancer");
  assert.equal(await app.count(), matches, "the same matches");
  assert.equal(await drawnRecords(page), drawn, "every drawn match is drawn in its new lane");

  await lanes.selectOption({ label: "None" });
  await page.waitForFunction(() => document.querySelectorAll(".lane:not([hidden])").length === 1);
  assert.deepEqual(await laneNames(page), ["All records"]);

  await page.goBack();
  await page.locator('.lane[aria-label="Melanoma"]:not([hidden])').waitFor();
  assert.deepEqual(await laneNames(page), byCancer);
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});
