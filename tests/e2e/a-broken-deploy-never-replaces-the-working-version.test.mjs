// A deploy with a missing file (any precache request that is not 200) must not replace the
// working app: the new service worker's install fails, nothing is offered, the open tab keeps
// running, and a reload still gets the previous build from the cache.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { start, openApp, waitForServiceWorker, copyBuild, precache } from "./helpers.mjs";

const TITLE = "Cancer Immunotherapy Timeline";
let env, v1, broken, served;
before(async () => {
  v1 = await copyBuild();
  broken = await copyBuild(v1.dir);
  const index = join(broken.dir, "index.html");
  const html = await readFile(index, "utf8");
  await writeFile(index, html.replace(`<title>${TITLE}</title>`, `<title>${TITLE} broken</title>`));
  await precache(broken.dir);
  // The upload "lost" the app's JS after sw.js had listed it.
  const js = (await readdir(broken.dir)).find((name) => /^immunotimeline-.*\.js$/.test(name));
  await rm(join(broken.dir, js));
  served = await copyBuild(v1.dir);
  env = await start({ root: served.dir });
});
after(async () => {
  await env?.close();
  await Promise.all([v1, broken, served].map((build) => build?.remove()));
});

test("a deploy with a missing file is never installed and the app keeps working", async () => {
  const context = await env.browser.newContext();
  const app = await openApp(env, "", { context });
  await waitForServiceWorker(app.page);
  const before = await app.page.evaluate(() => caches.keys());

  await rm(served.dir, { recursive: true });
  await cp(broken.dir, served.dir, { recursive: true });
  const outcome = await app.page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const found = new Promise((done) => {
      registration.addEventListener("updatefound", () => done(registration.installing), {
        once: true,
      });
    });
    await registration.update();
    const worker = await found;
    await new Promise((done) => {
      const settled = () => ["installed", "redundant"].includes(worker.state) && done();
      worker.addEventListener("statechange", settled);
      settled();
    });
    return { state: worker.state, waiting: registration.waiting };
  });
  assert.deepEqual(outcome, { state: "redundant", waiting: null });
  assert.equal(await app.page.getByText("A new version is available").count(), 0);
  assert.deepEqual(await app.page.evaluate(() => caches.keys()), before);

  await app.page.reload();
  await app.page.locator(".result-count").waitFor();
  assert.equal(await app.page.title(), TITLE);
  assert.deepEqual(app.errors, []);
  await context.close();
});
