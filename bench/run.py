#!/usr/bin/env python3
"""`make bench`: bantin against Hugo on the same generated news sites.

    bench/run.py [--sizes 1000,10000,50000] [--runs 3] [--large-runs 1] [--dir /tmp/bantin-bench] [--bantin PATH]

For each size it generates a corpus with bench/gen-corpus.py (once; kept in --dir),
lays bench/hugo/ beside it for Hugo (in hugo-site/, reading the same content/),
then builds it --runs times
with each tool (Hugo --large-runs times from 50,000 articles: it takes minutes there),
alternating which goes first, every run into an empty output folder with no
cache, under /usr/bin/time -v. It prints the median wall time (with min and max),
CPU seconds, peak memory, files written and the ratio bantin/Hugo (and against
"hugo-lean", the same theme without its related-articles block); then, for the
10,000 size (or the largest below it), the time of a rebuild with nothing changed
and with one article changed, using bantin's build cache. Outputs go to --out
(tmpfs by default), sources stay in --dir.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys

# "hugo-lean" is Hugo with the theme's related-articles block left out
# (HUGO_PARAMS_BENCHWITHOUTRELATED): Hugo's related-content search is most of its
# time on these sites, and its growth with size, so the table shows both.
TOOLS = ["bantin", "hugo", "hugo-lean"]
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def measured(command, cwd=None, env=None):
    """Runs a command under /usr/bin/time -v: wall s, CPU s, peak MiB."""
    done = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(command)}\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    report = done.stderr

    def field(name):
        return re.search(re.escape(name) + r": (.+)", report).group(1).strip()

    clock = [float(part) for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(value * 60 ** index for index, value in enumerate(reversed(clock)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    peak = int(field("Maximum resident set size (kbytes)")) / 1024
    return wall, cpu, peak, done.stdout


def files_in(folder):
    return sum(len(names) for _, _, names in os.walk(folder))


def corpus(folder, articles):
    """The generated site, made once, with Hugo's configuration and layouts beside it."""
    marker = os.path.join(folder, ".generated")
    generator = os.path.join(HERE, "gen-corpus.py")
    stamp = str(os.path.getmtime(generator))
    if not os.path.exists(marker) or open(marker).read() != stamp:
        shutil.rmtree(folder, ignore_errors=True)
        print(f"generating {articles} articles in {folder} …", flush=True)
        subprocess.run([sys.executable, generator, "--articles", str(articles), "--out", folder], check=True)
        with open(marker, "w") as file:
            file.write(stamp)
    # Hugo's side: its configuration, layouts and static/ in a folder of their own
    # (bantin would publish static/ too), reading the same content/.
    site = os.path.join(folder, "hugo-site")
    shutil.rmtree(site, ignore_errors=True)
    os.makedirs(os.path.join(site, "static"))
    shutil.copy(os.path.join(HERE, "hugo", "hugo.toml"), site)
    shutil.copytree(os.path.join(HERE, "hugo", "layouts"), os.path.join(site, "layouts"))
    shutil.copytree(os.path.join(folder, "content", "images"), os.path.join(site, "static", "images"))
    shutil.copy(os.path.join(REPO, "templates", "style.css"), os.path.join(site, "static"))
    os.sync()  # so that writing the copies back to disk does not overlap the first run


def clean(output):
    for item in ["out-" + tool for tool in TOOLS] + [".bantin-cache"]:
        shutil.rmtree(os.path.join(output, item), ignore_errors=True)


def summary(values):
    return statistics.median(values), min(values), max(values)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--large-runs", type=int, default=1, help="Hugo's runs for sizes of 50,000 and more")
    parser.add_argument("--dir", default=os.environ.get("BENCH_DIR", "/tmp/bantin-bench"))
    parser.add_argument("--bantin", default=os.path.join(REPO, ".build", "release", "bantin"))
    # Output on tmpfs by default: on ext4, deleting and creating tens of thousands of
    # files run after run makes the inode allocator the bottleneck (system time grew
    # from 4 to 13 s over three runs here), for both tools alike.
    parser.add_argument("--out", default=os.environ.get("BENCH_OUT", "/dev/shm/bantin-bench"))
    options = parser.parse_args()
    hugo = shutil.which("hugo")
    if not hugo:
        sys.exit("hugo is not installed: apt-get install hugo")
    version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.split()[1]
    sizes = [int(size) for size in options.sizes.split(",")]
    os.makedirs(options.dir, exist_ok=True)
    os.makedirs(options.out, exist_ok=True)
    rows = []
    timings = {}
    for size in sizes:
        folder = os.path.join(options.dir, f"n{size}")
        corpus(folder, size)
        output = os.path.join(options.out, f"n{size}")
        os.makedirs(output, exist_ok=True)
        hugo_command = [hugo, "--quiet", "-s", os.path.join(folder, "hugo-site"), "-c", os.path.join(folder, "content")]
        commands = {
            "bantin": [options.bantin, "build", "--source", folder, "--output", os.path.join(output, "out-bantin")],
            "hugo": hugo_command + ["-d", os.path.join(output, "out-hugo")],
            "hugo-lean": hugo_command + ["-d", os.path.join(output, "out-hugo-lean")],
        }
        environments = {"hugo-lean": dict(os.environ, HUGO_PARAMS_BENCHWITHOUTRELATED="true")}
        results = {tool: [] for tool in TOOLS}
        written = {}
        # Hugo takes a quarter of an hour at 50,000: fewer runs there; bantin always --runs.
        runs = {tool: options.runs if size < 50000 or tool == "bantin" else options.large_runs for tool in TOOLS}
        for run in range(max(runs.values())):
            order = TOOLS[run % len(TOOLS):] + TOOLS[:run % len(TOOLS)]
            for tool in order:
                if run >= runs[tool]:
                    continue
                clean(output)
                wall, cpu, peak, _ = measured(commands[tool], env=environments.get(tool))
                results[tool].append((wall, cpu, peak))
                written[tool] = files_in(os.path.join(output, "out-" + tool))
                print(f"  n={size} run {run + 1} {tool}: {wall:.2f} s wall, {cpu:.2f} s CPU, {peak:.0f} MiB", flush=True)
        clean(output)
        timings[size] = {tool: summary([r[0] for r in results[tool]]) for tool in results}
        for tool in TOOLS:
            wall = summary([r[0] for r in results[tool]])
            cpu = statistics.median(r[1] for r in results[tool])
            peak = max(r[2] for r in results[tool])
            rows.append((size, tool, wall, cpu, peak, written[tool]))

    print()
    print(f"bantin {subprocess.run([options.bantin, '--version'], capture_output=True, text=True).stdout.strip()}"
          f" against Hugo {version}; {os.cpu_count()} cores; {options.runs} runs each (Hugo {options.large_runs} from 50,000),"
          f" alternating;"
          f" empty output folder in {options.out}, no cache")
    header = (f"{'articles':>8}  {'tool':<9}  {'wall s median (min–max)':<24}  {'CPU s':>7}  {'peak MiB':>8}  {'files':>7}"
              f"  {'bantin/Hugo wall':>16}  {'memory':>6}  {'/hugo-lean wall':>15}")
    print(header)
    print("-" * len(header))
    by_key = {(row[0], row[1]): row for row in rows}
    for size, tool, wall, cpu, peak, files in rows:
        ratio = memory = lean = ""
        if tool == "bantin":
            hugo_row = by_key[(size, "hugo")]
            ratio = f"{wall[0] / hugo_row[2][0]:.2f}"
            memory = f"{peak / hugo_row[4]:.2f}"
            lean = f"{wall[0] / by_key[(size, 'hugo-lean')][2][0]:.2f}"
        spread = f"{wall[0]:>7.2f} ({wall[1]:.2f}–{wall[2]:.2f})"
        print(f"{size:>8}  {tool:<9}  {spread:<24}  {cpu:>7.2f}  {peak:>8.0f}  {files:>7}  {ratio:>16}  {memory:>6}  {lean:>15}")

    rebuild_size = max([size for size in sizes if size <= 10000] or sizes[:1])
    folder = os.path.join(options.dir, f"n{rebuild_size}")
    output = os.path.join(options.out, f"n{rebuild_size}")
    command = [options.bantin, "build", "--source", folder, "--output", os.path.join(output, "out-bantin")]
    clean(output)
    measured(command)
    unchanged = [measured(command)[0] for _ in range(5)]
    articles = sorted(
        os.path.join(root, name) for root, _, names in os.walk(os.path.join(folder, "content"))
        for name in names if name.endswith(".md") and name != "_index.md")
    one_change = []
    for index in range(5):
        path = articles[index * 7]
        original = open(path, "rb").read()
        try:
            with open(path, "ab") as file:
                file.write(f"\nĐoạn văn sửa lần {index + 1}.\n".encode())
            wall, _, _, output = measured(command)
            one_change.append(wall)
        finally:
            with open(path, "wb") as file:
                file.write(original)
            measured(command)  # back to the generated site
    print()
    clean(output)
    print(f"rebuild of {rebuild_size} articles with the build cache (5 runs each):")
    for name, values in [("nothing changed", unchanged), ("one article changed", one_change)]:
        median, low, high = summary(values)
        print(f"  {name:<20} {median:.2f} s median ({low:.2f}–{high:.2f})")

    print()
    print("targets:")
    if 10000 in timings:
        ratio = timings[10000]["bantin"][0] / timings[10000]["hugo"][0]
        lean = timings[10000]["bantin"][0] / timings[10000]["hugo-lean"][0]
        peak = by_key[(10000, "bantin")][4]
        print(f"  10,000 clean build at most 1/5 of Hugo's wall time: {'met' if ratio <= 0.2 else 'NOT met'} ({ratio:.2f});"
              f" against hugo-lean {'met' if lean <= 0.2 else 'NOT met'} ({lean:.2f})")
        print(f"  10,000 peak memory at most 250 MiB: {'met' if peak <= 250 else 'NOT met'} ({peak:.0f} MiB)")
    if 10000 in timings and 50000 in timings:
        growth = timings[50000]["bantin"][0] / timings[10000]["bantin"][0]
        peak = by_key[(50000, "bantin")][4]
        print(f"  50,000 at most 5.5x the 10,000 time: {'met' if growth <= 5.5 else 'NOT met'} ({growth:.2f}x)")
        print(f"  50,000 peak memory at most 1 GiB: {'met' if peak <= 1024 else 'NOT met'} ({peak:.0f} MiB)")
    if rebuild_size == 10000:
        nothing = statistics.median(unchanged)
        one = statistics.median(one_change)
        print(f"  rebuild with nothing changed at most 0.3 s: {'met' if nothing <= 0.3 else 'NOT met'} ({nothing:.2f} s)")
        print(f"  rebuild with one article changed at most 0.5 s: {'met' if one <= 0.5 else 'NOT met'} ({one:.2f} s)")


if __name__ == "__main__":
    main()
