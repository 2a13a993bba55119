// A guided story: "Stories" lists them; opening one shows its first step (where it is in the
// story, the connecting sentence, the step's record: title, date, summary, sources) and limits
// the results to the story's records; Next, Previous and the ← → keys move through it; the timeline
// marks the steps already taken; each step is an address (reload, Back); a link to a story that
// does not exist, or to a step past the end, opens the app with a notice.
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

const kicker = (page) => page.locator(".story-kicker").textContent();
const stepRecord = (page) => page.locator(".story-record").getAttribute("data-id");
const param = (page, name) => new URL(page.url()).searchParams.get(name);

test("a story opens from the menu and moves step by step, by button, key and Back", async () => {
  const app = await openApp(env, "");
  const { page } = app;
  const total = await app.count();
  await page.locator(".stories-menu > summary").click();
  const first = page.locator(".stories-list li a").first();
  const title = await first.textContent();
  await first.click();

  await page.locator("#story-title", { hasText: title }).waitFor();
  const steps = Number((await kicker(page)).match(/step 1 of (\d+)/i)[1]);
  assert.ok(steps >= 5, `a story has steps: ${steps}`);
  await app.waitForCount((n) => n === steps, "the story's records only");
  assert.ok(steps < total);
  await app.waitForAddress("step", null);
  const story = param(page, "story");
  assert.ok(story, page.url());
  const record1 = await stepRecord(page);
  assert.ok((await page.locator(".story-record h3").textContent()).length > 10);
  assert.ok((await page.locator(".story-record .story-summary").textContent()).length > 20);
  assert.ok((await page.locator(".story-record .story-sources a").count()) >= 1, "sources are links");
  await page.locator(`.timeline .story-now[data-id="${record1}"]`).waitFor();
  assert.equal(await page.getByRole("button", { name: "← Previous" }).isDisabled(), true);

  await page.getByRole("button", { name: "Next →" }).click();
  await page.locator(".story-kicker", { hasText: `step 2 of ${steps}` }).waitFor();
  await app.waitForAddress("step", "2");
  const record2 = await stepRecord(page);
  assert.notEqual(record2, record1, "the step shows its own record");
  // The step already taken is marked on the timeline.
  await page.locator(`.timeline .story-past[data-id="${record1}"]`).waitFor();
  assert.equal(await page.locator(`.timeline .story-past[data-id="${record2}"]`).count(), 0);

  // ← → step through it while no field or the timeline has the keys.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press("ArrowRight");
  await page.locator(".story-kicker", { hasText: `step 3 of ${steps}` }).waitFor();
  await page.keyboard.press("ArrowLeft");
  await page.locator(".story-kicker", { hasText: `step 2 of ${steps}` }).waitFor();
  // Typing in the search box keeps its arrows.
  await app.searchBox.click();
  await page.keyboard.press("ArrowRight");
  await page.waitForTimeout(200);
  assert.match(await kicker(page), new RegExp(`step 2 of ${steps}`));

  // Back returns to the step before; a reload keeps the step.
  await page.goBack();
  await page.locator(".story-kicker", { hasText: `step 3 of ${steps}` }).waitFor();
  await page.reload();
  await page.locator(".story-kicker", { hasText: `step 3 of ${steps}` }).waitFor();

  await page.getByRole("button", { name: "Close the story" }).click();
  await page.locator("section.story").waitFor({ state: "detached" });
  await app.waitForCount((n) => n === total, "every record again");
  assert.equal(param(page, "story"), null);
  assert.deepEqual(app.errors, []);
  await page.context().close();

  // A link past the last step opens the last, and says so.
  const past = await openApp(env, `?story=${story}&step=99`);
  await past.page.locator(".story-kicker", { hasText: `step ${steps} of ${steps}` }).waitFor();
  await past.page.getByText(`The link named step 99; this story has ${steps} steps`).waitFor();
  assert.deepEqual(past.errors, []);
  await past.page.context().close();
});

test("a link to a story that does not exist opens the whole timeline with a notice", async () => {
  const app = await openApp(env, "?story=no-such-story&step=2");
  const { page } = app;
  await page.getByText("There is no story “no-such-story”.").waitFor();
  const total = await app.count();
  assert.ok(total >= 350, `every record is shown: ${total}`);
  await page.getByRole("button", { name: "Dismiss" }).click();
  await app.waitForAddress("story", null);
  assert.deepEqual(app.errors, []);
  await page.context().close();
});
