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

# Debian packages the tests start for real, installed when missing and apt-get can (CI runs as root). Running
# the server does not need them, so a machine that cannot install them gets a warning, not a failed setup.
apt_install_if_missing() {
  local binary="$1" package="$2" sudo=""
  if [ -e "$binary" ] || ! command -v apt-get >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
  echo "setup: installing $package (apt)"
  $sudo apt-get install -y --no-install-recommends "$package" >/dev/null 2>&1 ||
    { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y --no-install-recommends "$package" >/dev/null 2>&1; } ||
    echo "setup: could not install $package; some tests need it (apt-get install $package)" >&2
}
# The multi-process tests run two servers on one throwaway Redis.
apt_install_if_missing /usr/bin/redis-server redis-server
# The desktop e2e tests drive the renderer in the system Chromium (playwright-core downloads no browser); the
# emoji font lets customers' emoji show in its screenshots as they do on agents' machines.
apt_install_if_missing /usr/bin/chromium chromium
apt_install_if_missing /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf fonts-noto-color-emoji

# schemathesis (PyPI) fuzzes the API against its OpenAPI document in e2e/openapi-fuzz.test.ts. It lives in a
# venv of its own under the cache dir, so it never touches the system's Python packages.
SCHEMATHESIS_VENV="${SWITCHBOARD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/switchboard}/schemathesis-venv"
SCHEMATHESIS_VERSION="4.32.5"
if [ ! -x "$SCHEMATHESIS_VENV/bin/schemathesis" ] ||
  ! "$SCHEMATHESIS_VENV/bin/schemathesis" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  if command -v python3 >/dev/null 2>&1 && python3 -m venv --help >/dev/null 2>&1; then
    echo "setup: installing schemathesis $SCHEMATHESIS_VERSION (PyPI) into $SCHEMATHESIS_VENV"
    python3 -m venv "$SCHEMATHESIS_VENV" &&
      "$SCHEMATHESIS_VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" ||
      echo "setup: could not install schemathesis; the OpenAPI fuzz test needs it" >&2
  else
    echo "setup: python3 with venv is missing; the OpenAPI fuzz test needs it to install schemathesis" >&2
  fi
fi
