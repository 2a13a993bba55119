// A new build deployed while the app is open is offered, not forced: the open tab keeps running
// the old build until the user clicks "Reload" in the update banner, then runs the new one. No
// request fails and nothing is logged as an error along the way, and the old cache is deleted.
//
// The second build is made without a second wasm build: a copy of dist/ with a changed <title>,
// re-processed by scripts/precache.mjs exactly as the post_build hook would.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import {
  start,
  openApp,
  waitForServiceWorker,
  recordNetwork,
  copyBuild,
  precache,
} from "./helpers.mjs";

const TITLE = "Cancer Immunotherapy Timeline";
let env, v1, v2, served;
before(async () => {
  v1 = await copyBuild();
  v2 = await copyBuild(v1.dir);
  const index = join(v2.dir, "index.html");
  const html = await readFile(index, "utf8");
  await writeFile(index, html.replace(`<title>${TITLE}</title>`, `<title>${TITLE} v2</title>`));
  await precache(v2.dir);
  served = await copyBuild(v1.dir);
  env = await start({ root: served.dir });
});
after(async () => {
  await env?.close();
  await Promise.all([v1, v2, served].map((build) => build?.remove()));
});

test("a new version is offered with a Reload button and runs only after the click", async () => {
  const workers = await Promise.all(
    [v1, v2].map((build) => readFile(join(build.dir, "sw.js"), "utf8")),
  );
  assert.notEqual(workers[0], workers[1], "v2 must have a new build id");

  const context = await env.browser.newContext();
  const network = recordNetwork(context);
  const app = await openApp(env, "", { context });
  await waitForServiceWorker(app.page);
  assert.equal(await app.page.title(), TITLE);

  // Deploy v2 and let the browser look for it (as it does by itself on later navigations).
  await rm(served.dir, { recursive: true });
  await cp(v2.dir, served.dir, { recursive: true });
  await app.page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  const banner = app.page.getByRole("status").filter({ hasText: "A new version is available" });
  const reload = banner.getByRole("button", { name: "Reload" });
  await reload.waitFor();
  // Offered, not taken: the new worker waits and this tab still runs v1.
  assert.ok(await app.page.evaluate(async () => (await navigator.serviceWorker.ready).waiting));
  assert.equal(await app.page.title(), TITLE);
  assert.equal((await app.page.evaluate(() => caches.keys())).length, 2);

  const reloaded = app.page.waitForEvent("load");
  await reload.click();
  await reloaded;
  await app.page.locator(".result-count").waitFor();
  assert.equal(await app.page.title(), `${TITLE} v2`);
  assert.equal(await banner.count(), 0);
  const state = await app.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { waiting: registration.waiting, caches: await caches.keys() };
  });
  assert.equal(state.waiting, null);
  assert.equal(state.caches.length, 1, `old caches left: ${state.caches.join(", ")}`);

  assert.ok(network.requests.length > 0);
  assert.deepEqual(network.failures, []);
  assert.deepEqual(app.errors, []);
  await context.close();
});
