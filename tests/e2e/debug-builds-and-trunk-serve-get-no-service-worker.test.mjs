// A development build must never get a service worker (it would serve stale builds): the
// post_build hook leaves a debug build, and anything `trunk serve` builds (its live-reload
// script is in the page), exactly as Trunk wrote it: no sw.js, no registration, no CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const SCRIPT = fileURLToPath(new URL("../../scripts/precache.mjs", import.meta.url));
const LOADER = `<script type="module">import init from './app.js'; await init();</script>`;
const LIVE_RELOAD = `<script>const address = '{{__TRUNK_ADDRESS__}}';</script>`;

/** Runs the hook as Trunk would on a staged build holding only `html`; returns what is left. */
async function runHook(profile, html) {
  const stage = await mkdtemp(join(tmpdir(), "immunotimeline-stage-"));
  try {
    await writeFile(join(stage, "index.html"), html);
    await promisify(execFile)(process.execPath, [SCRIPT], {
      env: { ...process.env, TRUNK_PROFILE: profile, TRUNK_STAGING_DIR: stage, TRUNK_PUBLIC_URL: "./" },
    });
    return { files: await readdir(stage), html: await readFile(join(stage, "index.html"), "utf8") };
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
}

test("the post_build hook leaves a debug build untouched", async () => {
  const html = `<!DOCTYPE html>\n<html><head>${LOADER}</head><body></body></html>\n`;
  assert.deepEqual(await runHook("debug", html), { files: ["index.html"], html });
});

test("the post_build hook leaves a release build served by trunk serve untouched", async () => {
  const html = `<!DOCTYPE html>\n<html><head>${LOADER}</head><body>${LIVE_RELOAD}</body></html>\n`;
  assert.deepEqual(await runHook("release", html), { files: ["index.html"], html });
});
