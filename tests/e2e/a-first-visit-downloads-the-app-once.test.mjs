// A first visit downloads each file of the app once: the service worker is registered after the
// app has started, and its precache takes the content-hashed files (the wasm is most of the
// build) from the HTTP cache the page has just filled, revalidated with a 304, instead of
// downloading them a second time alongside the page. The import/export worker's files are not
// the page's to load: only the precache fetches them, once, after the app has started.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openApp, waitForServiceWorker } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("the first visit downloads the wasm once and registers the worker after it", async () => {
  const context = await env.browser.newContext();
  const app = await openApp(env, "", { context });
  await waitForServiceWorker(app.page);

  const wasm = env.responses.filter((r) => /immunotimeline-[0-9a-f]{8,16}_bg\.wasm$/.test(r.path));
  assert.deepEqual(
    wasm.map((r) => r.status),
    [200, 304],
    "the page downloads the wasm, the worker's precache revalidates it",
  );
  const glue = env.responses.filter((r) => /immunotimeline-[0-9a-f]{8,16}\.js$/.test(r.path));
  assert.deepEqual(glue.map((r) => r.status), [200, 304]);
  // The records' details: fetched by the page once its first results are painted, after the
  // wasm, and revalidated by the precache like the other content-hashed files.
  const details = env.responses.filter((r) => /^\/details-[0-9a-f]{16}\.postcard$/.test(r.path));
  assert.deepEqual(details.map((r) => r.status), [200, 304]);
  assert.ok(env.responses.indexOf(details[0]) > env.responses.indexOf(wasm[0]));
  // Non-hashed files are precached fresh (a stale index.html must never be kept).
  const pages = env.responses.filter((r) => r.path === "/");
  assert.deepEqual(pages.map((r) => r.status), [200, 200]);

  const worker = env.responses.findIndex((r) => r.path === "/sw.js");
  assert.ok(
    worker > env.responses.indexOf(wasm[0]),
    "sw.js is first asked for after the wasm has been served",
  );
  for (const name of ["/exchange_bg.wasm", "/exchange.js", "/exchange-worker.js"]) {
    const fetched = env.responses.filter((r) => r.path === name);
    assert.deepEqual(fetched.map((r) => r.status), [200], `${name} is fetched once, by the precache`);
    assert.ok(env.responses.indexOf(fetched[0]) > worker, `${name} is fetched after sw.js`);
  }
  assert.deepEqual(app.errors, []);
  await context.close();
});
