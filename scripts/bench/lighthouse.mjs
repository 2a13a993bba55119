// Section 6 of `make bench`: Lighthouse (npm `lighthouse`, pinned in package.json) against the
// release dist/ served on 127.0.0.1, mobile preset (Lighthouse's default form factor and
// simulated throttling), in Debian's Chromium.
//
//   node scripts/bench/lighthouse.mjs dist [runs]    prints a Markdown section
//
// If Lighthouse cannot run, the section says why instead of failing the whole benchmark.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { serve } from "../serve.mjs";
import { budget, CHROME_PATH, CHROMIUM_ARGS, median, ms, ROOT, run, saveRaw, table } from "./lib.mjs";

const CATEGORIES = ["performance", "accessibility", "best-practices"];
const BUDGETS = { performance: 95, accessibility: 100, "best-practices": 100 };
const FLAGS = [...new Set(["--headless=new", "--no-sandbox", "--disable-gpu", ...CHROMIUM_ARGS])];

run(async () => {
  const [dist = "dist", runsArg = "3"] = process.argv.slice(2);
  const runs = Number(runsArg);
  const server = await serve(dist);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const reports = [];
  let failure = null;
  try {
    for (let i = 0; i < runs; i += 1) reports.push(await lighthouse(url));
  } catch (error) {
    failure = String(error.stderr || error.message || error).trim().split("\n").slice(-6).join(" ");
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
  await saveRaw("lighthouse", { runs: reports.map(summary), failure });
  console.log(section(reports.map(summary), failure, runs));
});

/** One Lighthouse run; resolves to its JSON report (the "lhr"). */
async function lighthouse(url) {
  const bin = join(ROOT, "node_modules/.bin/lighthouse");
  const { stdout } = await promisify(execFile)(
    bin,
    [
      url,
      "--output=json",
      "--output-path=stdout",
      `--only-categories=${CATEGORIES.join(",")}`,
      `--chrome-flags=${FLAGS.join(" ")}`,
      "--quiet",
    ],
    {
      env: { ...process.env, CHROME_PATH },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 180_000,
    },
  );
  const report = JSON.parse(stdout);
  if (report.runtimeError) throw new Error(`${report.runtimeError.code}: ${report.runtimeError.message}`);
  return report;
}

function summary(report) {
  const audit = (id) => report.audits[id];
  return {
    scores: Object.fromEntries(
      CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? NaN) * 100)]),
    ),
    lcp: audit("largest-contentful-paint")?.numericValue,
    fcp: audit("first-contentful-paint")?.numericValue,
    tbt: audit("total-blocking-time")?.numericValue,
    cls: audit("cumulative-layout-shift")?.numericValue,
    formFactor: report.configSettings?.formFactor,
    lighthouseVersion: report.lighthouseVersion,
    userAgent: report.environment?.hostUserAgent,
    // Pass/fail audits that failed, marked when no category gives them any weight.
    failing: Object.values(report.audits)
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary")
      .map((a) => (weighted(report, a.id) ? a.id : `${a.id} (weight 0)`)),
  };
}

function weighted(report, id) {
  return Object.values(report.categories).some((c) =>
    c.auditRefs.some((ref) => ref.id === id && ref.weight > 0),
  );
}

function section(runs, failure, wanted) {
  const head = `## 6. Lighthouse (mobile preset, median of ${runs.length} of ${wanted} runs)`;
  if (runs.length === 0) {
    return `${head}\n\nLighthouse could not run here: ${failure}\n`;
  }
  const m = (pick) => median(runs.map(pick));
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, m((r) => r.scores[c])]));
  const rows = [
    ...CATEGORIES.map((c) => [
      `${c} score`,
      String(scores[c]),
      budget(scores[c] >= BUDGETS[c], BUDGETS[c] === 100 ? "100" : `≥ ${BUDGETS[c]}`),
    ]),
    ["LCP", ms(m((r) => r.lcp)), ""],
    ["FCP", ms(m((r) => r.fcp)), ""],
    ["TBT", ms(m((r) => r.tbt)), ""],
    ["CLS", m((r) => r.cls).toFixed(3), ""],
  ];
  const failing = [...new Set(runs.flatMap((r) => r.failing))];
  return `${head}

${table(["metric", "value", "budget"], rows)}

Lighthouse ${runs[0].lighthouseVersion}, form factor ${runs[0].formFactor}, simulated throttling
(its default: slow 4G, 4× CPU slowdown), against the release \`dist/\` on 127.0.0.1. Categories:
${CATEGORIES.join(", ")}. Chromium \`${CHROME_PATH}\` with:
\`${FLAGS.join(" ")}\`.
${failing.length ? `Failing pass/fail audits: ${failing.map((id) => `\`${id}\``).join(", ")}.` : "No pass/fail audit failed."}
${failure ? `A later run failed: ${failure}` : ""}
`;
}
