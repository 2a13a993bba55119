# Sourced by the other scripts: puts the project's tools on PATH. Sets nothing else.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
# Trunk must never try to download anything (GitHub is unreachable from these machines).
export TRUNK_OFFLINE=true
