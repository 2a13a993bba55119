// "Embed" opens a page that writes an <iframe> code for the view and previews it; pasted into a
// page of another origin, the code shows the same records in a compact view (a caption, no
// filters), in the theme the host asks for, with a link that opens the same view in the whole
// app; junk in its address gives a notice and a working frame.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { start, openApp, openFirstStudy, TimelinePage } from "./helpers.mjs";

let env;
let host;
let hostDir;
before(async () => {
  env = await start();
  hostDir = await mkdtemp(join(tmpdir(), "embed-host-"));
  host = await serve(hostDir);
});
after(async () => {
  await env?.close();
  await new Promise((done) => host?.close(done));
  await rm(hostDir, { recursive: true, force: true });
});

/** Puts `body` on the host's page (another origin than the app's) and opens it. */
async function openHostPage(context, name, body) {
  await writeFile(join(hostDir, name), `<!doctype html><html lang="en"><title>An article</title><body><h1>An article</h1>${body}<p>The article goes on.</p></body></html>`);
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`http://127.0.0.1:${host.address().port}/${name}`);
  return { page, errors };
}

/** The app inside the host page's frame, once its records are listed and searchable. */
async function framedApp(page) {
  const handle = await page.locator("iframe").elementHandle();
  const frame = await handle.contentFrame();
  await frame.locator(".result-count").waitFor();
  await frame.locator("main#results:not([data-indexing])").waitFor();
  return new TimelinePage(frame, []);
}

test("the Embed code shows the same view inside another page and links back to it", async () => {
  const context = await env.browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const app = await openApp(env, "?view=list", { context });
  // A view changed by typing: the link takes the view as it is when it is used.
  const total = await app.count();
  await app.search("car-t");
  const shown = await app.waitForCount((n) => n > 0 && n < total, "the CAR-T records");
  const ids = await app.cardIds();
  const version = app.params().get("v");

  // "Embed" opens a page that writes the frame's code for this view and previews it.
  await app.page.getByRole("link", { name: "Embed", exact: true }).click();
  const embedPage = app.page;
  await embedPage.getByRole("heading", { name: "Embed this view" }).waitFor();
  await embedPage.frameLocator("#preview").locator(".embed-caption").waitFor();
  const arrived = await embedPage.evaluate(() => history.length);
  assert.match(await embedPage.locator("#what").textContent(), /Text: “car-t”/);
  await embedPage.getByLabel("Width").fill("640");
  await embedPage.getByLabel("Height").fill("520");
  await embedPage.getByLabel("Theme").selectOption("dark");
  const code = await embedPage.getByRole("textbox", { name: "Code" }).inputValue();
  const src = code.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
  assert.match(code, /^<iframe src="[^"]+" width="640" height="520" title="Cancer immunotherapy timeline: Text: “car-t”" style="border:0" loading="lazy"><\/iframe>$/);
  assert.ok(src.startsWith(env.url("?")), `the frame shows the app: ${src}`);
  const params = new URL(src).searchParams;
  assert.equal(params.get("q"), "car-t");
  assert.equal(params.get("view"), "list");
  assert.equal(params.get("v"), version, "the dataset version is pinned");
  assert.equal(params.get("embed"), "1");
  assert.equal(params.get("theme"), "dark");
  // The preview is the same frame at the chosen size.
  const preview = embedPage.locator("iframe#preview");
  assert.equal(await preview.getAttribute("data-shown"), src);
  assert.equal(await preview.getAttribute("width"), "640");
  const previewed = new TimelinePage(await (await preview.elementHandle()).contentFrame(), []);
  await previewed.page.locator("html[data-theme=dark] .embed-caption").waitFor();
  assert.equal(await previewed.waitForCount((n) => n === shown, "the previewed records"), shown);

  // A size out of bounds or not a number is not written as typed.
  await embedPage.getByLabel("Width").fill("20");
  assert.match(await embedPage.getByRole("textbox", { name: "Code" }).inputValue(), / width="280" /);
  await embedPage.getByLabel("Width").fill("");
  assert.match(await embedPage.getByRole("textbox", { name: "Code" }).inputValue(), / width="800" /);
  await embedPage.getByLabel("Width").fill("640");

  await embedPage.getByRole("button", { name: "Copy code" }).click();
  await embedPage.getByText("Code copied").waitFor();
  assert.equal(await embedPage.evaluate(() => navigator.clipboard.readText()), code);
  // Changing the preview's theme added no history entry; back to the same view of the app.
  assert.equal(await embedPage.evaluate(() => history.length), arrived);
  await embedPage.getByRole("link", { name: /Back to the timeline/ }).click();
  await app.page.locator("main#results:not([data-indexing])").waitFor();
  assert.equal(await app.count(), shown);
  assert.equal(await app.searchBox.inputValue(), "car-t");

  const { page, errors } = await openHostPage(context, "article.html", code);
  const historyBefore = await page.evaluate(() => history.length);
  const framed = await framedApp(page);
  assert.equal(await framed.count(), shown);
  const framedIds = await framed.cardIds();
  const drawn = Math.min(ids.length, framedIds.length);
  assert.ok(drawn >= 3, `both draw cards (${ids.length}, ${framedIds.length})`);
  assert.deepEqual(framedIds.slice(0, drawn), ids.slice(0, drawn));
  const frame = framed.page;
  assert.equal(await frame.locator("html").getAttribute("data-theme"), "dark");
  // Compact: a caption instead of the header, and no search, filters or data panel.
  const caption = frame.locator(".embed-caption");
  assert.match(await caption.textContent(), /Cancer immunotherapy timeline: Text: “car-t”/);
  assert.match(await caption.textContent(), new RegExp(`Dataset version ${version}`));
  assert.equal(await frame.locator(".site-header").isVisible(), false);
  for (const gone of ["input[type=search]", ".sidebar", ".data-panel", "text=Copy link"]) {
    assert.equal(await frame.locator(gone).count(), 0, `${gone} is left out`);
  }

  // Opening a record inside the frame does not add to the host page's history.
  await openFirstStudy(frame);
  await frame.locator(".detail").waitFor();

  // "Open in the full timeline" leads to the same view, the open record included, in a new tab.
  const open = frame.getByRole("link", { name: /Open in the full timeline/ });
  // The frame's address follows a moment later, replaced rather than pushed.
  await frame.waitForFunction(() => new URL(location.href).searchParams.has("study"));
  const study = await frame.evaluate(() => new URL(location.href).searchParams.get("study"));
  assert.equal(new URL(await open.getAttribute("href")).searchParams.get("study"), study);
  assert.equal(await page.evaluate(() => history.length), historyBefore);
  await frame.locator(".detail").press("Escape");
  await frame.locator(".detail").waitFor({ state: "detached" });
  assert.equal(await open.getAttribute("target"), "_blank");
  const [tab] = await Promise.all([context.waitForEvent("page"), open.click()]);
  await tab.locator("main#results:not([data-indexing])").waitFor();
  const full = new TimelinePage(tab, []);
  const fullParams = full.params();
  assert.equal(fullParams.get("embed"), null);
  assert.equal(fullParams.get("theme"), null);
  assert.equal(fullParams.get("view"), "list");
  assert.equal(await full.count(), shown);
  assert.equal(await full.searchBox.inputValue(), "car-t");
  assert.ok(await tab.locator(".sidebar").count() > 0, "the whole app has its filters");
  assert.deepEqual(errors, []);
  assert.deepEqual(app.errors, []);
  await context.close();
});

test("an embedded address with junk in it says so and still shows the records", async () => {
  const context = await env.browser.newContext();
  const src = `${env.url()}?approach=car-t,zzz&theme=sepia&embed=1`;
  const { page, errors } = await openHostPage(context, "junk.html", `<iframe src="${src}" width="700" height="600" title="Timeline"></iframe>`);
  const framed = await framedApp(page);
  const notice = framed.page.locator(".notice");
  await notice.first().waitFor();
  const text = await notice.first().textContent();
  assert.match(text, /zzz/);
  assert.match(text, /sepia/);
  assert.ok((await framed.count()) > 0, "the CAR-T records are shown");
  assert.equal(await framed.page.locator(".embed-caption").count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});
