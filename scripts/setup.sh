#!/usr/bin/env bash
# Installs what running Switchboard needs on a fresh machine (what only the tests need is in test-setup.sh);
# later runs return in a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

export ELECTRON_SKIP_BINARY_DOWNLOAD=1
# node-gyp (better-sqlite3) must use the installed Node headers: this machine cannot download them.
if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi

started=$SECONDS
if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup [1/3] installing pnpm 10 (npm; a few seconds)"
  npm install --global --silent pnpm@10
else
  echo "setup [1/3] pnpm $(pnpm --version) found"
fi

if [ -d node_modules/.pnpm ]; then
  echo "setup [2/3] JavaScript packages: checking (a few seconds)"
else
  echo "setup [2/3] JavaScript packages: installing (first run about 3 to 6 minutes: downloads, then better-sqlite3 compiles for about 70 s)"
fi
pnpm install --frozen-lockfile

echo "setup [3/3] database: checking"
bash scripts/ensure-database.sh
echo "setup: done in $((SECONDS - started)) s"
