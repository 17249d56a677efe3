#!/usr/bin/env python3
"""Two bantin binaries on one generated site, alternating, in one run: for a change
that must keep the speed (`make bench` compares against Hugo; this compares bantin
with itself).

    bench/compare.py --baseline OLD/bantin [--bantin .build/release/bantin] [--articles 10000] [--runs 3]
                     [--dir /tmp/bantin-bench] [--out DIR]

Prints, for each binary, the median (min–max) of: a clean build's wall time and
peak memory, a rebuild with nothing changed, and a rebuild after one article was
edited (each edit appends a paragraph to another article, then restores it). The
output goes to --out, on disk by default (the place a ward's site is built).
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def measured(command):
    done = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stderr[-3000:]}")
    report = done.stderr
    clock = [float(part) for part in re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)", report).group(1).split(":")]
    wall = sum(value * 60 ** index for index, value in enumerate(reversed(clock)))
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1)) / 1024
    return wall, peak


def spread(values, unit=" s", digits=2):
    return f"{statistics.median(values):.{digits}f}{unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bantin", default=os.path.join(REPO, ".build", "release", "bantin"))
    parser.add_argument("--baseline", required=True)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", default=os.environ.get("BENCH_DIR", "/tmp/bantin-bench"))
    parser.add_argument("--out", default=os.path.join(REPO, ".build-scratch", "compare"))
    options = parser.parse_args()
    folder = os.path.join(options.dir, f"n{options.articles}")
    if not os.path.exists(os.path.join(folder, "content")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen-corpus.py"), "--articles", str(options.articles),
                        "--out", folder], check=True)
    binaries = {"baseline": options.baseline, "bantin": options.bantin}
    results = {name: {"clean": [], "peak": [], "nothing": [], "one": []} for name in binaries}
    articles = sorted(
        os.path.join(root, name) for root, _, names in os.walk(os.path.join(folder, "content"))
        for name in names if name.endswith(".md") and name != "_index.md")
    os.makedirs(options.out, exist_ok=True)
    for run in range(options.runs):
        order = list(binaries) if run % 2 == 0 else list(reversed(binaries))
        for name in order:
            output = os.path.join(options.out, name, "public")
            shutil.rmtree(os.path.join(options.out, name), ignore_errors=True)
            os.makedirs(os.path.dirname(output))
            command = [binaries[name], "build", "--source", folder, "--output", output]
            wall, peak = measured(command)
            results[name]["clean"].append(wall)
            results[name]["peak"].append(peak)
            results[name]["nothing"].append(measured(command)[0])
            # Two edits, each restored; the second is timed (the first makes what a
            # cached build keeps beside the output, as any later edit finds it).
            for edit in range(2):
                path = articles[(run * 4 + order.index(name) * 2 + edit) * 7]
                original = open(path, "rb").read()
                try:
                    with open(path, "ab") as file:
                        file.write(f"\nĐoạn văn sửa lần {run + 1}.\n".encode())
                    wall = measured(command)[0]
                    if edit == 1:
                        results[name]["one"].append(wall)
                finally:
                    with open(path, "wb") as file:
                        file.write(original)
                measured(command)
            print(f"  run {run + 1} {name}: clean {results[name]['clean'][-1]:.2f} s, {peak:.0f} MiB; nothing changed "
                  f"{results[name]['nothing'][-1]:.2f} s; one article {results[name]['one'][-1]:.2f} s", flush=True)
    shutil.rmtree(options.out, ignore_errors=True)
    print(f"\n{options.articles} articles, {options.runs} runs each, alternating, output in {options.out}")
    print(f"{'':<10} {'clean build':<22} {'peak memory':<22} {'nothing changed':<22} {'one article':<22}")
    for name in binaries:
        r = results[name]
        print(f"{name:<10} {spread(r['clean']):<22} {spread(r['peak'], ' MiB', 0):<22} {spread(r['nothing']):<22} "
              f"{spread(r['one']):<22}")
    base, new = results["baseline"], results["bantin"]
    print("ratio      " + "  ".join(
        f"{key}: {statistics.median(new[key]) / statistics.median(base[key]):.2f}" for key in ["clean", "peak", "nothing", "one"]))


if __name__ == "__main__":
    main()
