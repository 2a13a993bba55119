// Where a keystroke's frame goes in the browser's own work: types into the search box under
// Chromium's tracing and prints the main thread's time per event kind (script, style, layout,
// paint, …) per keystroke. A tool for finding work to cut, like profile.mjs; not in `make bench`.
//
//   node scripts/bench/trace.mjs <dist> [path] [words]
//   TRACE_CSS='.matches { display: none }' node scripts/bench/trace.mjs …   with a stylesheet
//                                         added first: what a part of the page costs to draw
import { openReadyToType, run, start, typeWords } from "./lib.mjs";

run(async () => {
  const [root = "dist-bench", path = "?view=timeline", words = "pembrolizumab melanoma"] =
    process.argv.slice(2);
  const env = await start(root);
  try {
    const { context, page, box } = await openReadyToType(env, path);
    // A constructed stylesheet: the page's CSP refuses a <style> element.
    if (process.env.TRACE_CSS) {
      await page.evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }, process.env.TRACE_CSS);
    }
    const cdp = await context.newCDPSession(page);
    const events = [];
    cdp.on("Tracing.dataCollected", ({ value }) => events.push(...value));
    const done = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.start", {
      categories: "devtools.timeline,disabled-by-default-devtools.timeline",
      transferMode: "ReportEvents",
    });
    const keys = await typeWords(page, box, words, 120, 200);
    await cdp.send("Tracing.end");
    await done;
    // The renderer's main thread: where the page's tasks run.
    const main = events.find((e) => e.name === "thread_name" && e.args?.name === "CrRendererMain");
    const mine = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === "X");
    const byName = new Map();
    for (const e of mine) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    console.log(`${keys} keystrokes; main-thread time per keystroke by event (nested events overlap):`);
    for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(`${(ms / keys).toFixed(2).padStart(8)} ms  ${name}`);
    }
    // Style and layout forced inside an event handler (a read of a size after a write) count
    // twice: in the handler's time and on their own.
    const handlers = mine.filter((e) => e.name === "EventDispatch");
    const inside = (e) => handlers.some((h) => e.ts >= h.ts && e.ts + e.dur <= h.ts + h.dur);
    for (const name of ["Layout", "UpdateLayoutTree"]) {
      const forced = mine.filter((e) => e.name === name && inside(e));
      const ms = forced.reduce((sum, e) => sum + e.dur / 1000, 0);
      console.log(`forced in handlers: ${name} ${(ms / keys).toFixed(2)} ms, ${(forced.length / keys).toFixed(1)} times per keystroke`);
    }
    const types = new Map();
    for (const h of handlers) {
      const type = h.args?.data?.type ?? "?";
      types.set(type, (types.get(type) ?? 0) + h.dur / 1000);
    }
    console.log("handlers by event type:", [...types].map(([t, ms]) => `${t} ${(ms / keys).toFixed(2)} ms`).join(", "));
    await context.close();
  } finally {
    await env.close();
  }
});
