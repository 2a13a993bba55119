// Injected into the app page before any of its scripts (Playwright `addInitScript`) by the
// start-up, keystroke and memory benchmarks. It only observes, except for one synthetic search
// after the first render (unless `window.__benchNoProbe` is set): it never changes how the app
// loads.
//
// window.__bench.marks holds performance.now() times (ms since navigation start):
//   wasm-instantiated  WebAssembly instantiation resolved, just before the app's main() runs
//   app-started        Trunk's TrunkApplicationStarted event (main() has returned)
//   results-dom        the `.result-count` element exists
//   drawn-dom          the timeline or the list has its first marker / card
//   drawn-painted      the frame after that has been painted
//   input-sent         the probe's search ("melanoma") was dispatched to the search box
//   interactive        the count changed because of it and the next frame was painted (for
//                      many records that may be "Preparing search…": the page answered, and
//                      the records' text is still being indexed)
//   search-ready       the count shows the search's matches and the next frame was painted
// window.__bench.keys holds one record per keystroke in the search box (see the end).
(() => {
  const bench = (window.__bench = { marks: {}, keys: [], wasm: null });
  const marks = bench.marks;
  const mark = (name) => {
    if (marks[name] !== undefined) return;
    marks[name] = performance.now();
    performance.mark(`bench:${name}`);
  };
  // The keystroke benchmark types itself and sets this flag in an earlier init script.
  const probeInput = !window.__benchNoProbe;

  // The end of instantiation: our `then` runs before the glue's `await` continues into main().
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        mark("wasm-instantiated");
        return result;
      });
    };
  }
  addEventListener("TrunkApplicationStarted", (event) => {
    mark("app-started");
    bench.wasm = event.detail?.wasm ?? null;
  });

  /** Calls `done(now, frameStart)` after the next frame has been produced (rAF, then a task
   * after rendering); `frameStart` is the frame's own start time (rAF's timestamp). */
  const afterNextPaint = (done) =>
    requestAnimationFrame((frameStart) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now(), frameStart);
      channel.port2.postMessage(null);
    });
  bench.afterNextPaint = afterNextPaint;

  const countText = () => document.querySelector(".result-count")?.textContent ?? null;
  const observer = new MutationObserver(() => {
    if (marks["results-dom"] === undefined && countText() !== null) mark("results-dom");
    if (marks["drawn-dom"] === undefined && document.querySelector(".card, .marker, .cluster")) {
      mark("drawn-dom");
      afterNextPaint(() => mark("drawn-painted"));
      if (probeInput) setTimeout(searchOnce, 0);
    }
    if (marks["results-dom"] !== undefined && marks["drawn-dom"] !== undefined) {
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true });

  // "Interactive": the first moment the main thread is free after the first render, a search
  // is typed into the box; the page is interactive once its count has changed and been painted.
  function searchOnce() {
    const box = document.getElementById("search-input");
    if (!box) return;
    const before = countText();
    let answered = false;
    const watch = new MutationObserver(() => {
      const now = countText();
      if (now === before) return;
      if (!answered) {
        answered = true;
        afterNextPaint(() => mark("interactive"));
      }
      if (/Preparing/.test(now)) return;
      watch.disconnect();
      afterNextPaint(() => mark("search-ready"));
    });
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    mark("input-sent");
    box.value = "melanoma";
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }

  // Keystroke → painted: for each `input` event on the search box, the time from its keydown to
  // (a) the last DOM change it caused and (b) the end of the first frame painted after that
  // change; and the same for the changes inside the results (`#results`: the count, the list or
  // the timeline), which the app paints before the filters' and overview's counts. A record is
  // final once a frame passes with no further change.
  let keydownAt = null;
  document.addEventListener("keydown", (event) => (keydownAt = event.timeStamp), true);
  document.addEventListener(
    "input",
    (event) => {
      if (event.target?.id !== "search-input" || !event.isTrusted) return;
      // Timed from the key going down (the input event follows it in the same task).
      const start = keydownAt ?? event.timeStamp;
      keydownAt = null;
      const record = {
        value: event.target.value,
        inputAt: event.timeStamp,
        dom: null,
        painted: null,
        frameWait: null,
        resultsPainted: null,
        done: false,
      };
      bench.keys.push(record);
      let lastChange = null;
      let lastResultsChange = null;
      const inResults = (node) =>
        (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest("#results");
      const changes = new MutationObserver((mutations) => {
        lastChange = performance.now();
        if (mutations.some((m) => inResults(m.target))) lastResultsChange = lastChange;
      });
      changes.observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      // Each frame: if the DOM changed since the last look, that frame showed the newest
      // change; once a frame passes without change (or 30 frames without any), it is final.
      let seen = null;
      let seenResults = null;
      const finish = () => {
        changes.disconnect();
        record.done = true;
      };
      const settle = (framesLeft) =>
        afterNextPaint((paintedAt, frameStart) => {
          if (lastResultsChange !== seenResults) {
            seenResults = lastResultsChange;
            record.resultsPainted = paintedAt - start;
          }
          if (lastChange !== seen) {
            seen = lastChange;
            record.dom = lastChange - start;
            record.painted = paintedAt - start;
            // The time the finished DOM waited for the next frame to begin.
            record.frameWait = Math.max(0, frameStart - lastChange);
          } else if (seen !== null) {
            return finish();
          }
          if (framesLeft === 0) return finish();
          settle(framesLeft - 1);
        });
      settle(30);
    },
    true,
  );
})();
