// The search comparison, run inside one page: the same records and the same queries through
// our wasm engine (`bench_*` exports of a `bench-data` build, src/bench_api.rs), MiniSearch and
// FlexSearch, interleaved so all three share the machine's noise. Results go to
// `window.__searchBench` for scripts/bench/search.mjs to read.
//
// Query string: `sizes=0,1000,10000,100000` (0 = the bundled dataset), `repeats=5`.
import MiniSearch from "./minisearch.js";
import { Document } from "./flexsearch.js";

// Read before the app starts: it rewrites the address to its own canonical form.
const params = new URLSearchParams(location.search);
const SIZES = (params.get("sizes") ?? "0,1000,10000,100000").split(",").map(Number);
const REPEATS = Number(params.get("repeats") ?? 5);
const SEED = 2024; // as benches/search.rs
/** A measurement repeats one query until this much time has passed, so the coarse timer of a
 *  non-isolated page (0.1 ms) stays small against it. */
const MIN_BATCH_MS = 5;
const SLOW_MS = 20;

// The query set of benches/search.rs, plus facet-only queries our API can express (approach).
const TYPED = ["pembrolizumab", "lymphocytes", "checkpoint", "melanoma", "interleukin"];
const TYPO = [
  "pembrolizomab ", "tisagenleucel ", "lymphocites ", "melanomma ", "checkpiont ",
  "imunotherapy ", "antibodys ", "ipilimumb ", "metastatis ", "checkpiont", "macrophags",
  "neoantgen ",
];
const MULTI_WORD = [
  "pd-1 melanoma ", "car t cells leukemia ", '"immune checkpoint" blockade ',
  "tumor infiltrating lymphocytes ", "keytruda survival -mice ", "tnf alpha mice",
  "chimeric antigen receptor", "cd19 car-t relapse", "pembrolizumab nivolumab ",
  "interleukin 2 melanoma",
];
const FACETS = [
  "checkpoint-inhibitor", "car-t", "cancer-vaccine", "cytokine", "oncolytic-virus",
  "bispecific", "basic-discovery",
];
const QUERIES = [
  ...TYPED.flatMap((word) => [...word].map((_, i) => ({ cls: "prefix", text: word.slice(0, i + 1) }))),
  ...TYPO.map((text) => ({ cls: "typo", text })),
  ...MULTI_WORD.map((text) => ({ cls: "multi-word", text })),
  ...FACETS.map((approach) => ({ cls: "facet-only", text: "", approach })),
].map((q) => ({ approach: "", ...q, words: words(q.text) }));

const out = document.getElementById("bench");
const log = (line) => {
  out.textContent += `\n${line}`;
  console.log(line);
};
window.__searchBench = { status: "running" };
main().then(
  (results) => (window.__searchBench = { status: "done", results }),
  (error) => {
    log(String(error?.stack ?? error));
    window.__searchBench = { status: "failed", error: String(error) };
  },
);

async function main() {
  const bench = await loadOurEngine();
  const results = { queries: QUERIES.map(({ cls, text, approach }) => ({ cls, text, approach })), sizes: [] };
  for (const size of SIZES) {
    const started = performance.now();
    const engines = buildEngines(bench, size);
    log(`${size || "bundled"}: built in ${(performance.now() - started).toFixed(0)} ms`);
    const times = Object.fromEntries(engines.map((e) => [e.name, QUERIES.map(() => [])]));
    const hits = Object.fromEntries(engines.map((e) => [e.name, QUERIES.map((q) => e.search(q))]));
    for (let repeat = 0; repeat < REPEATS; repeat += 1) {
      QUERIES.forEach((query, q) => {
        // Rotate the order so no engine always runs right after another one's garbage.
        for (let i = 0; i < engines.length; i += 1) {
          const engine = engines[(i + q + repeat) % engines.length];
          const samples = times[engine.name][q];
          // Slow queries (MiniSearch at 100k) get 3 measurements: the timer's error is nothing
          // against 20 ms, and all repeats would add minutes.
          if (samples.length >= 3 && median(samples) >= SLOW_MS) continue;
          samples.push(timePerCall(() => engine.search(query)));
        }
      });
      await new Promise((done) => setTimeout(done, 0));
    }
    const medians = Object.fromEntries(
      Object.entries(times).map(([name, perQuery]) => [name, perQuery.map(median)]),
    );
    results.sizes.push({
      size,
      records: engines[0].records,
      build: Object.fromEntries(engines.map((e) => [e.name, e.buildMs])),
      medians,
      hits,
    });
    log(`${size || "bundled"}: measured`);
  }
  return results;
}

/** Loads the app's module (names read from the built index.html) and checks the bench API. */
async function loadOurEngine() {
  const html = await (await fetch("../index.html")).text();
  // The loader (pattern_script in Trunk.toml) names both as quoted "./…" paths.
  const glue = html.match(/'\.\/([^']+\.js)'/)?.[1];
  const wasm = html.match(/'\.\/([^']+\.wasm)'/)?.[1];
  if (!glue || !wasm) throw new Error("no Trunk loader in ../index.html");
  const bindings = await import(`../${glue}`);
  await bindings.default({ module_or_path: `../${wasm}` });
  if (typeof bindings.bench_search !== "function") {
    throw new Error("this build has no bench API: build with --features bench-data");
  }
  // The bundled records are searched whole: with the summaries and sources the app fetches.
  const details = await fetch(`../${bindings.bench_details_file()}`);
  if (!details.ok) throw new Error(`the details file: ${details.status}`);
  bindings.bench_set_details(new Uint8Array(await details.arrayBuffer()));
  return bindings;
}

/** Loads `size` records into our engine, then indexes the same records in the other two. */
function buildEngines(bench, size) {
  let started = performance.now();
  const records = bench.bench_load(size, SEED);
  const oursMs = performance.now() - started;
  started = performance.now();
  bench.bench_generate(size, SEED);
  // `bench_load` = generate + index; the difference is our index build (bundled: decode + index).
  const oursBuildMs = size === 0 ? oursMs : Math.max(0, oursMs - (performance.now() - started));
  const docs = JSON.parse(bench.bench_records_json()).map(flatten);

  const ours = {
    name: "ours (wasm)",
    records,
    buildMs: oursBuildMs,
    search: (q) => bench.bench_search(q.text, q.approach),
  };

  started = performance.now();
  const mini = new MiniSearch({
    fields: ["title", "summary", "targets", "drugs", "institutions", "people", "journal", "pubTitle", "authors"],
    storeFields: ["approaches"],
  });
  mini.addAll(docs);
  const miniSearch = {
    name: "MiniSearch",
    records,
    buildMs: performance.now() - started,
    search: (q) => {
      const filter = q.approach ? (r) => r.approaches.includes(q.approach) : undefined;
      if (q.words.length === 0) return mini.search(MiniSearch.wildcard, { filter }).length;
      const lastIsPrefix = !q.text.endsWith(" ");
      return mini.search(q.words.join(" "), {
        combineWith: "AND",
        // As ours: only the last word is a prefix, unless a space follows it.
        prefix: (_term, i, terms) => lastIsPrefix && i === terms.length - 1,
        fuzzy: (term) => maxEdits(term),
        filter,
      }).length;
    },
  };

  started = performance.now();
  const flex = new Document({
    tokenize: "forward",
    cache: false,
    document: { id: "id", index: ["text"], tag: ["approaches"] },
  });
  for (const doc of docs) flex.add({ id: doc.id, text: doc.all, approaches: doc.approaches });
  const flexSearch = {
    name: "FlexSearch",
    records,
    buildMs: performance.now() - started,
    search: (q) => {
      const options = { limit: records };
      if (q.approach) options.tag = { approaches: q.approach };
      const found = q.words.length === 0 ? flex.search(options) : flex.search(q.words.join(" "), options);
      return found[0]?.result.length ?? 0;
    },
  };
  return [ours, miniSearch, flexSearch];
}

/** A study as the JS engines index it: id = position (as our hits), list fields as text. */
function flatten(study, id) {
  const publication = study.publication ?? {};
  const doc = {
    id,
    title: study.title,
    summary: study.summary,
    targets: study.targets.join(" "),
    drugs: study.drugs.join(" "),
    institutions: study.institutions.join(" "),
    people: study.people.join(" "),
    journal: publication.journal ?? "",
    pubTitle: publication.title ?? "",
    authors: (publication.authors ?? []).join(" "),
    approaches: study.approaches,
  };
  doc.all = [doc.title, doc.summary, doc.targets, doc.drugs, doc.institutions, doc.people,
    doc.journal, doc.pubTitle, doc.authors].join(" ");
  return doc;
}

/** The words the JS engines get: quotes dropped, `-excluded` words left out (neither engine
 *  has phrase or exclusion syntax). */
function words(text) {
  return text.replaceAll('"', " ").split(/\s+/).filter((w) => w && !w.startsWith("-"));
}

/** Typos allowed, as src/search/expand.rs: none with digits, 1 from 4 chars, 2 from 8, 3 from 12. */
function maxEdits(term) {
  if (/\d/.test(term)) return 0;
  const length = [...term].length;
  return length >= 12 ? 3 : length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** Milliseconds per call of `fn`, repeating it until at least MIN_BATCH_MS have passed. */
function timePerCall(fn) {
  let calls = 0;
  let sink = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    sink += fn();
    calls += 1;
    elapsed = performance.now() - started;
  } while (elapsed < MIN_BATCH_MS);
  window.__sink = sink;
  return elapsed / calls;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(sorted.length / 2) - 1];
}
