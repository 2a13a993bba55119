# The two commands from the README. Both install whatever is missing first (scripts/setup.sh).
.PHONY: serve test setup build bench clean

## serve: build the release app with the real dataset and serve dist/ at http://127.0.0.1:8080
serve: build
	node scripts/serve.mjs dist 8080

## test: every check CI runs (format, lint, native, browser and end-to-end tests)
test: setup
	bash scripts/test.sh

## bench: release + benchmark builds, then sizes, start-up, search, keystroke, memory, Lighthouse
## and native search numbers, printed and written to BENCHMARKS.md (about 15 minutes; not a test)
bench: setup
	bash scripts/bench.sh

setup:
	bash scripts/setup.sh

build: setup
	bash -c 'source scripts/env.sh && trunk build --release'

clean:
	rm -rf dist target
