// The app makes no request to any origin but its own: every request of a session (first load
// with the service worker's precaching, a search, opening a study, a reload) is same-origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  start,
  openApp,
  waitForServiceWorker,
  openFirstStudy,
  recordNetwork,
} from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("every request of a session goes to the app's own origin", async () => {
  const context = await env.browser.newContext();
  const network = recordNetwork(context);
  const app = await openApp(env, "?view=list", { context });
  await waitForServiceWorker(app.page);
  const total = await app.count();

  await app.search("melanoma");
  await app.waitForCount((n) => n > 0 && n < total, "fewer studies for melanoma");
  await openFirstStudy(app.page);
  // Let the browser's own favicon fetch finish: a reload would abort it, a failure of the
  // test's making rather than the app's.
  await app.page.waitForLoadState("networkidle");
  await app.page.reload();
  await app.page.locator(".result-count").waitFor();
  await app.page.waitForLoadState("networkidle");

  assert.ok(network.requests.length > 0, "no request was recorded");
  const foreign = network.requests.filter((url) => new URL(url).origin !== env.origin);
  assert.deepEqual(foreign, [], `requests to other origins (of ${network.requests.length})`);
  assert.deepEqual(network.failures, []);
  assert.deepEqual(app.errors, []);
  await context.close();
});
