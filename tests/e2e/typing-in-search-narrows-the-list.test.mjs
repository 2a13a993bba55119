// A user opens the served release build, types in the search box and sees the list change.
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

test("typing in the search box narrows the list and the count says so", async () => {
  const app = await openApp(env, "?view=list");
  const total = await app.count();
  assert.ok(total >= 80, `expected the bundled records, got ${total}`);
  assert.match(await app.status.textContent(), new RegExp(`All ${total} studies`));
  assert.ok((await app.cardIds()).length > 0, "the list renders cards");

  await app.search("Kottke");
  const narrowed = await app.waitForCount((n) => n > 0 && n < total, "a narrower list");
  assert.ok((await app.cardIds()).includes("kottke-2017-mrd-recurrence"));
  assert.match(await app.status.textContent(), new RegExp(`${narrowed} of ${total} studies`));
  // The address follows typing once it pauses (rewriting it on every key is too slow).
  await app.waitForAddress("q", "Kottke");
  assert.equal(app.params().get("q"), "Kottke", "the text is in the address");

  await app.search("");
  await app.waitForCount((n) => n === total, "the full list again");
  assert.deepEqual(app.errors, []);
});

test("the search box is reachable with the / key", async () => {
  const app = await openApp(env);
  await app.page.locator("body").click({ position: { x: 5, y: 5 } });
  await app.page.keyboard.press("/");
  const focused = await app.page.evaluate(() => document.activeElement?.getAttribute("type"));
  assert.equal(focused, "search");
});
