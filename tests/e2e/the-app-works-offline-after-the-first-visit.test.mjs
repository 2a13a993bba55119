// After one online visit the service worker serves the whole app: with the network gone (the
// browser offline and the server stopped), a reload and a deep link with query parameters still
// render the full app with the records' summaries, search still works, and so does an export (the import/export worker's
// files come from the cache too; the page itself never loaded them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openApp, stopServer, waitForServiceWorker } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("after the first visit, a reload and a deep link work with no network", async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const app = await openApp(env, "", { context });
  assert.equal(await waitForServiceWorker(app.page), env.url());
  const total = await app.count();
  assert.ok(total >= 3, `expected the bundled studies, got ${total}`);

  await context.setOffline(true);
  await stopServer(env);

  await app.page.reload();
  await app.waitForCount((n) => n === total, "every study after an offline reload");

  const deep = await openApp(env, "?q=car-t&view=list", { context });
  // Search works offline: the whole list, then only what matches "CAR".
  await deep.search("");
  await deep.waitForCount((n) => n === total, "every study");
  await deep.search("CAR");
  await deep.waitForCount((n) => n > 0 && n < total, "fewer studies for CAR");

  // The records' summaries and sources come from the cache too.
  const study = await openApp(env, "?study=akkermansia-pd1-2018", { context });
  await study.page.locator("aside.detail .detail-summary", { hasText: /muciniphila/i }).waitFor();
  assert.ok((await study.page.locator("aside.detail .sources li").count()) >= 1);

  const [file] = await Promise.all([
    deep.page.waitForEvent("download"),
    deep.page.getByRole("button", { name: "CSV", exact: true }).click(),
  ]);
  assert.match(file.suggestedFilename(), /\.csv$/);
  await deep.page.getByText(/Downloaded .*\.csv/).waitFor();

  assert.deepEqual([...app.errors, ...deep.errors, ...study.errors], []);
  await context.close();
});
