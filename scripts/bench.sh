#!/usr/bin/env bash
# `make bench`: builds the release app and a benchmark build, measures sizes, start-up, search
# (ours vs MiniSearch vs FlexSearch), keystroke latency, memory, Lighthouse and the native search
# benchmark, and writes one dated report to BENCHMARKS.md (also printed). About 15 minutes on
# 2 cores. Not part of `make test`: it asserts nothing, it reports.
#
#   BENCH_RUNS=3        page loads per start-up / keystroke / memory / Lighthouse measurement
#   BENCH_REPEATS=5     measurements per query and engine in the search comparison
#   BENCH_NO_BUILD=1    reuse dist/ and dist-bench/ as they are
#   BENCH_NO_NATIVE=1   skip `cargo bench --bench search`
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
RUNS="${BENCH_RUNS:-3}"
REPEATS="${BENCH_REPEATS:-5}"
OUT=bench-results
mkdir -p "$OUT"
rm -f "$OUT"/*.md "$OUT"/*.json "$OUT"/*.log
# How busy the machine was before we started (other builds inflate browser timings).
cp /proc/loadavg "$OUT/loadavg-start" 2>/dev/null || true
step() { printf '\n\033[1m== bench: %s\033[0m (at %d:%02d)\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)) >&2; }

if [ -z "${BENCH_NO_BUILD:-}" ]; then
  step "release build (dist/)"
  trunk build --release
  # The same app plus `bench-data`: `?records=N` loads N synthetic records, and src/bench_api.rs
  # exports the engine to JS for the search comparison. Never deployed.
  step "benchmark build (dist-bench/, --features bench-data)"
  trunk build --release --features bench-data --dist dist-bench
fi

# Each section prints Markdown to $OUT/<n>-<name>.md (its log to .log); a section that fails
# leaves a note in the report instead of stopping the others.
section() {
  local file="$OUT/$1.md" title="$2"
  shift 2
  step "$title"
  if ! "$@" >"$file" 2> >(tee "$OUT/$(basename "$file" .md).log" >&2); then
    printf '## %s\n\nThis section failed; see `%s`.\n' "$title" "$OUT/$(basename "$file" .md).log" >"$file"
  fi
}

section 1-sizes "1. Transfer sizes" node scripts/bench/sizes.mjs dist
section 2-startup "2. Start-up" node scripts/bench/startup.mjs dist dist-bench "$RUNS"
section 3-search "3. Search comparison" node scripts/bench/search.mjs dist-bench "$REPEATS"
section 4-keystroke "4. Keystroke → painted" node scripts/bench/keystroke.mjs dist dist-bench "$RUNS"
section 5-memory "5. Memory" node scripts/bench/memory.mjs dist dist-bench "$RUNS"
section 6-lighthouse "6. Lighthouse" node scripts/bench/lighthouse.mjs dist "$RUNS"

native() {
  local table
  table=$(cargo bench --bench search 2>"$OUT/7-native.log") || return 1
  cat <<EOF
## 7. Native search benchmark (\`cargo bench --bench search\`)

$table

Native (this machine's CPU, the release profile: \`opt-level = "z"\`, LTO), one \`search\` call
per query (matching, facets, histogram, ordering), same query classes as section 3; see
\`benches/search.rs\`. Memory is the index's heap growth while it is built.
EOF
}
if [ -z "${BENCH_NO_NATIVE:-}" ]; then
  section 7-native "7. Native search benchmark" native
fi

step "report (BENCHMARKS.md)"
node scripts/bench/report.mjs BENCHMARKS.md "$OUT"/[0-9]-*.md
step "done"
