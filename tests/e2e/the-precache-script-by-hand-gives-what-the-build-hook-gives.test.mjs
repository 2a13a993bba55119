// `node scripts/precache.mjs dir` (used to make test builds) must give exactly what the
// post_build hook gives a release build, and running it again on its own output changes nothing.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { copyBuild, precache } from "./helpers.mjs";

const SCRIPT = fileURLToPath(new URL("../../scripts/precache.mjs", import.meta.url));
const builds = [];
after(() => Promise.all(builds.map((build) => build.remove())));

test("by hand, as a hook and run twice, the script writes the same files", async () => {
  const [asHook, byHand] = [await copyBuild(), await copyBuild()];
  builds.push(asHook, byHand);
  await promisify(execFile)(process.execPath, [SCRIPT], {
    env: { ...process.env, TRUNK_PROFILE: "release", TRUNK_STAGING_DIR: asHook.dir, TRUNK_PUBLIC_URL: "./" },
  });
  await precache(byHand.dir);
  await precache(byHand.dir);
  const dist = await snapshot("dist");
  assert.deepEqual(await snapshot(asHook.dir), dist);
  assert.deepEqual(await snapshot(byHand.dir), dist);
  assert.ok(dist["sw.js"].includes('"./"') && !dist["sw.js"].includes("__PRECACHE__"));
});

/** Every file of `dir` by name, as text. */
async function snapshot(dir) {
  const names = (await readdir(dir)).sort();
  const files = await Promise.all(names.map((name) => readFile(join(dir, name), "latin1")));
  return Object.fromEntries(names.map((name, i) => [name, files[i]]));
}
