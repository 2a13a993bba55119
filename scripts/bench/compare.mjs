// Two release builds side by side on this machine, now: the bundled keystroke → results painted
// (list and timeline) and start-up "interactive after data" of each, with the floor page, in
// interleaved rounds (A, B, floor, A, B, floor, …) so the machine's drift between runs falls on
// both alike. `make bench` compares today's figures with figures measured on other days; this
// is how to tell whether a change or the machine moved them. Not part of `make bench`.
//
//   node scripts/bench/compare.mjs <dist A> <dist B> [rounds = 3] [records]    prints a Markdown table
//
// With `records` (two `bench-data` builds, such as dist-bench/), each page has that many
// synthetic records (`?records=N`) instead of the bundled ones.
//
// For example, a baseline commit built in a worktree:
//   git worktree add ../base 4f9b5fa && (cd ../base && CARGO_TARGET_DIR=../target-base trunk build --release)
//   node scripts/bench/compare.mjs ../base/dist dist 5
import { fileURLToPath } from "node:url";
import { afterData, median, ms, percentile, resultsPainted, run, start, table } from "./lib.mjs";
import { byPlace, coldLoad, typeInViews } from "./measures.mjs";

const FLOOR = fileURLToPath(new URL(".", import.meta.url));

run(
  async () => {
    const [a, b, roundsArg = "3", records] = process.argv.slice(2);
    if (!a || !b) throw new Error("usage: compare.mjs <dist A> <dist B> [rounds] [records]");
    const rounds = Number(roundsArg);
    const query = (view) => {
      const parts = [view && `view=${view}`, records && `records=${records}`].filter(Boolean);
      return parts.length ? `?${parts.join("&")}` : "";
    };
    const what = records ? `${records} synthetic records` : "bundled records";
    const builds = [
      { name: "A", root: a, keys: { List: [], Timeline: [] }, startup: { timeline: [], list: [] } },
      { name: "B", root: b, keys: { List: [], Timeline: [] }, startup: { timeline: [], list: [] } },
    ];
    const floor = [];
    for (let round = 0; round < rounds; round += 1) {
      for (const build of builds) {
        const env = await start(build.root);
        try {
          for (const [view, path] of [["timeline", query()], ["list", query("list")]]) {
            build.startup[view].push(afterData(await coldLoad(env, path)));
          }
          const [list, timeline] = await typeInViews(env, query("list"), ["List", "Timeline"]);
          build.keys.List.push(...list);
          build.keys.Timeline.push(...timeline);
        } finally {
          await env.close();
        }
      }
      const env = await start(FLOOR);
      try {
        floor.push(...(await typeInViews(env, "keystroke-floor.html", [null]))[0]);
      } finally {
        await env.close();
      }
    }
    const keyRow = (label, keys) => {
      const shown = keys.map(resultsPainted);
      return [label, String(keys.length), ms(percentile(shown, 50)), ms(percentile(shown, 95)), byPlace(keys)];
    };
    const rows = [];
    for (const view of ["List", "Timeline"]) {
      for (const build of builds) rows.push(keyRow(`${build.name}, ${view.toLowerCase()}`, build.keys[view]));
    }
    rows.push(keyRow("floor", floor));
    const starts = builds.flatMap((build) =>
      ["timeline", "list"].map((view) => [
        `${build.name}, ${view}`,
        ms(median(build.startup[view])),
        build.startup[view].map((t) => t.toFixed(0)).join(", "),
      ]),
    );
    console.log(`## A: \`${a}\`, B: \`${b}\` (${rounds} interleaved rounds)

### Keystroke → results painted (${what})

${table(["build, view", "keystrokes", "p50", "p95", "p95: a word's first letter / later letters"], rows)}

### Start-up: interactive after data available (${what})

${table(["build, view", "median", "each load"], starts)}

As in \`make bench\` sections 2 and 4 (scripts/bench/measures.mjs), with the two builds and the
floor page taking turns.`);
  },
  { timeoutMs: 60 * 60_000 },
);
