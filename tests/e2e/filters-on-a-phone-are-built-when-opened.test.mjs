// On a narrow screen the filters start closed and are built only when opened (a phone's start
// does less); once opened they work like on a wide screen.
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
