// The records' full titles, summaries, sources and notes are not in the app's wasm: they come in
// a file of their own (`details-<hash>.postcard`) fetched after the first paint. Held back, the
// page still shows every record, a record's short title and facts, and says the rest is loading; a search with
// text says it is being prepared rather than miss a word that is only in a summary. Once the
// file is in, the summary and its sources show and the same search finds the record, and the
// timeline's markers take the full titles as names without being built again.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openApp } from "./helpers.mjs";

const DETAILS = /\/details-[0-9a-f]{16}\.postcard$/;
// "muciniphila" is in this record's summary only (not in any title, label, drug or target).
const RECORD = "akkermansia-pd1-2018";
const LABEL = "Akkermansia linked to anti-PD-1 response";
const TITLE = "Antibiotics blunt PD-1 blockade, and the gut microbe Akkermansia is linked to response";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("held back, the details file holds up nothing but summaries; released, they show", async () => {
  const context = await env.browser.newContext();
  let release;
  const held = new Promise((done) => (release = done));
  let asked = 0;
  await context.route(DETAILS, async (route) => {
    // The page's own request (the service worker's precache asks for the file too).
    if (!route.request().serviceWorker()) asked += 1;
    await held;
    await route.continue();
  });
  const app = await openApp(env, `?view=list&study=${RECORD}`, { context, details: false });
  const { page } = app;

  const total = await app.count();
  assert.ok(total >= 350, `every record is listed without the details: ${total}`);
  const detail = page.locator("aside.detail");
  await detail.locator("#detail-title").waitFor();
  // The short title stands in for the full one.
  assert.equal(await detail.locator("#detail-title").textContent(), LABEL);
  await detail.getByText("Loading the summary, sources and notes…").waitFor();
  assert.equal(await detail.locator(".detail-summary").textContent(), "");
  assert.equal(asked, 1, "the app asked for the details file once");

  await app.search("muciniphila");
  await page.locator(".result-count", { hasText: /Preparing/ }).waitFor();

  release();
  await app.waitForCount((n) => n === 1, "the one record whose summary has the word");
  assert.deepEqual(await app.cardIds(), [RECORD]);
  await page.locator(".card-summary", { hasText: /muciniphila/i }).waitFor();
  assert.equal(await detail.locator("#detail-title").textContent(), TITLE);
  assert.equal(await page.locator(`#card-${RECORD}`).textContent(), TITLE);
  const summary = await detail.locator(".detail-summary").textContent();
  assert.match(summary, /muciniphila/i);
  assert.ok((await detail.locator(".sources a").count()) >= 1, "the sources are links");
  assert.equal(await detail.getByText("Loading the summary").count(), 0);
  assert.deepEqual(app.errors, []);
  await context.close();
});

test("when the details file arrives, the timeline's markers are renamed in place, not rebuilt", async () => {
  const context = await env.browser.newContext();
  let release;
  const held = new Promise((done) => (release = done));
  await context.route(DETAILS, async (route) => {
    await held;
    await route.continue();
  });
  const app = await openApp(env, "?view=timeline", { context, details: false });
  const { page } = app;
  await page.locator(".marker[data-id]").first().waitFor();
  // The buttons themselves with their names: a rebuilt timeline would put new ones in their place.
  const kept = await page.evaluate(() => {
    window.__markers = [...document.querySelectorAll(".marker[data-id]")].map((el) => [el, el.getAttribute("aria-label")]);
    return window.__markers.length;
  });
  assert.ok(kept >= 10, `${kept} markers`);

  release();
  // Named by their short titles until now, some are renamed by their full titles.
  await page.waitForFunction(() => window.__markers.some(([el, name]) => el.getAttribute("aria-label") !== name));
  const still = await page.evaluate(() => window.__markers.filter(([el]) => el.isConnected).length);
  assert.equal(still, kept, "every marker is the same button as before");
  assert.deepEqual(app.errors, []);
  await context.close();
});
