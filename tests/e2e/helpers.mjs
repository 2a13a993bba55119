// Shared page-object helpers for the end-to-end specs: serve dist/ on 127.0.0.1, start Debian's
// Chromium through playwright-core (never a downloaded browser), and drive the timeline page.
import { chromium } from "playwright-core";
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
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

/**
 * Starts the static server and the browser; `close()` stops both. `responses` lists what the
 * server answered, in order (`{ path, status }`).
 */
export async function start({ root = "dist", prefix = "/" } = {}) {
  const responses = [];
  const server = await serve(root, { prefix, onResponse: (r) => responses.push(r) });
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path = "") => `${origin}${prefix}${path}`,
    browser,
    server,
    responses,
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Opens the app at `path` and waits until the study list has rendered and (unless
 * `details: false`) the records' summaries are in or have failed, so a search answers at once.
 * Collects page errors. */
export async function openApp(env, path = "", { context, details = true } = {}) {
  const ctx = context ?? (await env.browser.newContext());
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  await page.goto(env.url(path));
  await page.locator(".result-count").waitFor();
  if (details) await page.locator("main#results:not([data-indexing])").waitFor();
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
    return this.page.locator(".result-count");
  }
  /** The number of matching records the live region announces. */
  async count() {
    const text = await this.status.textContent();
    if (/No studies match/.test(text)) return 0;
    const match = text.match(/(\d+)/);
    return match ? Number(match[1]) : NaN;
  }
  /** Waits until the announced count satisfies `predicate`. */
  async waitForCount(predicate, description = "the expected count") {
    const deadline = Date.now() + 10_000;
    let last;
    while (Date.now() < deadline) {
      last = await this.count();
      if (predicate(last)) return last;
      await this.page.waitForTimeout(50);
    }
    throw new Error(`timed out waiting for ${description}; last count ${last}`);
  }
  /** Ids of the list cards currently rendered (the list is virtualised). */
  async cardIds() {
    return this.page.locator(".card[data-id]").evaluateAll((els) => els.map((el) => el.dataset.id));
  }
  async search(text) {
    await this.searchBox.fill(text);
  }
  async showView(name) {
    await this.page.getByRole("button", { name, exact: true }).click();
  }
  /** Waits until the address bar has caught up with typing (it follows once typing pauses). */
  async waitForAddress(name, value) {
    await this.page.waitForFunction(
      ([n, v]) => new URL(location.href).searchParams.get(n) === v,
      [name, value],
    );
  }
  /** The query string of the current address, as a URLSearchParams. */
  params() {
    return new URL(this.page.url()).searchParams;
  }
}

// ---- Offline, update and lockdown specs: service worker, network log, build folders. ----

/** Waits until a service worker controls `page`; returns the registration's scope. */
export async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
}

/** Stops the static server at once (open keep-alive connections too): the network is gone. */
export async function stopServer(env) {
  const closed = new Promise((done) => env.server.close(done));
  env.server.closeAllConnections();
  await closed;
}

/**
 * Records every request of a browser context (its pages and its service worker) and every
 * failure: a request that failed, or an HTTP status of 400 or more.
 */
export function recordNetwork(context) {
  const aborted = [];
  const served = new Set();
  const log = {
    requests: [],
    errors: [],
    /** Every failed request, except one the browser aborted (a reload cancels its own favicon
     * fetch, for one) whose address was then served: that lost nothing. */
    get failures() {
      return [
        ...log.errors,
        ...aborted.filter((url) => !served.has(url)).map((url) => `${url}: net::ERR_ABORTED`),
      ];
    },
  };
  context.on("request", (request) => log.requests.push(request.url()));
  context.on("requestfailed", (request) => {
    const error = request.failure()?.errorText;
    if (error === "net::ERR_ABORTED") aborted.push(request.url());
    else log.errors.push(`${request.url()}: ${error}`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400) log.errors.push(`${response.url()}: HTTP ${response.status()}`);
    else served.add(response.url());
  });
  return log;
}

/** Copies the release build (or `from`) into a new temporary folder; `remove()` deletes it. */
export async function copyBuild(from = "dist") {
  const dir = await mkdtemp(join(tmpdir(), "immunotimeline-"));
  await cp(from, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs `node scripts/precache.mjs dir`, as a release build's post_build hook would. */
export async function precache(dir) {
  const script = fileURLToPath(new URL("../../scripts/precache.mjs", import.meta.url));
  await promisify(execFile)(process.execPath, [script, dir]);
}

/** Opens the first listed study as a user would: its title's link, or else the title. */
export async function openFirstStudy(page) {
  const title = page.getByRole("heading", { level: 3 }).first();
  const link = title.getByRole("link");
  await ((await link.count()) > 0 ? link.first() : title).click();
}
