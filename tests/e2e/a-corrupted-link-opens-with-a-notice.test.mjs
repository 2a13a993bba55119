// A link with bad parameters opens with what could be understood and a dismissible notice.
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

test("a corrupted link shows a notice, keeps what it understood, and throws nothing", async () => {
  const bad =
    "?q=pd-1&approach=car-x,checkpoint-inhibitor&from=19x0&to=2020&to=2000&bogus=1" +
    "&study=no-such-study&cancer=%E0%A4%A&zoom=2020-1990&v=old-version&" +
    "x".repeat(5000);
  const app = await openApp(env, bad);
  const { page } = app;
  const notice = page.locator(".notice");
  await notice.waitFor();
  const text = await notice.textContent();
  for (const expected of ["bogus", "car-x", "19x0", "no-such-study", "changed"]) {
    assert.ok(text.toLowerCase().includes(expected.toLowerCase()), `notice mentions ${expected}: ${text}`);
  }
  assert.ok((await app.count()) > 0, "the understood filters still give results");
  assert.equal(await app.searchBox.inputValue(), "pd-1");
  assert.ok(await page.getByRole("checkbox", { name: /Checkpoint inhibitor/ }).isChecked());
  assert.equal(app.params().get("bogus"), null, "the address is made canonical");

  await page.getByRole("button", { name: "Dismiss" }).click();
  await notice.waitFor({ state: "detached" });
  assert.deepEqual(app.errors, []);
});

test("an old dataset version in a link is reported", async () => {
  const app = await openApp(env, "?v=00000000");
  const text = await app.page.locator(".notice").textContent();
  assert.match(text, /data/i);
  assert.deepEqual(app.errors, []);
});
