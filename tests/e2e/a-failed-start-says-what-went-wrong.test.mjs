// The page shows its header and "Loading the timeline…" at once (its stylesheet is inline, and
// the app is requested only after that first paint); if the app cannot start (here: the wasm
// or JS download fails, as on a dropped connection), that line says so.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("the header shows before the app starts, and the app replaces the loading line", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  // Hold the wasm back until the static page has been looked at.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(env.url(), { waitUntil: "domcontentloaded" });
  await page.getByRole("heading", { level: 1, name: "Cancer immunotherapy timeline" }).waitFor();
  assert.match(await page.locator("#loading-note").textContent(), /Loading the timeline/);
  release();
  await page.locator(".result-count").waitFor();
  assert.equal(await page.locator("#loading-note").count(), 0, "the loading line is gone");
  assert.equal(await page.locator("h1").count(), 1, "one heading");
  // The app's buttons sit in the page's header.
  await page.locator("#site-header").getByRole("button", { name: "Copy link" }).waitFor();
  await context.close();
});

test("the page paints first, with no stylesheet to wait for, then a worker compiles the app", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const requests = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(env.url());
  await page.locator(".result-count").waitFor();
  // The wasm is fetched and compiled by a worker (public/wasm-compiler.js), off the page's
  // thread, started at once; only if that fails does the page fetch it itself. The app's JS is
  // imported once the browser reports its first paint (the loader in Trunk.toml waits for the
  // `paint` entry), so nothing it does can delay that paint.
  const { paint, resources } = await page.evaluate(() => ({
    paint: performance.getEntriesByName("first-paint")[0]?.startTime,
    resources: performance
      .getEntriesByType("resource")
      .map((e) => [e.name.split("/").pop(), e.startTime]),
  }));
  assert.deepEqual(
    resources.filter(([name]) => /(\.wasm|wasm-compiler\.js)$/.test(name)).map(([name]) => name),
    ["wasm-compiler.js"],
    "the worker fetched and compiled the wasm; the page did not fall back to doing it",
  );
  const glue = resources.find(([name]) => /^immunotimeline-[0-9a-f]+\.js$/.test(name));
  assert.ok(glue, `the app's JS was loaded: ${JSON.stringify(resources)}`);
  assert.ok(paint > 0 && glue[1] > paint, `first paint at ${paint} ms, app's JS at ${glue[1]} ms`);
  assert.deepEqual(requests.filter((path) => path.endsWith(".css")), [], "no stylesheet request");
  await context.close();
});

for (const [what, pattern] of [
  ["wasm", "**/*.wasm"],
  ["JS loader", "**/immunotimeline-*.js"],
]) {
  test(`a failed ${what} download replaces the loading line with what went wrong`, async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.route(pattern, (route) => route.abort("internetdisconnected"));
    await page.goto(env.url());
    const note = page.locator("#loading-note");
    await note.filter({ hasText: "could not start" }).waitFor();
    assert.match(await note.textContent(), /reload the page/);
    await context.close();
  });
}
