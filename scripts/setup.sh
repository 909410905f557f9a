#!/usr/bin/env bash
# Installs everything Switchboard needs on a fresh machine; later runs return in a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

export ELECTRON_SKIP_BINARY_DOWNLOAD=1
# node-gyp (better-sqlite3) must use the installed Node headers: this machine cannot download them.
if [ -f /usr/include/node/node.h ]; then export npm_config_nodedir=/usr; fi

if ! command -v pnpm >/dev/null 2>&1; then
  echo "setup: installing pnpm 10"
  npm install --global --silent pnpm@10
fi

pnpm install --frozen-lockfile --reporter=silent

bash scripts/ensure-database.sh
