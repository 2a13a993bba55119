// Section 1 of `make bench`: transfer sizes of the release build, per file raw / gzip -9 /
// brotli (quality 11), and the first-load total against the 200 kB gzip budget.
//
//   node scripts/bench/sizes.mjs [dist]     prints a Markdown section
//
// "First load" is what a first visit fetches: index.html (with the stylesheet inlined), every
// file it references (the loader's JS glue, wasm and compiler worker, the icon, the
// apple-touch-icon, the manifest, sw-register.js) and sw.js, which the registration fetches.
// The service worker then precaches the remaining files (the manifest's larger icons) in the
// background; they are listed but not counted.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { budget, kb, run, saveRaw, table } from "./lib.mjs";

const GZIP_BUDGET = 200_000;

run(async () => {
  const dir = process.argv[2] ?? "dist";
  const names = (await readdir(dir)).sort();
  const files = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    files.push({ name, ...sizes(bytes) });
  }
  const html = await readFile(join(dir, "index.html"), "utf8");
  const firstLoad = new Set(["index.html", "sw.js", ...referencedBy(html)]);
  const missing = [...firstLoad].filter((name) => !names.includes(name));
  if (missing.length > 0) throw new Error(`index.html references missing files: ${missing}`);

  const counted = files.filter((f) => firstLoad.has(f.name));
  const total = (key) => counted.reduce((sum, f) => sum + f[key], 0);
  const totals = { raw: total("raw"), gzip: total("gzip"), brotli: total("brotli") };
  await saveRaw("sizes", { dir, files, firstLoad: [...firstLoad], totals });

  const rows = files.map((f) => [
    `\`${shortName(f.name)}\`${firstLoad.has(f.name) ? "" : " (precached later)"}`,
    kb(f.raw),
    kb(f.gzip),
    kb(f.brotli),
  ]);
  rows.push([
    `**first load** (${counted.length} files)`,
    `**${kb(totals.raw)}**`,
    `**${kb(totals.gzip)}**`,
    `**${kb(totals.brotli)}**`,
  ]);
  const over = totals.gzip - GZIP_BUDGET;
  console.log(`## 1. Transfer sizes (release \`${dir}/\`)

${table(["file", "raw", "gzip -9", "brotli q11"], rows)}

Budget: first load ${budget(totals.gzip <= GZIP_BUDGET, `≤ ${kb(GZIP_BUDGET)} gzip`)} \
(${over > 0 ? `${kb(over)} over` : `${kb(-over)} to spare`}; brotli ${kb(totals.brotli)}).
Counted as first load: index.html (the stylesheet is inlined), every file it references (the
loader's JS glue, wasm and compiler worker, the SVG icon, the apple-touch-icon, the manifest,
sw-register.js) and sw.js, which the registration fetches. The service worker precaches the
other files after load. Hashed names are shortened to \`name-….ext\`; kB = 1000 bytes.
`);
});

function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

/** Same-folder files index.html references: href/src attributes and the loader's imports. */
function referencedBy(html) {
  const urls = [
    // Quoted or, as the minifier writes them, bare.
    ...[...html.matchAll(/\b(?:href|src)=(?:"([^"]+)"|([^\s"'>]+))/g)].map((m) => m[1] ?? m[2]),
    // The loader's JS, wasm and compiler worker: quoted "./…" paths in the inline script.
    ...[...html.matchAll(/["'](\.\/[^"']+)["']/g)].map((m) => m[1]),
  ];
  return urls
    .filter((url) => !/^[a-z]+:/i.test(url) && !url.startsWith("#"))
    .map((url) => decodeURI(url.replace(/^\.\//, "").split(/[?#]/)[0]))
    .filter((name) => name !== "" && !name.includes("/"));
}

/** `immunotimeline-d5fd859f1838c206_bg.wasm` → `immunotimeline-…_bg.wasm`. */
function shortName(name) {
  return name.replace(/-[0-9a-f]{8,16}(?=(_bg)?\.)/, "-…");
}
