// Section 4 of `make bench`: keystroke → painted results, typing into the search box one
// character at a time, for the bundled dataset (release dist/) and 100k synthetic records.
//
//   node scripts/bench/keystroke.mjs dist dist-bench [runs]    prints a Markdown section
//
// Real key events (Chromium's input pipeline via CDP); scripts/bench/page-probe.js times each
// one from keydown to the last DOM change it caused and to the end of the frame painted after
// it. The Event Timing API's `input` entries (rounded to 8 ms, reported from 16 ms) are kept as
// a cross-check.
import { fileURLToPath } from "node:url";
import { budget, ms, percentile, resultsPainted, run, saveRaw, start, table } from "./lib.mjs";
import { byPlace, typeInViews, WORDS } from "./measures.mjs";

run(async () => {
  const [dist = "dist", distBench = "dist-bench", runsArg = "3"] = process.argv.slice(2);
  const runs = Number(runsArg);
  // Each page load of the app types in the list, then switches to the timeline and types
  // again. The floor is a page that only rewrites its count (keystroke-floor.html), typed into
  // the same way in the same run: the part of every figure that is the browser's, not the app's.
  const views = ["List", "Timeline"];
  const datasets = [
    { name: "bundled", root: dist, path: "?view=list", budgetMs: 16, views },
    { name: "100k", root: distBench, path: "?records=100000&view=list", budgetMs: 50, views },
    { name: "floor", root: fileURLToPath(new URL(".", import.meta.url)), path: "keystroke-floor.html", views: [null] },
  ];
  const results = [];
  for (const dataset of datasets) {
    const env = await start(dataset.root);
    try {
      const keys = dataset.views.map(() => []);
      for (let i = 0; i < runs; i += 1) {
        const typed = await typeInViews(env, dataset.path, dataset.views);
        typed.forEach((viewKeys, at) => keys[at].push(...viewKeys));
      }
      dataset.views.forEach((view, at) => {
        const name = view ? `${dataset.name}, ${view.toLowerCase()}` : dataset.name;
        results.push({ ...dataset, name, keys: keys[at] });
      });
    } finally {
      await env.close();
    }
  }
  await saveRaw("keystroke", { runs, words: WORDS, results });

  const rows = results.map(({ name, keys, budgetMs }) => {
    const shown = keys.map(resultsPainted);
    const painted = keys.map((k) => k.painted);
    const dom = keys.map((k) => k.dom);
    const working = keys.map((k) => k.painted - k.frameWait);
    const p95 = percentile(shown, 95);
    return [
      name,
      String(keys.length),
      `${ms(percentile(dom, 50))} / ${ms(percentile(dom, 95))}`,
      `${ms(percentile(shown, 50))} / ${ms(p95)}`,
      budgetMs === undefined ? "" : budget(p95 <= budgetMs, `p95 ≤ ${budgetMs} ms`),
      `${ms(percentile(painted, 50))} / ${ms(percentile(painted, 95))}`,
      `${ms(percentile(working, 50))} / ${ms(percentile(working, 95))}`,
      byPlace(keys),
      eventTiming(keys),
    ];
  });
  console.log(`## 4. Keystroke → painted results (${runs} page loads per dataset)

${table(
  [
    "dataset, view",
    "keystrokes",
    "→ DOM updated p50 / p95",
    "→ results painted p50 / p95",
    "budget",
    "→ everything painted p50 / p95",
    "→ everything painted less the wait for a frame, p50 / p95",
    "→ results painted p95: a word's first letter / later letters",
    "Event Timing (input event)",
  ],
  rows,
)}

Each page load types ${WORDS.map((w) => `"${w}"`).join(", ")} one character at a time, in
the list and then in the timeline (real key events, each after the previous result was painted
and a short pause), clearing the box between words (clearing is not counted). Timed from the
\`keydown\` event's timestamp to the last DOM change it caused and to the end of the first frame
painted after that change (requestAnimationFrame, then a task). *Results painted*: the frame
that shows the last change inside the results (\`#results\`: the count and the list or the
timeline); the app draws the filters' and the overview's counts in a task after that frame, and
*everything painted* waits for those too. A keystroke that changes nothing in the results counts
as its everything-painted time. Headless Chromium produces frames at 60 Hz, so *painted*
includes waiting for the next frame (0–16.7 ms, 8 ms on average). *Less the wait for a frame*
subtracts that idle time (from the last DOM change to the start of the frame that drew it, rAF's
timestamp), leaving the page's own work: script plus style, layout and paint. *A word's first letter*: the keystrokes that take the box from empty to
one letter, where the results change most (${WORDS.length} per view and page load); *later
letters*: the rest. Last column, a cross-check: the Event Timing API's duration of each counted
keystroke's \`input\` event (from the event to the next paint, rounded to 8 ms; reported only
from 16 ms).

*Floor*: \`scripts/bench/keystroke-floor.html\`, a page whose only answer to a keystroke is to
rewrite one line of text, typed into the same way in the same run. It is the browser's and the
machine's share of every row above (the key events, the text field, producing a frame), which
no page can go below; the rest of a row is the app's own work.
`);
});

/** "12 of 96 ≥ 16 ms, p95 40 ms": keystrokes the Event Timing API reported (from 16 ms). */
function eventTiming(keys) {
  const reported = keys.filter((k) => k.eventTiming !== null).length;
  const p95 = percentile(keys.map((k) => k.eventTiming ?? 0), 95);
  return `${reported} of ${keys.length} ≥ 16 ms; p95 ${p95 >= 16 ? ms(p95) : "< 16 ms"}`;
}
