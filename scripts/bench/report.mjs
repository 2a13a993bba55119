// Assembles BENCHMARKS.md from the sections scripts/bench.sh ran: a dated header, one table of
// every budget with its measured value, then each section's own tables.
//
//   node scripts/bench/report.mjs <out.md> <section.md>...
//
// The budget table is read from the sections' raw JSON in bench-results/; a section that did
// not run leaves its rows as "not measured".
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { afterData, budget, CHROME_PATH, kb, median, ms, percentile, resultsPainted, RESULTS, ROOT } from "./lib.mjs";

const [out, ...sectionFiles] = process.argv.slice(2);
const raw = async (name) => {
  try {
    return JSON.parse(await readFile(join(RESULTS, `${name}.json`), "utf8"));
  } catch {
    return null;
  }
};
const sections = [];
for (const file of sectionFiles) sections.push((await readFile(file, "utf8")).trim());

const rows = [];
const add = (what, value, ok, limit) =>
  rows.push([what, value ?? "not measured", value === undefined ? "–" : budget(ok, limit)]);

const sizes = await raw("sizes");
add("first load, gzip", sizes && kb(sizes.totals.gzip), sizes?.totals.gzip <= 200_000, "≤ 200 kB");

const lighthouse = await raw("lighthouse");
for (const [category, limit] of [["performance", 95], ["accessibility", 100], ["best-practices", 100]]) {
  const scores = lighthouse?.runs.map((r) => r.scores[category]) ?? [];
  const score = scores.length ? median(scores) : undefined;
  add(`Lighthouse mobile ${category}`, score === undefined ? undefined : String(score), score >= limit,
    limit === 100 ? "100" : `≥ ${limit}`);
}

const startup = await raw("startup");
const started = startup?.results.find((r) => r.name === "100k, list");
if (started) {
  const generated = startup.generation[100_000];
  const value = median(started.samples.map((s) => afterData(s, "interactive", generated)));
  add("100k records: interactive after data available (list)", ms(value), value <= 1500, "≤ 1.5 s");
  // No budget of its own: how long a search waits for the text index (see section 2).
  const ready = median(started.samples.map((s) => afterData(s, "search-ready", generated)));
  rows.push(["100k records: search ready after data available (list)", ms(ready), "(no budget)"]);
} else add("100k records: interactive after data available (list)");

const keystroke = await raw("keystroke");
for (const [name, limit] of [["100k, list", 50], ["100k, timeline", 50], ["bundled, list", 16], ["bundled, timeline", 16]]) {
  const result = keystroke?.results.find((r) => r.name === name);
  const p95 = result && percentile(result.keys.map(resultsPainted), 95);
  const all = result && percentile(result.keys.map((k) => k.painted), 95);
  add(
    `keystroke → results painted p95, ${name} (everything painted)`,
    result && `${ms(p95)} (${ms(all)})`,
    p95 <= limit,
    `≤ ${limit} ms`,
  );
}
// No budget of its own: the browser's share of the figures above (see section 4).
const floor = keystroke?.results.find((r) => r.name === "floor");
if (floor) {
  const p95 = percentile(floor.keys.map(resultsPainted), 95);
  rows.push(["keystroke → painted p95, a page that only rewrites one line (the floor)", ms(p95), "(no budget)"]);
}

const memory = await raw("memory");
const big = memory?.results.find((r) => r.raw?.count >= 100_000);
if (big) {
  const wasm = median(big.samples.map((s) => s.wasmMemory));
  const times = wasm / big.raw.json;
  add("wasm memory at 100k / raw records (JSON)", `${times.toFixed(2)}×`, times <= 3, "≤ 3×");
} else add("wasm memory at 100k / raw records (JSON)");

const search = await raw("search");
const at = (size) => search?.sizes.find((s) => s.size === size);
const p95 = (s, engine) => percentile(s.medians[engine], 95);
const s100k = at(100_000);
add("search p95 at 100k (ours, in Chromium)", s100k && ms(p95(s100k, "ours (wasm)")),
  s100k && p95(s100k, "ours (wasm)") <= 5, "≤ 5 ms");
const vsMini = s100k && p95(s100k, "ours (wasm)") / p95(s100k, "MiniSearch");
add("search p95 at 100k, ours / MiniSearch", s100k && `${vsMini.toPrecision(2)}×`, vsMini <= 0.5, "≤ 0.5×");
const bundled = at(0);
add("search p95, bundled dataset (ours)", bundled && ms(p95(bundled, "ours (wasm)")),
  bundled && p95(bundled, "ours (wasm)") < 1, "< 1 ms");

const header = `# Benchmarks

Measured ${new Date().toISOString().replace(/:\d\d\.\d+Z$/, " UTC").replace("T", " ")} by \`make bench\` (scripts/bench.sh).

- Machine: ${machine()}
- Code: commit ${commit()}
- ${load()}

Numbers on these shared 2-core machines are noisy (another build running at the same time can
double a browser timing): medians of several runs, and ratios measured in the same run, are what
to compare. Raw measurements: \`bench-results/*.json\` (not committed).

## Budgets

| what | measured | budget |
| --- | ---: | ---: |
${rows.map((r) => `| ${r.join(" | ")} |`).join("\n")}
`;
const text = `${[header.trim(), ...sections].join("\n\n")}\n`;
await writeFile(out, text);
process.stdout.write(text);

function machine() {
  const cpu = cpus()[0]?.model.replace(/\s+/g, " ").trim() ?? "unknown CPU";
  const versions = [`Node ${process.version}`];
  for (const [label, cmd, args] of [
    ["", CHROME_PATH, ["--version"]],
    ["", "rustc", ["--version"]],
    ["", "trunk", ["--version"]],
  ]) {
    try {
      versions.push(label + execFileSync(cmd, args, { encoding: "utf8" }).trim().split(" ").slice(0, 2).join(" "));
    } catch {
      // A missing tool only leaves its version out of the header.
    }
  }
  return `${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM; ${versions.join(", ")}`;
}

/** The 1-minute load average before the run and at its end (this run's own work included). */
function load() {
  const first = (text) => text.split(" ")[0];
  try {
    const end = first(readFileSync("/proc/loadavg", "utf8"));
    let start = "?";
    try {
      start = first(readFileSync(join(RESULTS, "loadavg-start"), "utf8"));
    } catch {
      // No start sample: the report was made without scripts/bench.sh.
    }
    return `Load average (1 min): ${start} before the run, ${end} at its end.`;
  } catch {
    return "";
  }
}

function commit() {
  try {
    const head = execFileSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["-C", ROOT, "status", "--porcelain", "--", "src", "build.rs", "Cargo.toml", "Cargo.lock", "data", "public", "index.html"], { encoding: "utf8" }).trim();
    return `\`${head}\`${dirty ? " with uncommitted changes to the app" : ""}`;
  } catch {
    return "unknown";
  }
}
