#!/usr/bin/env bash
# The browser test needs Debian's Chromium. Install it when we are root (as on CI);
# otherwise say what to install and let the browser test skip itself.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser test (apt-get install chromium)..."
  if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); then
    exit 0
  fi
  echo "Could not install Chromium with apt-get; the browser test will be skipped." >&2
  exit 0
fi
echo "Chromium is not installed, so the browser test will be skipped." >&2
echo "To run it: sudo apt-get install chromium   (Debian/Ubuntu), then make test again." >&2
exit 0
