// On a narrow screen the filters start closed and are built only when opened (a phone's start
// does less); once opened they work like on a wide screen. On a wide screen they are built once,
// with the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openApp } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("a phone's closed filters open, and a choice narrows the results", async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const app = await openApp(env, "", { context });
  const filters = app.page.locator("details.facets");
  assert.equal(await filters.getAttribute("open"), null, "closed on a phone");
  assert.equal(await filters.locator("input[type=checkbox]").count(), 0, "nothing built yet");

  const before = await app.count();
  await filters.getByText("Filters").click();
  const option = app.page.getByRole("checkbox", { name: /Checkpoint inhibitor/ });
  await option.check();
  const after = await app.waitForCount((n) => n > 0 && n < before, "fewer studies");
  assert.ok(after < before, `${after} < ${before}`);
  assert.equal(app.params().get("approach"), "checkpoint-inhibitor");
  assert.deepEqual(app.errors, []);
  await context.close();
});

test("a wide screen's open filters are built once, not again when the page starts", async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Keeps the first filter checkbox the moment it is inserted, before `toggle` fires for the
  // open <details> (which once rebuilt every group).
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const box = document.querySelector("details.facets input[type=checkbox]");
      if (box) {
        window.__firstFilterBox = box;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const app = await openApp(env, "", { context });
  const filters = app.page.locator("details.facets");
  assert.equal(await filters.getAttribute("open"), "", "open on a wide screen");
  // `toggle` is queued when the open <details> is inserted; let it and a few frames pass.
  await app.page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 300)))),
  );
  const same = await app.page.evaluate(
    () =>
      window.__firstFilterBox?.isConnected === true &&
      document.querySelector("details.facets input[type=checkbox]") === window.__firstFilterBox,
  );
  assert.ok(same, "the first checkbox built is still the one on the page");
  assert.deepEqual(app.errors, []);
  await context.close();
});
