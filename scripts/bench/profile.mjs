// Where keystroke time goes: types into the search box under the V8 CPU profiler and prints the
// functions with the most self time and the most total time. A tool for finding work to cut,
// not part of `make bench`'s report.
//
//   node scripts/bench/profile.mjs <dist> [path] [words]
//   PROFILE_OUT=keys.cpuprofile node scripts/bench/profile.mjs …   also saves the profile
//
// Function names need a wasm with its name section (wasm-opt strips it): build with
// `scripts/bench/profile-build.sh`, which writes such a copy of dist/ to dist-profile/.
import { writeFile } from "node:fs/promises";
import { CHROMIUM_ARGS, openReadyToType, run, start, typeWords } from "./lib.mjs";

run(async () => {
  const [root = "dist-profile", path = "?view=list", words = "pembrolizumab melanoma"] =
    process.argv.slice(2);
  const env = await start(root);
  try {
    const { context, page, box } = await openReadyToType(env, path);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Performance.enable");
    const before = await metrics(cdp);
    await cdp.send("Profiler.start");
    const keys = await typeWords(page, box, words, 60, 150);
    const { profile } = await cdp.send("Profiler.stop");
    const after = await metrics(cdp);
    if (process.env.PROFILE_OUT) {
      // Opens in Chromium DevTools' Performance panel for a flame chart.
      await writeFile(process.env.PROFILE_OUT, JSON.stringify(profile));
    }
    report(profile, keys);
    // The browser's own work (style, layout) is not in the JS profile: its totals, per key.
    console.log("\nRendering, per keystroke (Performance.getMetrics):");
    for (const name of ["ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "TaskDuration"]) {
      const ms = ((after[name] - before[name]) * 1000) / keys;
      console.log(`${ms.toFixed(2).padStart(7)} ms/key  ${name}`);
    }
    for (const name of ["RecalcStyleCount", "LayoutCount", "Nodes"]) {
      console.log(`${((after[name] - before[name]) / keys).toFixed(1).padStart(7)} /key     ${name}`);
    }
    await context.close();
  } finally {
    await env.close();
  }
  void CHROMIUM_ARGS;
});

/** The page's cumulative performance counters, by name. */
async function metrics(cdp) {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** Prints the top functions by self and by total (inclusive) sampled time, per keystroke. */
function report(profile, keys) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const dt = profile.timeDeltas;
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const ms = (dt[i + 1] ?? 0) / 1000;
    let node = byId.get(id);
    const name = label(node);
    if (name === "(idle)" || name === "(program)") return;
    busy += ms;
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set();
    while (node) {
      const n = label(node);
      if (!seen.has(n)) {
        seen.add(n);
        total.set(n, (total.get(n) ?? 0) + ms);
      }
      node = byId.get(parent.get(node.id));
    }
  });
  const top = (map, count) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => `${(ms / keys).toFixed(2).padStart(7)} ms/key  ${name.slice(0, 150)}`)
      .join("\n");
  console.log(`${keys} keystrokes, busy ${(busy / keys).toFixed(2)} ms per keystroke\n`);
  console.log(`Self time:\n${top(self, 40)}\n`);
  console.log(`Total time:\n${top(total, 40)}\n`);
  const ours = new Map([...total].filter(([name]) => name.includes("immunotimeline::")));
  console.log(`Total time in this app's own functions:\n${top(ours, 40)}`);
}

function label(node) {
  const f = node.callFrame;
  return f.functionName || (f.url ? `(anonymous ${f.url.split("/").pop()}:${f.lineNumber})` : "(root)");
}
