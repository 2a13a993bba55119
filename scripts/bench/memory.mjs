// Section 5 of `make bench`: memory after load, for the bundled dataset (release dist/) and
// 100k synthetic records (the bench build), against the budget wasm memory ≤ 3× the records'
// raw size.
//
//   node scripts/bench/memory.mjs dist dist-bench [runs]    prints a Markdown section
//
// JS heap: CDP `Runtime.getHeapUsage` after a forced garbage collection. Wasm: the byte length
// of the instance's linear memory (the `memory` export, from Trunk's TrunkApplicationStarted
// event), which only grows, so it is the peak of start-up. Raw size: the same records as JSON
// (UTF-8 bytes, `bench_records_json`) and as postcard (the bundle's format).
import { budget, median, run, saveRaw, size, start, table } from "./lib.mjs";
import { settle } from "./measures.mjs";

const BUDGET_RATIO = 3;

run(async () => {
  const [dist = "dist", distBench = "dist-bench", runsArg = "3"] = process.argv.slice(2);
  const runs = Number(runsArg);
  const scenarios = [
    { name: "bundled (release build)", root: dist, path: "?view=list" },
    { name: "bundled (bench build)", root: distBench, path: "?view=list", count: 0 },
    { name: "100k (bench build)", root: distBench, path: "?records=100000&view=list", count: 100_000 },
  ];
  const results = [];
  for (const scenario of scenarios) {
    const env = await start(scenario.root);
    try {
      const samples = [];
      for (let i = 0; i < runs; i += 1) samples.push(await measure(env, scenario.path));
      const raw = scenario.count === undefined ? null : await rawSize(env, scenario.count);
      results.push({ ...scenario, samples, raw });
    } finally {
      await env.close();
    }
  }
  await saveRaw("memory", { runs, results });

  const rows = results.map(({ name, samples, raw }) => {
    const heap = median(samples.map((s) => s.jsHeapUsed));
    const wasm = median(samples.map((s) => s.wasmMemory));
    // Only at 100k is the ratio about the records: with 80 records the wasm's fixed
    // memory (static data, stack, allocator) is all there is.
    const big = raw?.count >= 100_000;
    const times = raw ? wasm / raw.json : NaN;
    return [
      name,
      size(heap),
      size(wasm),
      raw ? `${size(raw.json)} JSON / ${size(raw.postcard)} postcard` : "–",
      big ? `${times.toFixed(2)}× JSON / ${(wasm / raw.postcard).toFixed(2)}× postcard` : "–",
      big ? budget(times <= BUDGET_RATIO, "≤ 3× raw (JSON)") : "",
    ];
  });
  console.log(`## 5. Memory after load (median of ${runs} page loads)

${table(
  [
    "dataset",
    "JS heap used",
    "wasm linear memory",
    "records, raw",
    "wasm memory / raw",
    "budget",
  ],
  rows,
)}

Measured 1.5 s after the list was painted, after a forced garbage collection. *JS heap used*:
CDP \`Runtime.getHeapUsage\` (excludes the wasm memory's backing store). *wasm linear memory*:
\`memory.buffer.byteLength\` of the app's instance; linear memory never shrinks, so this is the
high-water mark of start-up (records, index and the temporaries of building it), not only what
stays live. *raw*: the same records serialised by the bench build (\`bench_records_json\`:
compact JSON, UTF-8 bytes; \`bench_records_postcard_len\`: the bundle's postcard encoding).
kB = 1000 bytes, MB = 10⁶ bytes.
`);
});

/** One cold load: JS heap after GC and the size of the app's wasm memory. */
async function measure(env, path) {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(() => (window.__benchNoProbe = true));
    await settle(page, env, path);
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    const wasmMemory = await page.evaluate(() => window.__bench.wasm?.memory?.buffer.byteLength);
    return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory };
  } finally {
    await context.close();
  }
}

/** The raw size of the records a bench build loads for `count` (0: the bundled dataset). */
async function rawSize(env, count) {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${env.origin}?records=10&view=list`);
    await page.waitForFunction(() => window.wasmBindings?.bench_load !== undefined);
    return await page.evaluate((n) => {
      // Seed 42 is the one the app uses for `?records=N` (src/app.rs).
      const loaded = window.wasmBindings.bench_load(n, 42);
      const json = new TextEncoder().encode(window.wasmBindings.bench_records_json()).length;
      const postcard = window.wasmBindings.bench_records_postcard_len();
      return { count: loaded, json, postcard };
    }, count);
  } finally {
    await context.close();
  }
}
