#!/usr/bin/env bash
# Builds dist-profile/: the release app (with `bench-data`, so `?records=N` works) whose wasm
# keeps its function names, for scripts/bench/profile.mjs. Trunk's wasm-opt pass strips the
# name section, so this copies dist-bench/ and swaps in wasm-bindgen's unoptimised output.
#   bash scripts/bench/profile-build.sh      (after `make bench` or a bench-data trunk build)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../env.sh"
cd "$ROOT"
cargo build --release --target wasm32-unknown-unknown --bin immunotimeline --features bench-data
rm -rf dist-profile
cp -r dist-bench dist-profile
out=$(mktemp -d)
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  target/wasm32-unknown-unknown/release/immunotimeline.wasm
js=$(basename dist-profile/immunotimeline-*.js)
wasm=$(basename dist-profile/immunotimeline-*_bg.wasm)
cp "$out/immunotimeline.js" "dist-profile/$js"
cp "$out/immunotimeline_bg.wasm" "dist-profile/$wasm"
rm -rf "$out" dist-profile/sw.js dist-profile/sw-register.js
# The hashes in index.html no longer match: drop SRI, the CSP and the worker registration.
# (Elements, not lines: the release page is minified onto one line.)
sed -i -E 's/ integrity="[^"]*"//g; s/\{ integrity: "[^"]*" \}/{}/; s/<meta http-equiv="Content-Security-Policy"[^>]*>//; s/<script src="\.\/sw-register\.js"[^>]*><\/script>//' \
  dist-profile/index.html
echo "dist-profile/ ready: node scripts/bench/profile.mjs dist-profile '?view=list'" >&2
