// When the records' details file cannot be had (offline on a first visit, a broken connection),
// the app says so once, with what still works; every record is listed, a search answers from
// short titles (labels), institutions and tags, an opened record says its summary could not be loaded, and an
// export refuses rather than write files without summaries. "Try again" fetches the file again
// and, once it comes, everything is whole.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openApp } from "./helpers.mjs";

const DETAILS = /\/details-[0-9a-f]{16}\.postcard$/;

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("a failed details file gives a notice, a working app and a way to try again", async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  await context.route(DETAILS, (route) => route.abort("internetdisconnected"));
  const pageErrors = [];
  context.on("page", (page) => page.on("pageerror", (error) => pageErrors.push(String(error))));
  const app = await openApp(env, "?view=list", { context });
  const { page } = app;

  const notice = page.getByRole("alert").filter({ hasText: "summaries, sources and notes could not be loaded" });
  await notice.waitFor();
  assert.match(await notice.textContent(), /network could not be reached/);
  const total = await app.count();
  assert.ok(total >= 350, `every record is listed: ${total}`);

  await app.search("ipilimumab");
  const found = await app.waitForCount((n) => n > 0 && n < total, "records with ipilimumab in their short title");

  await page.locator(".card a").first().click();
  await page.locator("aside.detail").getByText(/The summary, sources and notes could not be loaded/).waitFor();

  await page.getByRole("button", { name: "CSV", exact: true }).click();
  await page.getByText(/an export would leave them out/).waitFor();

  await context.unroute(DETAILS);
  await notice.getByRole("button", { name: "Try again" }).click();
  await notice.waitFor({ state: "detached" });
  const summary = page.locator("aside.detail .detail-summary");
  await page.waitForFunction(() => document.querySelector("aside.detail .detail-summary")?.textContent.length > 20);
  assert.ok((await summary.textContent()).length > 20);
  // With the summaries in, the same search finds at least as much.
  assert.ok((await app.waitForCount((n) => n >= found, "at least as many")) >= found);

  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "CSV", exact: true }).click(),
  ]);
  assert.match(file.suggestedFilename(), /\.csv$/);
  assert.deepEqual(pageErrors, []);
  await context.close();
});
