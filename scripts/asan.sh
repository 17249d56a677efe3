#!/usr/bin/env bash
# The whole test suite and the fuzzer's seeds under AddressSanitizer (`make asan`).
#
# AddressSanitizer sees only code compiled with it: bantin's Swift and the C that
# SwiftPM builds (libyaml in Yams, the shims), not Debian's libcmark. A use after
# free of a cmark node happens inside libcmark, so this script builds libcmark
# 0.30.2 from Debian's own source tarball (checked against its SHA-256) with
# AddressSanitizer, and runs the tests with it on LD_LIBRARY_PATH.
#
#   scripts/asan.sh            # tests, then every fuzz seed once
#   scripts/asan.sh tests      # only the tests
#   scripts/asan.sh seeds      # only the fuzz seeds
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}
work=.build-asan
cmark_version=0.30.2
cmark_sha256=6c7d2bcaea1433d977d8fed0b55b71c9d045a7cdf616e3cd2dce9007da753db3
cmark_url=http://deb.debian.org/debian/pool/main/c/cmark/cmark_${cmark_version}.orig.tar.gz
clang=$(dirname "$(command -v swift)")/clang
export ASAN_OPTIONS=detect_leaks=0:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1

# gold's warnings about ASan's own symbols, one per register, left out of a build's
# output; the build's exit status still decides (pipefail), grep's does not.
quiet_linker() { grep -v "Cannot export local symbol" || true; }

# libcmark with AddressSanitizer, once.
cmark=$work/cmark-$cmark_version
if [ ! -f "$cmark/build/src/libcmark.so.$cmark_version" ]; then
  command -v cmake >/dev/null || scripts/ensure-packages.sh cmake
  mkdir -p "$work"
  curl -fsS -o "$work/cmark.tar.gz" "$cmark_url"
  echo "$cmark_sha256  $work/cmark.tar.gz" | sha256sum -c --quiet
  rm -rf "$cmark" && tar -xzf "$work/cmark.tar.gz" -C "$work"
  cmake -S "$cmark" -B "$cmark/build" -DCMAKE_C_COMPILER="$clang" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_C_FLAGS="-fsanitize=address -fno-omit-frame-pointer -O1" -DCMARK_TESTS=OFF -DCMARK_STATIC=OFF \
    >"$work/cmark-build.log" 2>&1
  cmake --build "$cmark/build" -j"$(nproc)" >>"$work/cmark-build.log" 2>&1
fi
export LD_LIBRARY_PATH=$PWD/$cmark/build/src

if [ "$what" = all ] || [ "$what" = tests ]; then
  swift build --build-tests --sanitize=address --scratch-path "$work" 2>&1 | quiet_linker
  tests=$(find "$work" -name 'bantinPackageTests.xctest' -type f -print -quit)
  # The tests must load the instrumented libcmark, or this run proves nothing about it.
  # ldd's output is read whole first: `ldd | grep -q` under pipefail fails now and then
  # (grep exits at the match, ldd's next write gets SIGPIPE; 1 run in 300 here).
  libraries=$(ldd "$tests")
  grep -qF "$LD_LIBRARY_PATH/libcmark.so" <<<"$libraries" || { echo "asan: the tests do not load $LD_LIBRARY_PATH/libcmark.so" >&2; exit 1; }
  swift test --skip-build --sanitize=address --scratch-path "$work"
fi

if [ "$what" = all ] || [ "$what" = seeds ]; then
  fuzz=$work/fuzz
  swift build -c release --product bantin-fuzz --build-path "$fuzz" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library -Xswiftc -DFUZZING 2>&1 | quiet_linker
  scripts/fuzz-seeds.sh "$fuzz/seeds"
  count=$(find "$fuzz/seeds" -type f | wc -l)
  echo "asan: running each of $count fuzz seeds once"
  "$fuzz/release/bantin-fuzz" -runs=0 -timeout=30 -rss_limit_mb=4096 -max_len=1048576 \
    -artifact_prefix="$fuzz/" "$fuzz/seeds"
fi
