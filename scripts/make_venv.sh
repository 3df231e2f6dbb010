#!/usr/bin/env bash
# Create the project's virtual environment, or say plainly what is missing.
set -euo pipefail
python=${1:-python3}
venv=${2:-.venv}
if ! command -v "$python" >/dev/null 2>&1; then
  echo "Python was not found as '$python'. Install Python 3.10 or newer from https://www.python.org/downloads/ and run make again." >&2
  exit 1
fi
if ! "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)'; then
  echo "This course needs Python 3.10 or newer; '$python' is $("$python" -V 2>&1). Install a newer Python, or run: make PYTHON=python3.11 lab" >&2
  exit 1
fi
if ! "$python" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  ver=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
  echo "Python's 'venv' module is missing on this machine." >&2
  echo "On Debian or Ubuntu install it with:  sudo apt-get install python3-venv   (or python${ver}-venv)" >&2
  echo "Then run make again." >&2
  exit 1
fi
"$python" -m venv "$venv"
