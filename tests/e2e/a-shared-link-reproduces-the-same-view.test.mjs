// Filters → "Copy link" → the link opened in a fresh page gives the same results and controls.
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

test("a copied link opens the same view elsewhere", async () => {
  const context = await env.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const app = await openApp(env, "?view=list", { context });
  const total = await app.count();
  await app.page.getByRole("checkbox", { name: /CAR-T cell therapy/ }).check();
  await app.waitForCount((n) => n < total, "the CAR-T filter");
  await app.search("lymphoma");
  await app.page.getByLabel("From year").fill("2010");
  await app.page.getByLabel("From year").press("Enter");
  await app.page.getByLabel("From year").blur();
  const filtered = await app.waitForCount((n) => n > 0 && n < total, "a filtered list");
  const ids = await app.cardIds();

  await app.page.getByRole("button", { name: "Copy link" }).click();
  await app.page.getByText("Link copied").waitFor();
  const link = await app.page.evaluate(() => navigator.clipboard.readText());
  const params = new URL(link).searchParams;
  assert.equal(params.get("q"), "lymphoma");
  assert.equal(params.get("approach"), "car-t");
  assert.equal(params.get("from"), "2010");
  assert.equal(params.get("view"), "list");
  assert.ok(params.get("v"), "the link carries the dataset version");

  const fresh = await env.browser.newContext();
  const other = await openApp(env, link.slice(env.url().length), { context: fresh });
  assert.equal(await other.count(), filtered);
  // The same records in the same order. How many cards exist depends on where each page is
  // scrolled (the list is virtualised), so the cards both pages drew are compared.
  const otherIds = await other.cardIds();
  const drawn = Math.min(ids.length, otherIds.length);
  assert.ok(drawn >= 4, `both pages draw cards (${ids.length}, ${otherIds.length})`);
  assert.deepEqual(otherIds.slice(0, drawn), ids.slice(0, drawn));
  assert.equal(await other.searchBox.inputValue(), "lymphoma");
  assert.ok(await other.page.getByRole("checkbox", { name: /CAR-T cell therapy/ }).isChecked());
  assert.equal(await other.page.getByLabel("From year").inputValue(), "2010");
  assert.equal(await other.page.locator(".notice").count(), 0, "no notice for a good link");
  assert.deepEqual([...app.errors, ...other.errors], []);
});
