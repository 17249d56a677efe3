#!/usr/bin/env python3
"""Search on a built site, in headless Chromium: for each query, what the first
query downloads (the script, meta.json, shards and records), how long from the last
key to the results, how many results, and how many of the top 10 hold the phrase.

    python3 bench/search.py SITE_FOLDER   # a folder with content/ and a built public/
    python3 bench/search.py SITE_FOLDER --pagefind PATH   # and Pagefind on the same pages

With --pagefind (`pip install pagefind-bin`, in .build/bench-venv for make bench),
Pagefind indexes the same article pages (timed, with its peak memory) and answers
the same queries through its own script in the same browser.

The truth is read from content/ (drafts left out, as the build leaves them out): an article "holds" a query's syllables when its
title, description, categories, tags and body text (not the addresses of its links
and photos), folded as the search folds them, hold every one, and holds the phrase
when they stand together in order.
"""
import functools
import glob
import http.server
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

QUERIES = ["dang uy", "hoi nghi", "hội nghị", "uy ban nhan dan", '"uy ban nhan dan"']


def fold(text):
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return re.findall(r"\w+", text)


def indexed_text(text):
    """The fields the index reads: title, description, categories, tags and the body's
    text (a link's words and a photo's caption, not their addresses)."""
    import yaml
    _, front, body = text.split("---\n", 2)
    fields = yaml.safe_load(front) or {}
    labels = [str(item) for key in ("categories", "tags") for item in fields.get(key) or []]
    body = re.sub(r'\]\(\S*?(?:\s+"([^"]*)")?\)', lambda m: "] " + (m.group(1) or ""), body)
    # A word no text holds between the fields: a phrase does not run from one into the next.
    return " zzfieldzz ".join([str(fields.get("title", "")), str(fields.get("description", "")), ", ".join(labels), body])


def truth(site):
    """Each article's URL path and the folded words of its indexed fields."""
    articles = {}
    for path in glob.glob(os.path.join(site, "content", "**", "*.md"), recursive=True):
        if os.path.basename(path).startswith("_"):
            continue
        text = open(path, encoding="utf-8").read()
        if re.search(r"^draft:\s*true\s*$", text.split("---\n", 2)[1], re.M):
            continue  # not published, so not searchable
        relative = os.path.relpath(path, os.path.join(site, "content"))[:-3]
        if relative.endswith("/index"):
            relative = relative[: -len("/index")]
        articles["/" + relative + "/"] = fold(indexed_text(text))
    return articles


def holds(words, query, phrase):
    wanted = fold(query)
    if phrase:
        n = len(wanted)
        return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))
    return all(w in words for w in wanted)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(public):
    """nginx on loopback as a ward's server would run it (gzip for the index's JSON
    and the script), else Python's server. Returns the address and a stop function."""
    if shutil.which("nginx"):
        work = tempfile.mkdtemp(prefix="bantin-search-nginx-")
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        user = "user root;\n" if os.geteuid() == 0 else ""
        conf = os.path.join(work, "nginx.conf")
        with open(conf, "w") as out:
            out.write(f"""{user}worker_processes 2;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
  types {{ text/html html; text/css css; application/javascript js mjs; application/json json;
          application/octet-stream bin pf_meta pf_index pf_fragment pagefind; application/wasm wasm; }}
  gzip on; gzip_types application/javascript application/json text/css;
  charset utf-8;
  server {{
    listen 127.0.0.1:{port};
    root {public};
    location / {{ try_files $uri $uri/index.html =404; }}
  }}
}}
""")
        nginx = subprocess.Popen(["nginx", "-c", conf, "-p", work], stderr=subprocess.DEVNULL)
        address = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(address + "/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)

        def stop():
            nginx.terminate()
            nginx.wait(10)
            shutil.rmtree(work, ignore_errors=True)
        return address, stop
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=public))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server.shutdown


def pagefind_index(site, binary):
    """Pagefind over the article pages of public/, as a Hugo site would add it."""
    public = os.path.join(site, "public")
    shutil.rmtree(os.path.join(public, "pagefind"), ignore_errors=True)
    sections = [name for name in os.listdir(os.path.join(site, "content"))
                if os.path.isdir(os.path.join(site, "content", name)) and name != "images"]
    started = time.time()
    run = subprocess.run(
        ["/usr/bin/time", "-f", "%M", binary, "--site", public, "--glob", "{" + ",".join(sections) + "}/*/index.html"],
        capture_output=True, text=True)
    seconds = time.time() - started
    memory = int(run.stderr.strip().splitlines()[-1]) // 1024
    size = sum(os.path.getsize(os.path.join(folder, name))
               for folder, _, names in os.walk(os.path.join(public, "pagefind")) for name in names)
    print(json.dumps({"pagefind index": f"{seconds:.1f} s", "peak MiB": memory, "MB": round(size / 1e6, 1)}), flush=True)


TIMED_QUERY = """
const [query, done] = arguments;
const box = document.getElementById('tim-kiem-o');
const status = document.getElementById('tim-kiem-trang-thai');
const started = performance.now();
new MutationObserver((_, observer) => {
  if (status.textContent.includes(query.trim())) { observer.disconnect(); done((performance.now() - started) / 1000); }
}).observe(status, { childList: true, characterData: true, subtree: true });
box.value = query;
box.dispatchEvent(new Event('input'));
"""

TYPED_WATCH = """
const query = arguments[0];
const box = document.getElementById('tim-kiem-o');
const status = document.getElementById('tim-kiem-trang-thai');
let last = 0;
box.addEventListener('keydown', () => { last = performance.now(); });
new MutationObserver((_, observer) => {
  if (box.value === query && status.textContent.includes(query.trim())) {
    observer.disconnect(); window.__typed = (performance.now() - last) / 1000;
  }
}).observe(status, { childList: true, characterData: true, subtree: true });
"""

PAGEFIND_QUERY = """
const [query, done] = arguments;
const started = performance.now();
(async () => {
  const pagefind = await import('/pagefind/pagefind.js');
  const search = await pagefind.search(query);
  const top = await Promise.all(search.results.slice(0, 10).map(r => r.data()));
  done([(performance.now() - started) / 1000, search.results.length, top.map(d => new URL(d.url, location.href).pathname)]);
})();
"""


def main():
    site = sys.argv[1]
    pagefind = sys.argv[sys.argv.index("--pagefind") + 1] if "--pagefind" in sys.argv else None
    if pagefind:
        pagefind_index(site, pagefind)
    address, stop = serve(os.path.join(site, "public"))
    articles = truth(site)
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(120)
    report = []
    try:
        for query in QUERIES:
            driver.get(address + "/tim-kiem/")
            driver.execute_script("performance.clearResourceTimings()")
            # The whole query at once (pasted, or sent by the header's box), timed in
            # the page from the input event to the announced result.
            elapsed = driver.execute_async_script(TIMED_QUERY, query)
            time.sleep(0.3)
            entries = driver.execute_script(
                "return performance.getEntriesByType('resource').map(e => [e.name, e.encodedBodySize || e.transferSize])")
            script = driver.execute_script(
                "return performance.getEntriesByType('resource').filter(e => e.name.endsWith('tim-kiem.js')).length")
            bytes_ = sum(size for name, size in entries if "/tim-kiem/i/" in name)
            js = os.path.getsize(os.path.join(site, "public", "tim-kiem.js"))
            shown = driver.execute_script(
                "return Array.from(document.querySelectorAll('#tim-kiem-ket-qua .search-result__title a')).map(a => new URL(a.href).pathname)")
            status = driver.find_element("id", "tim-kiem-trang-thai").text
            count = int(re.sub(r"\D", "", status.split(" ")[0]) or 0)
            # Typed key by key as a reader types: from the last key to the results.
            driver.get(address + "/tim-kiem/")
            driver.execute_script(TYPED_WATCH, query)
            driver.find_element("id", "tim-kiem-o").send_keys(query)
            typed = None
            for _ in range(200):
                typed = driver.execute_script("return window.__typed")
                if typed is not None:
                    break
                time.sleep(0.05)
            # The same on a slow phone: the CPU throttled 4x, the page opened afresh
            # (its files from the browser's cache, as on a reader's second visit).
            driver.get(address + "/tim-kiem/")
            driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 4})
            throttled = driver.execute_async_script(TIMED_QUERY, query)
            driver.execute_cdp_cmd("Emulation.setCPUThrottlingRate", {"rate": 1})
            phrase = query.startswith('"')
            plain = query.strip('"')
            expected = sum(1 for words in articles.values() if holds(words, plain, phrase))
            top_phrase = sum(1 for path in shown[:10] if path in articles and holds(articles[path], plain, True))
            report.append({
                "query": query, "results": count, "holding": expected,
                "top10 with phrase": top_phrase, "first query KB": round((bytes_ + js) / 1024, 1),
                "index files": len([1 for name, _ in entries if "/tim-kiem/i/" in name]),
                "seconds to results": round(elapsed, 3),
                "seconds, last key to results": round(typed, 3) if typed is not None else None,
                "seconds, CPU 4x slower": round(throttled, 3),
            })
            print(json.dumps(report[-1], ensure_ascii=False), flush=True)
            if pagefind:
                driver.get(address + "/404.html")
                driver.execute_script("performance.clearResourceTimings()")
                elapsed, count, shown = driver.execute_async_script(PAGEFIND_QUERY, plain if not phrase else query)
                entries = driver.execute_script(
                    "return performance.getEntriesByType('resource').map(e => [e.name, e.encodedBodySize || e.transferSize])")
                bytes_ = sum(size for name, size in entries if "/pagefind/" in name)
                top_phrase = sum(1 for path in shown[:10] if path in articles and holds(articles[path], plain, True))
                print(json.dumps({
                    "pagefind": query, "results": count, "holding": expected, "top10 with phrase": top_phrase,
                    "first query KB": round(bytes_ / 1024, 1), "seconds to results": round(elapsed, 3),
                }, ensure_ascii=False), flush=True)
    finally:
        driver.quit()
        stop()


if __name__ == "__main__":
    main()
