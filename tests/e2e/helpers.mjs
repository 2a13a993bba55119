// Shared page-object helpers for the end-to-end specs: serve dist/ on 127.0.0.1, start Debian's
// Chromium through playwright-core (never a downloaded browser), and drive the timeline page.
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Starts the static server and the browser; `close()` stops both. */
export async function start({ root = "dist", prefix = "/" } = {}) {
  const server = await serve(root, { prefix });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path = "") => `${origin}${prefix}${path}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Opens the app at `path` and waits until the study list has rendered. Collects page errors. */
export async function openApp(env, path = "", { context } = {}) {
  const ctx = context ?? (await env.browser.newContext());
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  await page.goto(env.url(path));
  await page.locator("[role=status]").first().waitFor();
  return new TimelinePage(page, errors);
}

export class TimelinePage {
  constructor(page, errors) {
    this.page = page;
    this.errors = errors;
  }
  get searchBox() {
    return this.page.getByRole("searchbox", { name: "Search" });
  }
  get status() {
    return this.page.locator("[role=status]").first();
  }
  async studyIds() {
    return this.page.locator(".study").evaluateAll((els) => els.map((el) => el.dataset.id));
  }
  async search(text) {
    await this.searchBox.fill(text);
  }
}
