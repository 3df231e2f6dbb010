#!/usr/bin/env bash
# Make sure the browser test (tests/test_browser.py) has Debian's Chromium.
#
#  - Already installed: nothing to do.
#  - Running as root with apt-get (as on CI): install it (apt-get install chromium).
#  - Otherwise: say exactly what to install; the browser test then skips itself with the
#    same message. A learner's `make test` never fails for a missing browser.
#
# Where the browser test must run (CI=true, or SHELF_TO_FEED_REQUIRE_BROWSER=1), a Chromium
# that cannot be installed is an error, so the browser test cannot be skipped unnoticed; there
# passwordless sudo is used when not root.
# SHELF_TO_FEED_CHROMIUM points the test at another Chromium (default /usr/bin/chromium).
set -u

CHROMIUM="${SHELF_TO_FEED_CHROMIUM:-/usr/bin/chromium}"
INSTALL_HINT="sudo apt-get install chromium   (Debian/Ubuntu)"

required=0
case "${SHELF_TO_FEED_REQUIRE_BROWSER:-}" in 1 | true | yes) required=1 ;; esac
case "${CI:-}" in 1 | true | True | TRUE | yes) required=1 ;; esac

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

give_up() {
  if [ "$required" = "1" ]; then
    echo "ERROR: $1" >&2
    echo "The browser test is required here (CI or SHELF_TO_FEED_REQUIRE_BROWSER=1)." >&2
    echo "Install Chromium with: $INSTALL_HINT" >&2
    exit 1
  fi
  echo "$1; the browser test will be skipped." >&2
  echo "To run it: $INSTALL_HINT, then make test again." >&2
  exit 0
}

if [ "$CHROMIUM" != "/usr/bin/chromium" ]; then
  give_up "Chromium was not found at $CHROMIUM (set by SHELF_TO_FEED_CHROMIUM)"
fi
if ! command -v apt-get >/dev/null 2>&1; then
  give_up "Chromium is not installed at $CHROMIUM and this system has no apt-get"
fi

if [ "$(id -u)" = "0" ]; then
  SUDO=""
elif [ "$required" = "1" ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  give_up "Chromium is not installed at $CHROMIUM"
fi

echo "Installing Chromium for the browser test (apt-get install chromium)..."
if $SUDO apt-get update -qq &&
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null &&
  [ -x "$CHROMIUM" ]; then
  echo "Chromium installed: $("$CHROMIUM" --version 2>/dev/null | head -n 1)"
  exit 0
fi
give_up "apt-get could not install Chromium"
