// Choosing a view or a study adds a history entry; typing does not; Back/Forward restore views.
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

test("back and forward move between views, studies and filters", async () => {
  const app = await openApp(env);
  const { page } = app;
  const historyLength = () => page.evaluate(() => history.length);
  const startLength = await historyLength();

  await app.search("car");
  await app.search("car-t");
  assert.equal(await historyLength(), startLength, "typing replaces the entry");

  await app.showView("List");
  assert.equal(app.params().get("view"), "list");
  await page.locator(".card a").first().click();
  await page.locator(".detail h2").waitFor();
  const studyId = app.params().get("study");
  assert.ok(studyId, "choosing a study puts it in the address");

  await page.goBack();
  await page.locator(".detail").waitFor({ state: "detached" });
  assert.equal(app.params().get("study"), null);
  assert.equal(app.params().get("view"), "list");

  await page.goBack();
  await page.locator(".timeline").waitFor();
  assert.equal(app.params().get("view"), null);
  assert.equal(await app.searchBox.inputValue(), "car-t", "the typed text survives");

  await page.goForward();
  await page.goForward();
  await page.locator(".detail h2").waitFor();
  assert.equal(app.params().get("study"), studyId);
  assert.deepEqual(app.errors, []);
});

test("the detail panel links to what a study builds on, and Escape closes it", async () => {
  const app = await openApp(env, "?study=dondossola-2016-tnf-self-targeting");
  const { page } = app;
  await page.locator(".detail h2").waitFor();
  await page.getByRole("link", { name: /Circulating cancer cells/ }).click();
  await page.waitForFunction(() => new URL(location.href).searchParams.get("study") === "kim-2009-tumor-self-seeding");
  await page.getByRole("heading", { name: "Built upon by" }).waitFor();
  await page.keyboard.press("Escape");
  await page.locator(".detail").waitFor({ state: "detached" });
  await page.goBack();
  await page.locator(".detail h2").waitFor();
  assert.equal(app.params().get("study"), "kim-2009-tumor-self-seeding");
  assert.deepEqual(app.errors, []);
});

test("leaving right after typing, before the address follows, Back returns to the typed text", async () => {
  const app = await openApp(env, "?view=list");
  const { page } = app;
  await app.search("melanoma");
  // At once: the address is written only after typing pauses, or when the page is left.
  await page.evaluate(() => {
    location.href = "about:blank";
  });
  await page.waitForURL("about:blank");
  await page.goBack();
  await page.locator(".result-count").waitFor();
  assert.equal(app.params().get("q"), "melanoma");
  assert.equal(await app.searchBox.inputValue(), "melanoma");
  assert.deepEqual(app.errors, []);
});
