#!/usr/bin/env bash
# Every check, in the order that fails fastest. The README's test command; CI runs exactly this.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all --check

step "lint (native)"
cargo clippy --all-targets -- -D warnings

step "lint (wasm32)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
# The benchmark build (`make bench`) too, so its extra code never rots.
cargo clippy --all-targets --target wasm32-unknown-unknown --features bench-data -- -D warnings

step "native tests (data, search, URL state)"
cargo test

step "browser component tests (wasm-bindgen-test in headless Chromium)"
cargo test --target wasm32-unknown-unknown --test web

step "release build (trunk)"
trunk build --release

step "end-to-end tests (Playwright + headless Chromium against dist/)"
node --test --test-concurrency=1 tests/e2e/
