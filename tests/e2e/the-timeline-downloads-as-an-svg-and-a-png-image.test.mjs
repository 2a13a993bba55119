// "Download image": the timeline as shown and bench to bedside come as an SVG whose text is text
// (the labels on the screen, the view's link, the dataset version and the date) and as a PNG at
// twice the SVG's size, made in the browser: no request to another origin, no CSP violation.
// Without the worker that writes the SVG, the control says why and the page keeps working.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { start, openApp, recordNetwork, copyBuild } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Clicks `button` (a locator) and returns the downloaded file's name and bytes. */
async function download(app, button) {
  const [file] = await Promise.all([app.page.waitForEvent("download"), button.click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/** The SVG as the browser reads it: parse errors, size, every <text>'s text and the link. */
function readSvg(page, bytes) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const root = doc.documentElement;
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: root.localName,
      width: Number(root.getAttribute("width")),
      height: Number(root.getAttribute("height")),
      texts: [...doc.querySelectorAll("text")].map((t) => t.textContent),
      href: doc.querySelector("a")?.getAttribute("href"),
      // Labels wider, in this browser's font, than the box they are clipped to (the SVG cuts
      // them by an estimate; a label cut mid-letter would show it).
      overflowing: (() => {
        const shown = document.body.appendChild(document.importNode(root, true));
        const wide = [...shown.querySelectorAll("text[clip-path]")]
          .filter((t) => {
            const id = t.getAttribute("clip-path").slice(5, -1);
            const box = shown.querySelector(`[id="${id}"] rect`);
            return t.getComputedTextLength() > Number(box.getAttribute("width")) + 0.5;
          })
          .map((t) => t.textContent);
        shown.remove();
        return wide;
      })(),
    };
  }, bytes.toString("utf8"));
}

/** Width and height of a PNG, after checking its signature. */
function pngSize(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], "a PNG signature");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** What the caption must say: the view's link with the dataset version, and today's date. */
function assertCaption(svg, origin) {
  assert.ok(svg.href?.startsWith(origin), svg.href);
  const link = new URL(svg.href);
  const version = link.searchParams.get("v");
  assert.ok(version, `the link pins the dataset version: ${svg.href}`);
  assert.ok(svg.texts.includes(svg.href), "the link is written out");
  const today = new Date().toLocaleDateString("sv-SE");
  assert.ok(
    svg.texts.includes(`Dataset version ${version} · made ${today}`),
    svg.texts.slice(-3).join(" | "),
  );
  return link;
}

test("the timeline and bench to bedside download as SVG and PNG images", async () => {
  const context = await env.browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`),
    );
  });
  const network = recordNetwork(context);
  const app = await openApp(env, "?q=car-t", { context });
  const shown = await app.waitForCount((n) => n > 5, "CAR-T results");
  const timeline = app.page.locator(".timeline");
  const onScreen = await timeline
    .locator(".labeled:not([hidden]) .label")
    .evaluateAll((els) => els.map((el) => el.textContent));
  assert.ok(onScreen.length > 5, `labels on the screen: ${onScreen}`);

  const svgFile = await download(app, timeline.getByRole("button", { name: "Download SVG" }));
  assert.match(svgFile.name, /^immunotherapy-timeline-\d{4}-\d{2}-\d{2}\.svg$/);
  const svg = await readSvg(app.page, svgFile.bytes);
  assert.equal(svg.error, null);
  assert.equal(svg.root, "svg");
  // Every label on the screen is text in the picture, whole or cut where the plot cut it.
  for (const label of onScreen) {
    const found = svg.texts.some(
      (t) => t === label || (t.endsWith("…") && label.startsWith(t.slice(0, -1).trimEnd())),
    );
    assert.ok(found, `label “${label}” in the SVG`);
  }
  assert.deepEqual(svg.overflowing, [], "every label fits the box the plot gave it");
  const link = assertCaption(svg, env.origin);
  assert.equal(link.searchParams.get("q"), "car-t");
  assert.ok(svg.texts.some((t) => t.startsWith(`${shown} studies`)), svg.texts[1]);
  await app.page.getByText(/Downloaded immunotherapy-timeline-.*\.svg/).waitFor();

  const pngFile = await download(app, timeline.getByRole("button", { name: "Download PNG" }));
  assert.match(pngFile.name, /\.png$/);
  assert.deepEqual(pngSize(pngFile.bytes), { width: 2 * svg.width, height: 2 * svg.height });

  await app.showView("Bench to bedside");
  const bench = app.page.locator(".bench");
  const approaches = await bench.locator("tbody th").allTextContents();
  assert.ok(approaches.length > 0, "bench to bedside has rows for CAR-T");
  const benchSvg = await readSvg(
    app.page,
    (await download(app, bench.getByRole("button", { name: "Download SVG" }))).bytes,
  );
  assert.equal(benchSvg.error, null);
  for (const approach of approaches) {
    assert.ok(benchSvg.texts.includes(approach), `${approach} in the bench SVG`);
  }
  assertCaption(benchSvg, env.origin);
  const benchPng = await download(app, bench.getByRole("button", { name: "Download PNG" }));
  assert.equal(pngSize(benchPng.bytes).width, 2 * benchSvg.width);

  const elsewhere = network.requests.filter(
    (url) => !url.startsWith(env.origin) && !/^(data|blob):/.test(url),
  );
  assert.deepEqual(elsewhere, [], "no request to another origin");
  assert.deepEqual(network.failures, []);
  assert.deepEqual(await app.page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(app.errors, []);
});

test("without its worker, the image control says why and the page keeps working", async () => {
  const build = await copyBuild();
  await rm(join(build.dir, "exchange_bg.wasm"));
  const broken = await start({ root: build.dir });
  try {
    const app = await openApp(broken, "?q=car-t", { context: await broken.browser.newContext() });
    const total = await app.waitForCount((n) => n > 0, "CAR-T results");
    const timeline = app.page.locator(".timeline");
    await timeline.getByRole("button", { name: "Download SVG" }).click();
    await timeline
      .getByRole("status")
      .getByText(/^Making the image failed: the import\/export helper .+\. Nothing was changed\.$/)
      .waitFor();
    await app.search("nivolumab");
    await app.waitForCount((n) => n > 0 && n !== total, "the search still answers");
    assert.deepEqual(app.errors.filter((e) => !/exchange_bg\.wasm|404/.test(e)), []);
  } finally {
    await broken.close();
    await build.remove();
  }
});
