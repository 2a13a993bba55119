// Importing a file shows its records marked as imported, keeps them across a reload, refuses a
// bad file without touching what is there, and removing them restores the bundled data.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { start, openApp } from "./helpers.mjs";

const GOOD = fileURLToPath(new URL("../fixtures/e2e/my-records.csv", import.meta.url));
const BAD = fileURLToPath(new URL("../fixtures/import/truncated.json", import.meta.url));
const PARTLY = fileURLToPath(new URL("../fixtures/import/partly-valid.csv", import.meta.url));

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("import, reload, refuse a bad file, partial import by choice, remove", async () => {
  const context = await env.browser.newContext();
  const app = await openApp(env, "?view=list", { context });
  const { page } = app;
  const bundled = await app.count();
  const picker = page.locator(".drop-zone input[type=file]");

  await picker.setInputFiles(GOOD);
  await page.getByRole("button", { name: "Import 2 records" }).click();
  await app.waitForCount((n) => n === bundled + 2, "the two imported records");
  await app.search("lab notes");
  await app.waitForCount((n) => n === 1, "the imported record found by search");
  assert.deepEqual(await app.cardIds(), ["my-lab-notes-2023"]);
  assert.equal(await page.locator(".card.imported").count(), 1);

  await app.waitForAddress("q", "lab notes");
  await page.reload();
  await app.waitForCount((n) => n === 1, "the import kept across a reload");
  assert.deepEqual(await app.cardIds(), ["my-lab-notes-2023"]);
  await app.search("");
  await app.waitForCount((n) => n === bundled + 2, "everything");

  await picker.setInputFiles(BAD);
  const refusal = page.locator(".import-report");
  await refusal.waitFor();
  assert.match(await refusal.textContent(), /cannot be imported/);
  assert.equal(await page.getByRole("button", { name: /^Import/ }).count(), 0, "no way to import it");
  assert.equal(await app.count(), bundled + 2, "nothing changed");
  await page.getByRole("button", { name: "Close" }).click();

  await picker.setInputFiles(PARTLY);
  const partial = page.getByRole("button", { name: /Import the \d+ valid, skip \d+/ });
  await partial.waitFor();
  assert.equal(await app.count(), bundled + 2, "nothing changes before the choice");
  await page.getByRole("button", { name: "Cancel" }).click();

  await page.getByRole("checkbox", { name: "Show bundled records" }).uncheck();
  await app.waitForCount((n) => n === 2, "only imported records");
  assert.equal(app.params().get("hide"), "bundled");
  await page.getByRole("checkbox", { name: "Show bundled records" }).check();

  await page.getByRole("button", { name: "Remove imported records" }).click();
  await app.waitForCount((n) => n === bundled, "the bundled data again");
  await page.reload();
  await app.waitForCount((n) => n === bundled, "still only the bundled data after a reload");
  assert.deepEqual(app.errors, []);
});
