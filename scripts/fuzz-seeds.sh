#!/usr/bin/env bash
# Writes the fuzzer's seeds into DIR: every CommonMark 0.30 specification example
# (Tests/Fuzz/commonmark-0.30.json) as an article, with and without front matter,
# and every Markdown file of the fixtures and the sample site.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: fuzz-seeds.sh DIR}
rm -rf "$out" && mkdir -p "$out"
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
for example in json.load(open("Tests/Fuzz/commonmark-0.30.json", encoding="utf-8")):
    number, markdown = example["number"], example["markdown"]
    front = "---\ntitle: Ví dụ %d\ndate: 2024-01-12\n---\n" % number
    with open("%s/spec-%03d.md" % (out, number), "w", encoding="utf-8") as seed:
        seed.write(front + markdown)
    with open("%s/spec-%03d-bare.md" % (out, number), "w", encoding="utf-8") as seed:
        seed.write(markdown)
PY
find Tests content -name '*.md' -size -64k -print0 | while IFS= read -r -d '' file; do
  cp "$file" "$out/$(printf '%s' "$file" | tr '/' '_')"
done
