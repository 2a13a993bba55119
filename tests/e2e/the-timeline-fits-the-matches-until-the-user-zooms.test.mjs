// The timeline's window follows the search to the years of what matches, until the user zooms or
// pans; "Fit" and the 0 key bring the fit back.
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

const window = (page) =>
  page.locator(".timeline-area").getAttribute("aria-label").then((label) => {
    const [, from, to] = label.match(/from (\d+) to (\d+)/);
    return [Number(from), Number(to)];
  });

test("a search fits the window to its matches, a zoom holds it, Fit restores it", async () => {
  const app = await openApp(env);
  const [allFrom] = await window(app.page);
  assert.ok(allFrom <= 1900, "all records start with Coley");

  await app.search("tisagenlecleucel");
  await app.page.waitForFunction(() =>
    /from (19[89]\d|20\d\d)/.test(document.querySelector(".timeline-area").getAttribute("aria-label")),
  );
  const [from, to] = await window(app.page);
  assert.ok(from >= 1980 && to >= 2017, `fitted to ${from}–${to}`);
  const fit = app.page.getByRole("button", { name: "Fit" });
  assert.ok(await fit.isDisabled(), "nothing to restore yet");

  await app.page.locator(".timeline-area").focus();
  await app.page.keyboard.press("+");
  await app.page.waitForFunction(() => new URL(location.href).searchParams.has("zoom"));
  const zoomed = await window(app.page);
  assert.ok(!(await fit.isDisabled()), "Fit is offered once zoomed");

  // Another search keeps the user's window.
  await app.search("pembrolizumab");
  await app.waitForCount((n) => n > 0, "pembrolizumab matches");
  assert.deepEqual(await window(app.page), zoomed);

  await app.page.locator(".timeline-area").focus();
  await app.page.keyboard.press("0");
  await app.page.waitForFunction(() => !new URL(location.href).searchParams.has("zoom"));
  const [again] = await window(app.page);
  assert.ok(again >= 1980, `fits pembrolizumab's years again, from ${again}`);
  assert.deepEqual(app.errors, []);
});
