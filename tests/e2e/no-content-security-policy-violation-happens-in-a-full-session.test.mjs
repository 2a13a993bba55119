// The release page carries a strict Content-Security-Policy (first in <head>, no 'unsafe-inline'
// for scripts) and nothing the app does breaks it: a full session reports no violation, neither
// as a `securitypolicyviolation` event nor as a console error. A deliberate inline script at the
// end proves the policy is enforced and that the listener would have seen a violation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openApp, waitForServiceWorker, openFirstStudy } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

test("a full session reports no Content-Security-Policy violation", async () => {
  const context = await env.browser.newContext();
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`),
    );
  });
  const consoleCsp = [];
  context.on("console", (msg) => {
    if (/Content.Security.Policy/i.test(msg.text())) consoleCsp.push(msg.text());
  });
  const violations = (page) => page.evaluate(() => window.__cspViolations);

  const app = await openApp(env, "?view=list", { context });
  const policy = await app.page.evaluate(() => {
    const first = document.head.firstElementChild;
    return first.httpEquiv === "Content-Security-Policy" ? first.content : null;
  });
  assert.ok(policy, "the CSP <meta> must be the first element of <head>");
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*';/);
  assert.doesNotMatch(policy, /unsafe-inline/);

  await waitForServiceWorker(app.page);
  const total = await app.count();
  await app.search("PD-1");
  await app.waitForCount((n) => n > 0 && n < total, "fewer studies for PD-1");
  await openFirstStudy(app.page);
  await app.search("");
  await app.waitForCount((n) => n === total, "every study");
  assert.deepEqual(await violations(app.page), []);

  // The same page served by the service worker, and a deep link.
  await app.page.reload();
  await app.page.locator(".result-count").waitFor();
  assert.deepEqual(await violations(app.page), []);
  const deep = await openApp(env, "?q=car-t&view=list", { context });
  await deep.search("CAR");
  await deep.waitForCount((n) => n > 0 && n < total, "fewer studies for CAR");
  assert.deepEqual(await violations(deep.page), []);
  // "Embed": the page that writes the frame's code (a policy of its own) and its preview.
  await deep.page.getByRole("link", { name: "Embed", exact: true }).click();
  await deep.page.frameLocator("#preview").locator(".embed-caption").waitFor();
  await deep.page.getByLabel("Theme").selectOption("dark");
  await deep.page.frameLocator("#preview").locator("html[data-theme=dark] .embed-caption").waitFor();
  assert.match(
    await deep.page.evaluate(() => document.head.querySelector("meta[http-equiv=Content-Security-Policy]")?.content),
    /script-src 'self';/,
  );
  assert.deepEqual(await violations(deep.page), []);
  await deep.page.goBack();
  await deep.page.locator(".result-count").waitFor();
  assert.deepEqual(consoleCsp, []);
  assert.deepEqual([...app.errors, ...deep.errors], []);

  // Control: an injected inline script is refused and reported.
  await deep.page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
  });
  await deep.page.waitForFunction(() => window.__cspViolations.length > 0);
  assert.equal(await deep.page.evaluate(() => window.__injected), undefined);
  await context.close();
});
