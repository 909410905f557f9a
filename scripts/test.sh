#!/usr/bin/env bash
# The test command: sets up what is missing, typechecks, runs every test, and prints the closing count.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
pnpm -r --silent run typecheck
status=0
pnpm exec vitest run "$@" || status=$?
node scripts/print-test-summary.mjs .test-artifacts/vitest.json
exit $status
