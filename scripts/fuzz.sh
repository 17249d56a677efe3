#!/usr/bin/env bash
# Builds bantin-fuzz with libFuzzer (coverage-guided; AddressSanitizer would only
# watch the Swift code, which is memory safe, not libcmark or libyaml) and runs it for $1 seconds
# (default 600) on a corpus seeded with every Markdown file of the fixtures and the
# sample site. Crashes, hangs and leaks are written to .build/fuzz/ as crash-*,
# timeout-*, leak-*; replay one with `swift run bantin-fuzz FILE`.
set -euo pipefail
seconds=${1:-600}
cd "$(dirname "$0")/.."
work=.build/fuzz
swift build -c release --product bantin-fuzz --build-path "$work/build" \
  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING
mkdir -p "$work/corpus" "$work/seeds"
find Tests content -name '*.md' -size -64k -print0 | while IFS= read -r -d '' file; do
  cp "$file" "$work/seeds/$(printf '%s' "$file" | tr '/' '_')"
done
echo "fuzzing for $seconds s with $(ls "$work/seeds" | wc -l) seeds; findings go to $work/"
exec "$work/build/release/bantin-fuzz" "$work/corpus" "$work/seeds" \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix="$work/" -print_final_stats=1
