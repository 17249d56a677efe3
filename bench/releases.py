#!/usr/bin/env python3
"""Publishing from git at scale: the time from `git push` to published, and the disk
that --keep releases take, on a generated site.

    bench/releases.py [--articles 10000] [--pushes 5] [--bantin .build/release/bantin] [--dir DIR]

Makes a bare repository with bantin's hooks and a web root on disk (in --dir), pushes
the generated site, then --pushes pushes that each change one article; prints each
push's wall time (pre-receive builds and keeps the release, post-receive publishes it)
and the web root's disk use against one release's (`du`, which counts a file linked
into several releases once).
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def run(*command, cwd=None):
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    return done


def du(path):
    return int(run("du", "-s", "--block-size=1K", path).stdout.split()[0]) / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--pushes", type=int, default=5)
    parser.add_argument("--bantin", default=os.path.join(REPO, ".build", "release", "bantin"))
    parser.add_argument("--dir", default=os.path.join(REPO, ".build-scratch", "releases"))
    parser.add_argument("--verbose", action="store_true", help="print what the hooks said of each push")
    options = parser.parse_args()
    corpus = os.path.join(os.environ.get("BENCH_DIR", "/tmp/bantin-bench"), f"n{options.articles}")
    if not os.path.exists(os.path.join(corpus, "content")):
        run(sys.executable, os.path.join(HERE, "gen-corpus.py"), "--articles", str(options.articles), "--out", corpus)
    shutil.rmtree(options.dir, ignore_errors=True)
    bare, web, clone = (os.path.join(options.dir, name) for name in ("site.git", "www", "clone"))
    run("git", "init", "-q", "--bare", "-b", "main", bare)
    run(options.bantin, "hook", "install", "--repo", bare, "--web-root", web, "--timeout", "600", "--verbose")
    run("git", "init", "-q", "-b", "main", clone)
    for name in ("content", "site.yml"):
        source = os.path.join(corpus, name)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(clone, name))
        elif os.path.exists(source):
            shutil.copy(source, clone)
    run("git", "-c", "user.email=a@b.vn", "-c", "user.name=B", "add", "-A", cwd=clone)
    run("git", "-c", "user.email=a@b.vn", "-c", "user.name=B", "commit", "-q", "-m", "0", cwd=clone)
    run("git", "remote", "add", "origin", bare, cwd=clone)
    started = time.time()
    run("git", "push", "-q", "origin", "main", cwd=clone)
    print(f"first push ({options.articles} articles): {time.time() - started:.2f} s", flush=True)
    articles = sorted(
        os.path.join(root, name) for root, _, names in os.walk(os.path.join(clone, "content"))
        for name in names if name.endswith(".md") and name != "_index.md")
    times = []
    for push in range(options.pushes):
        with open(articles[push * 13], "a", encoding="utf-8") as file:
            file.write(f"\nĐoạn văn sửa lần {push + 1}.\n")
        run("git", "-c", "user.email=a@b.vn", "-c", "user.name=B", "commit", "-q", "-am", str(push + 1), cwd=clone)
        started = time.time()
        pushed = run("git", "push", "origin", "main", cwd=clone)
        times.append(time.time() - started)
        print(f"push {push + 1} (one article changed): {times[-1]:.2f} s", flush=True)
        if options.verbose:
            print("".join(line + "\n" for line in pushed.stderr.splitlines() if line.startswith("remote: bantin")))
    names = [name for name in os.listdir(os.path.join(web, "releases")) if not name.startswith(".")]
    whole = [name for name in names if os.path.isdir(os.path.join(web, "releases", name))]
    packed = [name[:-len(".pack")] for name in names if name.endswith(".pack")]
    live = os.path.basename(os.readlink(os.path.join(web, "current")))
    one = du(os.path.join(web, "releases", live))
    everything = du(os.path.join(web, "releases"))
    print(f"releases kept: {len(whole) + len(packed)} ({len(whole)} whole, {len(packed)} packed);"
          f" one release {one:.0f} MiB; all {everything:.0f} MiB; ratio {everything / one:.2f}")
    times.sort()
    print(f"push to published, one article changed: {times[len(times) // 2]:.2f} s median ({times[0]:.2f}–{times[-1]:.2f})")


if __name__ == "__main__":
    main()
