#!/usr/bin/env python3
"""Checks a built bantin site with real validators.

    validate-site.py OUTPUT_DIR [--axe PAGE ...]

- every Atom feed against Tests/validators/atom.rnc with jing (RFC 4287's schema);
- every Atom and RSS feed parses clean in feedparser, each entry with title, link,
  id and date, and dates carry the site's +07:00;
- sitemap.xml against Tests/validators/sitemap.xsd with xmllint, every lastmod with
  +07:00, every loc absolute;
- every application/ld+json block parses as JSON, is a NewsArticle with the fields
  search engines want, and holds no raw '<';
- axe-core in headless Chromium (selenium + chromedriver) on the given pages, in
  light and dark colour schemes: no
  violations.

Exits 1 on the first kind of failure, printing every failure of that kind.
"""
import glob
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCHEMAS = os.path.join(ROOT, "Tests", "validators")


def fail(problems, what):
    if problems:
        print(f"{what}: {len(problems)} problem(s)")
        for problem in problems:
            print("  " + problem)
        sys.exit(1)


def check_feeds(out):
    import feedparser

    atoms = sorted(glob.glob(os.path.join(out, "**", "atom.xml"), recursive=True))
    rsses = sorted(glob.glob(os.path.join(out, "**", "rss.xml"), recursive=True))
    if not atoms or not rsses:
        fail(["no atom.xml or rss.xml written"], "feeds")
    problems = []
    # -XX:-UsePerfData: Java leaves no hsperfdata folder in /tmp.
    result = subprocess.run(
        ["jing", "-c", os.path.join(SCHEMAS, "atom.rnc")] + atoms,
        capture_output=True,
        text=True,
        env={**os.environ, "JDK_JAVA_OPTIONS": "-XX:-UsePerfData"},
    )
    if result.returncode != 0:
        said = (result.stdout + result.stderr).strip().splitlines()
        problems += [line for line in said if not line.startswith("NOTE: Picked up JDK_JAVA_OPTIONS")]
    for path in atoms + rsses:
        feed = feedparser.parse(path)
        name = os.path.relpath(path, out)
        if feed.bozo:
            problems.append(f"{name}: feedparser: {feed.bozo_exception}")
        for entry in feed.entries:
            for field in ("title", "link", "id"):
                if not entry.get(field):
                    problems.append(f"{name}: an entry has no {field}")
            if not (entry.get("published") or entry.get("updated")):
                problems.append(f"{name}: entry {entry.get('link')} has no date")
            if not entry.get("link", "").startswith(("https://", "http://")):
                problems.append(f"{name}: entry link {entry.get('link')} is not absolute")
        text = open(path, encoding="utf-8").read()
        if path.endswith("atom.xml"):
            dates = re.findall(r"<(?:published|updated)>([^<]+)<", text)
            problems += [f"{name}: date {d} is not +07:00" for d in dates if not d.endswith("+07:00")]
        else:
            dates = re.findall(r"<(?:pubDate|lastBuildDate)>([^<]+)<", text)
            problems += [f"{name}: date {d} is not +0700" for d in dates if not d.endswith("+0700")]
    fail(problems, "feeds")
    print(f"feeds: {len(atoms)} Atom valid (jing), {len(atoms) + len(rsses)} parse clean (feedparser)")


def check_sitemap(out):
    path = os.path.join(out, "sitemap.xml")
    problems = []
    result = subprocess.run(
        ["xmllint", "--noout", "--schema", os.path.join(SCHEMAS, "sitemap.xsd"), path], capture_output=True, text=True
    )
    if result.returncode != 0:
        problems += result.stderr.strip().splitlines()
    text = open(path, encoding="utf-8").read()
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    problems += [f"loc {loc} is not absolute" for loc in locs if not loc.startswith(("https://", "http://"))]
    problems += [f"lastmod {d} is not +07:00" for d in re.findall(r"<lastmod>([^<]+)<", text) if not d.endswith("+07:00")]
    robots = open(os.path.join(out, "robots.txt"), encoding="utf-8").read()
    if "Sitemap: " not in robots:
        problems.append("robots.txt does not point at the sitemap")
    fail(problems, "sitemap")
    print(f"sitemap: {len(locs)} addresses valid (xmllint, sitemap.xsd)")


def check_json_ld(out):
    problems = []
    count = 0
    for path in sorted(glob.glob(os.path.join(out, "**", "*.html"), recursive=True)):
        html = open(path, encoding="utf-8").read()
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
            count += 1
            name = os.path.relpath(path, out)
            if "<" in block:
                problems.append(f"{name}: JSON-LD holds a raw '<'")
            try:
                data = json.loads(block)
            except ValueError as error:
                problems.append(f"{name}: JSON-LD does not parse: {error}")
                continue
            for field in ("headline", "datePublished", "dateModified", "author", "publisher", "mainEntityOfPage"):
                if field not in data:
                    problems.append(f"{name}: JSON-LD has no {field}")
            if data.get("@type") != "NewsArticle":
                problems.append(f"{name}: JSON-LD is not a NewsArticle")
    fail(problems, "JSON-LD")
    print(f"JSON-LD: {count} NewsArticle blocks parse")


def check_axe(out, pages):
    from axe_core_python.selenium import Axe
    from headless import chromium, served

    problems = []
    with served(out) as address, chromium("--window-size=1280,900") as driver:
        for scheme in ("light", "dark"):
            # The stylesheet's `prefers-color-scheme: dark` colours, as a reader's
            # phone in dark mode asks for them.
            driver.execute_cdp_cmd(
                "Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]}
            )
            for page in pages:
                for width in (390, 1280):
                    driver.set_window_size(width, 900)
                    driver.get(address + page)
                    applied = driver.execute_script("return matchMedia('(prefers-color-scheme: dark)').matches")
                    if applied != (scheme == "dark"):
                        problems.append(f"{page}: the {scheme} colour scheme was not applied")
                    results = Axe().run(driver)
                    for violation in results["violations"]:
                        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
                        problems.append(
                            f"{page} at {width}px, {scheme}: {violation['id']}: {violation['help']} ({targets})"
                        )
    fail(problems, "axe-core")
    print(f"axe-core: no violations on {len(pages)} pages at 390 and 1280 px, light and dark")


def main():
    out = sys.argv[1]
    pages = sys.argv[sys.argv.index("--axe") + 1 :] if "--axe" in sys.argv else []
    check_feeds(out)
    check_sitemap(out)
    check_json_ld(out)
    if pages:
        check_axe(out, pages)


if __name__ == "__main__":
    main()
