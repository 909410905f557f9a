#!/usr/bin/env bash
# What only the tests need, installed when missing: Debian packages the tests start for real, and
# schemathesis for the OpenAPI fuzz test. `npm start` never runs this.
set -euo pipefail
cd "$(dirname "$0")/.."

# Installed when missing and apt-get can (CI runs as root); a machine that cannot gets a warning naming what
# fails without it.
apt_install_if_missing() {
  local binary="$1" package="$2" sudo=""
  if [ -e "$binary" ] || ! command -v apt-get >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo -n"; fi
  echo "test-setup: installing $package (apt)"
  $sudo apt-get install -y --no-install-recommends "$package" >/dev/null 2>&1 ||
    { $sudo apt-get update >/dev/null 2>&1 && $sudo apt-get install -y --no-install-recommends "$package" >/dev/null 2>&1; } ||
    echo "test-setup: could not install $package; some tests need it (apt-get install $package)" >&2
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
    echo "test-setup: installing schemathesis $SCHEMATHESIS_VERSION (PyPI) into $SCHEMATHESIS_VENV"
    python3 -m venv "$SCHEMATHESIS_VENV" &&
      "$SCHEMATHESIS_VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" ||
      echo "test-setup: could not install schemathesis; the OpenAPI fuzz test needs it" >&2
  else
    echo "test-setup: python3 with venv is missing; the OpenAPI fuzz test needs it to install schemathesis" >&2
  fi
fi
