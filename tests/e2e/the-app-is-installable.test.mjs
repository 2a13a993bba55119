// The release app is an installable web app: Chromium finds no problem with its manifest or
// installability, and every manifest icon loads at the size it declares, one of them maskable.
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

test("Chromium finds the app installable and its icons load at their declared sizes", async () => {
  const context = await env.browser.newContext();
  const app = await openApp(env, "", { context });
  await waitForServiceWorker(app.page);
  const cdp = await context.newCDPSession(app.page);

  const { url, errors, data } = await cdp.send("Page.getAppManifest");
  assert.deepEqual(errors, []);
  const manifest = JSON.parse(data);
  assert.equal(manifest.name, "Cancer Immunotherapy Timeline");
  assert.equal(manifest.display, "standalone");
  assert.equal(new URL(manifest.start_url, url).href, env.url());
  assert.equal(new URL(manifest.scope, url).href, env.url());
  assert.ok(manifest.icons.some((icon) => icon.purpose === "maskable"));

  // Test browser contexts are incognito windows, where Chromium never offers to install.
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  const problems = installabilityErrors.filter((e) => e.errorId !== "in-incognito");
  assert.deepEqual(problems, []);

  for (const icon of manifest.icons) {
    const size = await app.page.evaluate(async (src) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      return `${img.naturalWidth}x${img.naturalHeight}`;
    }, new URL(icon.src, url).href);
    assert.equal(size, icon.sizes, icon.src);
  }
  assert.deepEqual(app.errors, []);
  await context.close();
});
