// Import, export and stored imports go through a worker (public/exchange-worker.js) whose wasm
// the page downloads only when it is needed. When that fails (here: a deploy without the
// worker's wasm, or without its script), the app still opens with the bundled data, says why the
// saved imports are not shown, keeps them saved, and an export or an import says it failed
// instead of doing nothing. When the helper works again later in the visit, an import is still
// not saved over the records it could not read.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { start, openApp, copyBuild } from "./helpers.mjs";

const KEY = "immunotimeline.imports";
const GOOD = fileURLToPath(new URL("../fixtures/e2e/my-records.csv", import.meta.url));
const STORED = JSON.stringify({ schema: "immunotimeline/import", version: 1, studies: [] });

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** The release build without `missing`, served. */
async function serveWithout(missing) {
  const build = await copyBuild();
  cleanups.push(build.remove);
  await rm(join(build.dir, missing));
  const env = await start({ root: build.dir });
  cleanups.push(env.close);
  return env;
}

/** A browser context whose storage holds saved imports (the empty list, so they read as fine). */
async function contextWithSavedImports(env, options = {}) {
  const context = await env.browser.newContext({ acceptDownloads: true, ...options });
  await context.addInitScript(
    ([key, text]) => location.protocol === "http:" && (localStorage.getItem(key) ?? localStorage.setItem(key, text)),
    [KEY, STORED],
  );
  return context;
}

const stored = (page) => page.evaluate((key) => localStorage.getItem(key), KEY);

for (const missing of ["exchange_bg.wasm", "exchange-worker.js"]) {
  test(`without ${missing}, saved imports are kept and export and import say they failed`, async () => {
    const env = await serveWithout(missing);
    const context = await contextWithSavedImports(env);
    // The app's requests for the missing file (the service worker's precache asks for it too).
    let tries = 0;
    context.on("request", (request) => {
      if (request.url().endsWith(`/${missing}`) && !request.serviceWorker()) tries++;
    });
    const pageErrors = [];
    context.on("page", (page) => page.on("pageerror", (error) => pageErrors.push(String(error))));
    const app = await openApp(env, "?view=list", { context });
    const { page } = app;
    assert.ok((await app.count()) >= 3, "the bundled studies are shown");
    await page.getByText(/could not be read this time, because the import\/export helper .*; they are still saved/).first().waitFor();
    assert.equal(await stored(page), STORED);

    let downloads = 0;
    page.on("download", () => downloads++);
    const status = page.locator(".data-status");
    await page.getByRole("button", { name: "CSV", exact: true }).click();
    await status.getByText(/The export failed: the import\/export helper could not be loaded.*Nothing was changed\./).waitFor();
    assert.equal(downloads, 0);
    // Each try starts a new helper (after the start-up's and the CSV's), and none hangs.
    assert.equal(tries, 2);
    await page.getByRole("button", { name: "JSON", exact: true }).click();
    await page.waitForFunction(() => !/Preparing/.test(document.querySelector(".data-status").textContent));
    await status.getByText(/The export failed: .*Nothing was changed\./).waitFor();
    assert.equal(tries, 3);

    await page.locator(".drop-zone input[type=file]").setInputFiles(GOOD);
    await status.getByText(/Reading the file failed: .*Nothing was changed\./).waitFor();
    assert.equal(await stored(page), STORED);
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
}

test("an import is not saved over saved records the helper could not read at start-up", async () => {
  const env = await start();
  cleanups.push(env.close);
  // No service worker: its precache may ask for the helper's wasm first, when the page is idle
  // while the start-up waits, and then the abort below would hit its request instead.
  const context = await contextWithSavedImports(env, { serviceWorkers: "block" });
  // The start-up's helper cannot download its wasm; the next one can.
  let blocked = 0;
  await context.route(/\/exchange_bg\.wasm$/, (route) => (blocked++ === 0 ? route.abort() : route.continue()));
  const app = await openApp(env, "?view=list", { context });
  const { page } = app;
  await page.getByText(/could not be read this time, because the import\/export helper .*; they are still saved/).first().waitFor();
  await page.locator(".drop-zone input[type=file]").setInputFiles(GOOD);
  await page.getByRole("button", { name: /^Import/ }).click();
  await page.locator(".data-status").getByText(/saving now would replace them.*Nothing was changed\./).waitFor();
  assert.equal(await stored(page), STORED);
  assert.equal(await page.getByText(/imported records on this device/).count(), 0);

  // Removing them on purpose is the way out; then the import is saved.
  await page.getByRole("button", { name: "Remove the saved records" }).click();
  await page.getByRole("button", { name: /^Import/ }).click();
  await page.locator(".data-status").getByText(/^Imported \d+ records?/).waitFor();
  assert.notEqual(await stored(page), STORED);
  await page.getByText(/^\d+ imported records on this device/).waitFor();
  assert.ok(blocked >= 2, "the second helper loaded its wasm");
  await context.close();
});

test("a helper whose wasm never arrives is given up after 30 s, and the app opens", async () => {
  const env = await start();
  cleanups.push(env.close);
  const context = await contextWithSavedImports(env);
  // The download starts and never ends (the request is held, never answered).
  await context.route(/\/exchange_bg\.wasm$/, () => {});
  const page = await context.newPage();
  const opened = Date.now();
  await page.goto(env.url("?view=list"));
  await page.getByText(/could not be read this time, because the import\/export helper took too long to load/).first().waitFor({ timeout: 60_000 });
  assert.ok(Date.now() - opened >= 29_000, "not given up before its time");
  assert.ok((await page.locator(".card").count()) >= 3, "the bundled studies are shown");
  assert.equal(await stored(page), STORED);
  await context.close();
});
