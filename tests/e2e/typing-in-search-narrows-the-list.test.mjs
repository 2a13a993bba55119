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
  const app = await openApp(env);
  const all = await app.studyIds();
  assert.ok(all.length >= 3, `expected the bundled studies, got ${all.length}`);
  assert.match(await app.status.textContent(), new RegExp(`All ${all.length} studies`));

  await app.search("TNF");
  await app.page.waitForFunction(
    (n) => document.querySelectorAll(".study").length < n,
    all.length,
  );
  const narrowed = await app.studyIds();
  assert.ok(narrowed.includes("kottke-2017-mrd-recurrence"), narrowed.join(", "));
  assert.ok(narrowed.length < all.length);
  assert.match(await app.status.textContent(), new RegExp(`of ${all.length} studies`));

  await app.search("");
  await app.page.waitForFunction((n) => document.querySelectorAll(".study").length === n, all.length);
  assert.deepEqual(app.errors, []);
});

test("the search box is reachable with the / key", async () => {
  const app = await openApp(env);
  await app.page.keyboard.press("/");
  const focused = await app.page.evaluate(() => document.activeElement?.getAttribute("type"));
  assert.equal(focused, "search");
});
