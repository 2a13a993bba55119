// A user searching in the timeline view reads what each event is, beside its marker, and no two
// labels run into each other.
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

/** The boxes (marker plus label) of every labelled event, as drawn. */
async function labelBoxes(page) {
  return page.$$eval(".timeline .lane-track > button.labeled:not([hidden])", (buttons) =>
    buttons.map((b) => {
      const r = b.getBoundingClientRect();
      const label = b.querySelector(".label").getBoundingClientRect();
      return {
        label: b.querySelector(".label").textContent,
        lane: b.closest(".lane").getAttribute("aria-label"),
        top: r.top,
        from: Math.min(r.left, label.left),
        to: Math.max(r.right, label.right),
      };
    }),
  );
}

test("with few matches every event is labelled, and labels never overlap", async () => {
  const app = await openApp(env, "?q=tremelimumab");
  const hits = await app.count();
  assert.ok(hits > 0 && hits <= 30, `a small result set, got ${hits}`);
  const markers = await app.page.locator(".timeline .lane-track > button.marker").count();
  const boxes = await labelBoxes(app.page);
  assert.equal(boxes.length, markers, "every marker has its label");
  assert.ok(boxes.every((b) => b.label.length > 0 && b.label.length <= 42));
  for (const a of boxes) {
    for (const b of boxes) {
      if (a === b || a.lane !== b.lane || Math.abs(a.top - b.top) > 1) continue;
      assert.ok(a.to <= b.from + 0.5 || b.to <= a.from + 0.5, `"${a.label}" overlaps "${b.label}"`);
    }
  }
  assert.deepEqual(app.errors, []);
});

test("the whole dataset still labels events, and the page holds a bounded number of buttons", async () => {
  const app = await openApp(env);
  const boxes = await labelBoxes(app.page);
  assert.ok(boxes.length >= 20, `only ${boxes.length} labels on the first screen`);
  const buttons = await app.page.locator(".timeline .lane-track > button").count();
  assert.ok(buttons < 600, `${buttons} buttons`);
});

test("a failed trial is marked as a setback, in words as well as by its mark", async () => {
  const app = await openApp(env, "?q=magrit");
  const setback = app.page.locator(".timeline button.marker.setback").first();
  await setback.waitFor();
  assert.match(await setback.getAttribute("aria-label"), /negative \(failed\)/);
  assert.match(await setback.locator(".label").textContent(), /^✗ /);
  const legend = await app.page.locator(".legend").first().textContent();
  assert.match(legend, /setback: failed trial, hold, withdrawal or refusal/);
});

test("every year on the axis is whole inside the chart, on a wide screen and a narrow one", async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 400, height: 800 }]) {
    const context = await env.browser.newContext({ viewport });
    // A window whose first and last years fall on the chart's edges.
    const app = await openApp(env, "?zoom=1990-2020", { context });
    const { area, ticks } = await app.page.evaluate(() => ({
      area: document.querySelector(".timeline-area").getBoundingClientRect().toJSON(),
      ticks: [...document.querySelectorAll(".axis .tick")].map((t) => ({ text: t.textContent, ...t.getBoundingClientRect().toJSON() })),
    }));
    assert.ok(ticks.length >= 3, `${ticks.length} years on the axis`);
    for (const tick of ticks) {
      assert.ok(tick.left >= area.left && tick.right <= area.right, `${tick.text} is cut at ${viewport.width} px: ${tick.left}–${tick.right} outside ${area.left}–${area.right}`);
    }
    await context.close();
  }
});
