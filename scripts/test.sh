#!/usr/bin/env bash
# The test command: sets up what is missing, typechecks, lints (boundary rules included), checks formatting,
# runs every test, and prints the closing count.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/test-setup.sh
pnpm --silent typecheck
pnpm --silent lint
pnpm --silent format:check
status=0
pnpm exec vitest run "$@" || status=$?
node scripts/print-test-summary.mjs .test-artifacts/vitest.json
exit $status
