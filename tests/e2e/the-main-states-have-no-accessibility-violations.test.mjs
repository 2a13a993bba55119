// axe-core (WCAG 2.0–2.2 A/AA) finds no violations in the main states of the app.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { AxeBuilder } from "@axe-core/playwright";
import { start, openApp } from "./helpers.mjs";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];
let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

async function violations(page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`,
  );
}

const STATES = [
  ["default (timeline)", "", {}],
  ["searching", "?q=car-t&view=list", {}],
  ["filtered to empty", "?q=zzzzqqq", {}],
  ["detail open", "?study=kottke-2017-mrd-recurrence&view=list", {}],
  ["bench to bedside", "?view=bench", {}],
  ["a story step", "?story=checkpoint-blockade&step=2", {}],
  ["a story step on a phone, dark", "?story=car-t&step=4", { viewport: { width: 360, height: 780 }, colorScheme: "dark" }],
  ["dark mode", "?view=list", { colorScheme: "dark" }],
  ["mobile width", "?view=list", { viewport: { width: 360, height: 780 } }],
  ["mobile timeline, dark", "", { viewport: { width: 360, height: 780 }, colorScheme: "dark" }],
  ["embedded timeline, dark by its address", "?q=car-t&embed=1&theme=dark", {}],
  ["embedded list in a narrow frame", "?view=list&embed=1", { viewport: { width: 400, height: 500 } }],
];

for (const [name, path, options] of STATES) {
  test(`no accessibility violations: ${name}`, async () => {
    const context = await env.browser.newContext(options);
    const app = await openApp(env, path, { context });
    await app.page.waitForTimeout(200);
    assert.deepEqual(await violations(app.page), []);
    assert.deepEqual(app.errors, []);
    await context.close();
  });
}

for (const colorScheme of ["light", "dark"]) {
  test(`no accessibility violations: the "Embed this view" page, ${colorScheme}`, async () => {
    const context = await env.browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto(env.url("embed.html?q=car-t&view=list#Text%3A%20%E2%80%9Ccar-t%E2%80%9D"));
    await page.frameLocator("#preview").locator(".embed-caption").waitFor();
    assert.deepEqual(await violations(page), []);
    await context.close();
  });
}
