// "New since your last visit": the device notes which bundled records it has seen (in its own
// storage). On a later visit with records added since, a notice says how many and offers to
// show only them; once the reader has chosen (or dismissed it), it is not said again. A first
// visit, or a note this version cannot read, announces nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openApp } from "./helpers.mjs";

const KEY = "immunotimeline.seen";
let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Forgets three of the noted records, as if they had been added since. */
async function forgetThree(page) {
  return page.evaluate((key) => {
    const lines = localStorage.getItem(key).split("\n");
    const forgotten = lines.splice(5, 3);
    localStorage.setItem(key, lines.join("\n"));
    return forgotten;
  }, KEY);
}

test("records added since the last visit are announced, shown on request, then not again", async () => {
  const app = await openApp(env, "?view=list");
  const { page } = app;
  const total = await app.count();
  const noted = await page.evaluate((key) => localStorage.getItem(key), KEY);
  assert.ok(noted.startsWith("immunotimeline/seen 1\n"), "the first visit notes what it saw");
  assert.equal(noted.split("\n").length - 1, total);
  assert.equal(await page.getByText(/added since your last visit/).count(), 0, "nothing is new on a first visit");

  const forgotten = await forgetThree(page);
  await page.reload();
  await page.getByText("3 records were added since your last visit.").waitFor();
  await page.getByRole("button", { name: "Show only the new" }).click();
  await app.waitForCount((n) => n === 3, "only the new records");
  const shown = (await app.cardIds()).sort();
  assert.deepEqual(shown, [...forgotten].sort());
  await page.getByRole("button", { name: "Show every record" }).click();
  await app.waitForCount((n) => n === total, "every record again");

  // Said once: the choice noted today's records.
  await page.reload();
  await app.waitForCount((n) => n === total, "every record");
  assert.equal(await page.getByText(/added since your last visit/).count(), 0);

  // Dismissing notes them too.
  await forgetThree(page);
  await page.reload();
  await page.getByText("3 records were added since your last visit.").waitFor();
  await page.getByRole("button", { name: "Dismiss" }).click();
  await page.reload();
  await app.waitForCount((n) => n === total, "every record");
  assert.equal(await page.getByText(/added since your last visit/).count(), 0);

  // A note this version cannot read is replaced, and announces nothing.
  await page.evaluate((key) => localStorage.setItem(key, "garbage"), KEY);
  await page.reload();
  await app.waitForCount((n) => n === total, "every record");
  assert.equal(await page.getByText(/added since your last visit/).count(), 0);
  assert.ok((await page.evaluate((key) => localStorage.getItem(key), KEY)).startsWith("immunotimeline/seen 1\n"));
  assert.deepEqual(app.errors, []);
  await page.context().close();
});
