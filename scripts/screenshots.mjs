// Takes screenshots of the served app at desktop and phone width, in light and dark mode, for a
// person to look at: `node scripts/screenshots.mjs [dist] [out-dir] [query]`.
import { chromium } from "playwright-core";
import { mkdir } from "node:fs/promises";
import { serve } from "./serve.mjs";
import { CHROMIUM_ARGS } from "../tests/e2e/helpers.mjs";

const [root = "dist", out = "screenshots", query = ""] = process.argv.slice(2);
await mkdir(out, { recursive: true });
const server = await serve(root);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
const url = `http://127.0.0.1:${server.address().port}/${query}`;
for (const [name, viewport] of [["desktop", { width: 1280, height: 900 }], ["phone", { width: 360, height: 780 }]]) {
  for (const scheme of ["light", "dark"]) {
    const context = await browser.newContext({ viewport, colorScheme: scheme, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator(".result-count").waitFor();
    await page.waitForTimeout(300);
    const file = `${out}/${name}-${scheme}.png`;
    await page.screenshot({ path: file });
    console.log(file);
    await context.close();
  }
}
await browser.close();
server.close();
