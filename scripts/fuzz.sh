#!/usr/bin/env bash
# Builds bantin-fuzz with libFuzzer and AddressSanitizer (which watches bantin's
# Swift and libyaml; Debian's libcmark is not instrumented here, scripts/asan.sh
# builds one that is) and runs it for $1 seconds (default 600) on a corpus seeded
# with every CommonMark specification example and every Markdown file of the
# fixtures and the sample site (scripts/fuzz-seeds.sh), with a dictionary of
# Markdown and front matter tokens (Tests/Fuzz/markdown.dict). Crashes, hangs and
# leaks are written to .build/fuzz/ as crash-*, timeout-*, leak-*; replay one with
# `swift run bantin-fuzz FILE`.
set -euo pipefail
seconds=${1:-600}
cd "$(dirname "$0")/.."
work=.build/fuzz
swift build -c release --product bantin-fuzz --build-path "$work/build" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING 2>&1 |
  { grep -v "Cannot export local symbol" || true; } # the build's failure still stops here (pipefail)
mkdir -p "$work/corpus"
scripts/fuzz-seeds.sh "$work/seeds"
echo "fuzzing for $seconds s with $(ls "$work/seeds" | wc -l) seeds; findings go to $work/"
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} exec "$work/build/release/bantin-fuzz" "$work/corpus" "$work/seeds" \
  -dict=Tests/Fuzz/markdown.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix="$work/" -print_final_stats=1
