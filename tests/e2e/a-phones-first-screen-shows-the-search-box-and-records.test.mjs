// On a 360 × 780 phone the first screen, without scrolling, shows the search box and at least two
// records; the years and filters wait behind one control.
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

const HEIGHT = 780;

/** How many of `selector`'s elements lie wholly within the first screen. */
function onFirstScreen(page, selector) {
  return page.$$eval(
    selector,
    (els, height) =>
      els.filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.top >= 0 && r.bottom <= height;
      }).length,
    HEIGHT,
  );
}

for (const [view, records] of [
  ["", ".timeline .lane-track > button.labeled:not([hidden])"],
  ["?view=list", ".feed .card"],
]) {
  test(`a phone's first screen shows the search box and records (${view || "timeline"})`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: HEIGHT } });
    const app = await openApp(env, view, { context });
    await app.page.locator(records).first().waitFor();
    assert.equal(await onFirstScreen(app.page, "#search-input"), 1, "the search box");
    const shown = await onFirstScreen(app.page, records);
    assert.ok(shown >= 2, `${shown} records on the first screen`);
    assert.equal(await app.page.locator(".overview").count(), 0, "the years wait behind the control");

    await app.page.getByText("Filters and years").click();
    await app.page.locator(".facets .overview").waitFor();
    assert.ok((await app.page.locator(".facets input[type=checkbox]").count()) > 0);
    assert.deepEqual(app.errors, []);
    await context.close();
  });
}
