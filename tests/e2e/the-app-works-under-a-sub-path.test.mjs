// dist/ copied as it is under a sub-path of a host (here /timeline/) works like at the root:
// the app renders and searches, every request stays under the sub-path, the service worker's
// scope is the sub-path, and the app (and its compact view for embedding) then works offline
// there too.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  start,
  openApp,
  waitForServiceWorker,
  recordNetwork,
  stopServer,
} from "./helpers.mjs";

const PREFIX = "/timeline/";
let env;
before(async () => {
  env = await start({ prefix: PREFIX });
});
after(async () => {
  await env?.close();
});

test("the app works, installs its worker and works offline under /timeline/", async () => {
  const context = await env.browser.newContext();
  const network = recordNetwork(context);
  const app = await openApp(env, "?view=list", { context });
  const total = await app.count();
  assert.ok(total >= 3, `expected the bundled studies, got ${total}`);
  await app.search("CAR");
  await app.waitForCount((n) => n > 0 && n < total, "fewer studies for CAR");
  await app.search("");
  await app.waitForCount((n) => n === total, "every study");
  // The address follows typing after a pause, and a reload started in that pause reloads the
  // address as it was (the browser fixes a reload's URL before the page hears of it).
  await app.waitForAddress("q", null);

  assert.equal(await waitForServiceWorker(app.page), `${env.origin}${PREFIX}`);
  const manifest = await app.page.evaluate(async () => {
    const link = document.querySelector("link[rel=manifest]");
    const response = await fetch(link.href);
    return { url: response.url, ok: response.ok, start: (await response.json()).start_url };
  });
  assert.ok(manifest.ok);
  assert.equal(new URL(manifest.start, manifest.url).href, `${env.origin}${PREFIX}`);

  const outside = network.requests.filter((url) => !url.startsWith(`${env.origin}${PREFIX}`));
  assert.deepEqual(outside, []);
  assert.deepEqual(network.failures, []);

  await context.setOffline(true);
  await stopServer(env);
  await app.page.reload();
  await app.waitForCount((n) => n === total, "every study after an offline reload");
  // The compact view for another page's frame works there too, offline, in the theme its
  // address asks for, and links back to the whole app under the sub-path.
  await app.page.goto(env.url("?q=car-t&embed=1&theme=dark"));
  await app.page.locator(".embed-caption").waitFor();
  await app.waitForCount((n) => n > 0 && n < total, "the CAR-T studies in the compact view");
  assert.equal(await app.page.locator("html").getAttribute("data-theme"), "dark");
  const back = new URL(await app.page.getByRole("link", { name: /Open in the full timeline/ }).getAttribute("href"));
  assert.equal(back.pathname, PREFIX);
  assert.equal(back.searchParams.get("q"), "car-t");
  assert.equal(back.searchParams.get("embed"), null);
  // So does the page that writes the frame's code.
  await app.page.goto(env.url("embed.html?q=car-t"));
  const code = await app.page.getByRole("textbox", { name: "Code" }).inputValue();
  assert.ok(code.includes(`src="${env.url("?q=car-t&amp;embed=1")}"`), code);
  assert.deepEqual(app.errors, []);
  await context.close();
});
