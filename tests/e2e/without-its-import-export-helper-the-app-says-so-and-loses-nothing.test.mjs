// Import, export and stored imports go through a worker (public/exchange-worker.js) whose wasm
// the page downloads only when it is needed. When that download fails (here: a deploy without
// the file), the app still opens with the bundled data, says why the saved imports are not
// shown, keeps them saved, and an export or an import says it failed instead of doing nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { start, openApp, copyBuild } from "./helpers.mjs";

const KEY = "immunotimeline.imports";
const GOOD = fileURLToPath(new URL("../fixtures/e2e/my-records.csv", import.meta.url));

let build;
let env;
before(async () => {
  build = await copyBuild();
  await rm(join(build.dir, "exchange_bg.wasm"));
  env = await start({ root: build.dir });
});
after(async () => {
  await env?.close();
  await build?.remove();
});

test("without the helper's wasm, saved imports are kept and export and import say they failed", async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const stored = JSON.stringify({ schema: "immunotimeline/import", version: 1, studies: [] });
  await context.addInitScript(
    ([key, text]) => location.protocol === "http:" && (localStorage.getItem(key) ?? localStorage.setItem(key, text)),
    [KEY, stored],
  );
  // Requests for the helper's wasm by the app (the service worker's precache asks for it too).
  let tries = 0;
  context.on("request", (request) => {
    if (request.url().endsWith("/exchange_bg.wasm") && !request.serviceWorker()) tries++;
  });
  const pageErrors = [];
  context.on("page", (page) => page.on("pageerror", (error) => pageErrors.push(String(error))));
  const app = await openApp(env, "?view=list", { context });
  const { page } = app;
  assert.ok((await app.count()) >= 3, "the bundled studies are shown");
  await page.getByText(/could not be read now .*they are still saved/).first().waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), stored);

  let downloads = 0;
  page.on("download", () => downloads++);
  await page.getByRole("button", { name: "CSV", exact: true }).click();
  await page.getByText(/The export failed: .*Nothing was changed\./).waitFor();
  assert.equal(downloads, 0);
  // Each try starts a new helper (after the start-up's and the CSV's), and none hangs.
  assert.equal(tries, 2);
  await page.getByRole("button", { name: "JSON", exact: true }).click();
  await page.waitForFunction(() => /Preparing/.test(document.querySelector(".data-status").textContent) === false);
  while (tries < 3) await page.waitForTimeout(50);
  await page.getByText(/The export failed: .*Nothing was changed\./).waitFor();

  await page.locator(".drop-zone input[type=file]").setInputFiles(GOOD);
  await page.getByText(/Reading the file failed: .*Nothing was changed\./).waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), stored);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
