// Makes a release build offline-capable and locked down. Run by Trunk as a post_build hook
// (see Trunk.toml) on the staged build, or by hand on a built folder:
//
//   node scripts/precache.mjs [dir]     (dir defaults to $TRUNK_STAGING_DIR)
//
// For every build it first copies the records' details file the app's wasm names
// (`details-<hash>.postcard`, written by build.rs to target/dataset/) into the build.
// For release builds only (TRUNK_PROFILE=release, or any run with a dir argument) it
//   1. copies public/sw-register.js, minified, into the build and adds it to index.html with
//      integrity;
//   2. gives the loader's wasm request its integrity hash, and puts a strict
//      Content-Security-Policy <meta> first in <head>, allowing the one inline module loader
//      Trunk writes and the inlined stylesheet by their sha256 hashes;
//   3. minifies the app's JS glue (Trunk's minifier fails on it);
//   4. writes sw.js from public/sw.js with the list of every built file (hashed names as they
//      really are) and a build id: a hash of all those files' contents and of public/sw.js,
//      and minifies it.
// Debug builds and `trunk serve` get none of this: no service worker caches a dev build.
// The script is idempotent: run again on its own output, it gives the same files.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { copyFile, readFile, readdir, writeFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";

const PUBLIC = fileURLToPath(new URL("../public/", import.meta.url));
const DATASET = fileURLToPath(new URL("../target/dataset/", import.meta.url));
const REGISTER = "sw-register.js";
const MINIFIED = "/* minified by scripts/precache.mjs */";
const WORKER = "sw.js";

const hook = process.argv[2] === undefined;
const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) fail("give the built folder as an argument (or run as a Trunk hook)");
await copyDetails(dir);
if (hook && process.env.TRUNK_PROFILE !== "release") skip(`${process.env.TRUNK_PROFILE} build`);
// Every URL written here is relative to the page, like Trunk's own with public_url = "./".
const publicUrl = process.env.TRUNK_PUBLIC_URL;
if (publicUrl && publicUrl !== "./") fail(`needs public_url = "./" in Trunk.toml, not "${publicUrl}"`);
const indexPath = join(dir, "index.html");
let html = await readFile(indexPath, "utf8");
// `trunk serve --release` injects its live-reload script; a cache-first worker would then serve
// stale builds after each rebuild, so served builds get none of this either.
if (hook && html.includes("{{__TRUNK_ADDRESS__}}")) skip("`trunk serve` build");

// 1. The registration script, minified from public/ (its comments are most of it: 4.8 → 1.9
//    kB, 2.1 → 0.9 kB gzipped); the same source always gives the same bytes.
const register = await small(await readFile(join(PUBLIC, REGISTER), "utf8"), `public/${REGISTER}`);
await writeFile(join(dir, REGISTER), register);

// 2. index.html: earlier insertions (a previous run) are removed first, then added again.
html = html
  .replace(/[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/g, "")
  .replace(/\s*<script src="\.\/sw-register\.js"[^>]*><\/script>(?=\s*<\/head>)/, "");
// The loader (pattern_script in Trunk.toml) names the wasm as `'./x.wasm', { integrity: "" }`.
let wasmFiles = 0;
html = html.replace(/'\.\/([^'\/]+\.wasm)', \{ integrity: "[^"]*" \}/g, (_, name) => {
  wasmFiles += 1;
  const hash = digest("sha384", readFileSync(join(dir, name)));
  return `'./${name}', { integrity: "${hash}" }`;
});
if (wasmFiles !== 1) fail(`expected the loader to name one wasm with an integrity field, found ${wasmFiles}`);
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
  ([, attrs]) => !/\bsrc=/.test(attrs),
);
if (inline.length !== 1) fail(`expected Trunk's one inline loader script, found ${inline.length}`);
const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)];
const csp = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' '${digest("sha256", inline[0][2])}'`,
  ["style-src 'self'", ...styles.map(([, css]) => `'${digest("sha256", css)}'`)].join(" "),
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");
const script = `<script src="./${REGISTER}" defer integrity="${digest("sha384", register)}"></script>`;
// Trunk's minifier leaves out the optional `<head>` tag: then the policy goes before the
// head's first element (the charset declaration stays within the first 1024 bytes).
const policy = `<meta http-equiv="Content-Security-Policy" content="${csp}" />`;
html = (html.includes("<head>")
  ? html.replace(/<head>\n?/, (head) => `${head}    ${policy}\n`)
  : html.replace(/<meta\b/i, (meta) => `${policy}${meta}`)
).replace(/\s*<\/head>/, `\n    ${script}\n  </head>`);
if (!html.includes(script) || !html.includes(csp)) fail("index.html has no <head>…</head>");
await writeFile(indexPath, html);

// 2b. The app's JS glue, minified: Trunk's minifier fails on it and copies it as it is (terser:
//     57.4 → 26.2 kB, 9.7 → 7.5 kB gzipped). Marked, so a second run leaves it alone.
const glue = html.match(/import\('\.\/([^'\/]+\.js)'\)/)?.[1];
if (!glue) fail("the loader imports no JS glue");
const gluePath = join(dir, glue);
const code = await readFile(gluePath, "utf8");
if (!code.startsWith(MINIFIED)) {
  const { code: minified } = await minify(code, { module: true, format: { preamble: MINIFIED } });
  await writeFile(gluePath, minified);
}

// 4. sw.js: every other file of the build, sorted so the output does not depend on the disk.
const files = (await list(dir)).filter((path) => path !== WORKER).sort();
const template = await readFile(join(PUBLIC, WORKER), "utf8");
const build = createHash("sha256").update(template);
for (const path of files) {
  const bytes = await readFile(join(dir, path));
  build.update(`${path}\0${bytes.length}\0`).update(bytes);
}
const buildId = build.digest("hex").slice(0, 16);
const urls = files.map((path) => (path === "index.html" ? "./" : encodeURI(path)));
const worker = template
  .replace('"__BUILD_ID__"', JSON.stringify(buildId))
  .replace('["__PRECACHE__"]', JSON.stringify(urls));
if (worker === template || worker.includes("__PRECACHE__")) fail("public/sw.js lost its placeholders");
// Minified once filled in (4.2 → 2.0 kB gzipped before): the build id stays that of the source.
await writeFile(join(dir, WORKER), await small(worker, `public/${WORKER}`));
console.log(`precache: build ${buildId}, ${urls.length} files, CSP and ${REGISTER} in index.html`);

/** `code` (a classic script, so top-level names are kept) minified, with a line saying where it
 * comes from. */
async function small(code, source) {
  const { code: minified } = await minify(code, {
    format: { preamble: `/* ${source}, minified by scripts/precache.mjs */` },
  });
  return minified;
}

/** Copies into `root` each details file a wasm there names (the name is a string constant in
 * it), so the build has exactly the file its app fetches; a name with no such file stops the
 * build. */
async function copyDetails(root) {
  const names = new Set();
  for (const path of await list(root)) {
    if (!path.endsWith(".wasm")) continue;
    const text = (await readFile(join(root, path))).toString("latin1");
    for (const [name] of text.matchAll(/details-[0-9a-f]{16}\.postcard/g)) names.add(name);
  }
  for (const name of names) {
    try {
      await copyFile(join(DATASET, name), join(root, name));
    } catch (error) {
      fail(`the app fetches ${name}, which build.rs should have written to ${DATASET}: ${error.message}`);
    }
  }
}

/** Every file under `root` as a "/"-separated relative path; dot-files (Trunk's .stage) skipped. */
async function list(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join("/"))
    .filter((path) => !path.split("/").some((part) => part.startsWith(".")));
}

/** A CSP / subresource-integrity source: "sha256-<base64>". */
function digest(algorithm, data) {
  return `${algorithm}-${createHash(algorithm).update(data).digest("base64")}`;
}

function skip(why) {
  console.log(`precache: ${why}, so no service worker, CSP or registration`);
  process.exit(0);
}

function fail(message) {
  console.error(`precache: ${message}`);
  process.exit(1);
}
