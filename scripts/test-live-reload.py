#!/usr/bin/env python3
"""A real browser sees the preview reload by itself.

Starts `bantin serve` on a copy of the sample site, opens the article in headless
Chromium (selenium + chromedriver), changes the article's title on disk, and waits
for the page to show the new title without being told to reload. Then breaks the
front matter and waits for the error overlay, in Vietnamese, and fixes it again; then
the same overlay in English, from `bantin serve --lang en`.
"""
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from headless import chromium
from selenium.common.exceptions import WebDriverException

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANTIN = os.environ.get("BANTIN", os.path.join(ROOT, ".build", "debug", "bantin"))
ARTICLE = "content/quoc-phong-an-ninh/hoi-nghi-tong-ket-quoc-phong-an-ninh-nam-2023/index.md"
PAGE = "/quoc-phong-an-ninh/hoi-nghi-tong-ket-quoc-phong-an-ninh-nam-2023/"


def wait(what, check, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        # A page that reloads while it is read leaves stale elements: try again.
        try:
            if check():
                return
        except WebDriverException:
            pass
        time.sleep(0.1)
    raise SystemExit(f"live reload: timed out waiting for {what}")


def start(site, work, *options):
    """`bantin serve` on `site` and its address, with its output in a log file."""
    log = open(os.path.join(work, "serve.log"), "w+")
    server = subprocess.Popen(
        [BANTIN, "serve", "--source", site, "--port", "0", *options], stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 30
    while time.time() < deadline:
        log.seek(0)
        found = re.search(r"(http://127\.0\.0\.1:\d+)/", log.read())
        if found:
            return server, found.group(1)
        time.sleep(0.1)
    server.terminate()
    raise SystemExit("live reload: bantin serve did not start")


def stop(server):
    server.terminate()
    server.wait(10)


def main():
    work = tempfile.mkdtemp(prefix="bantin-live-")
    site = os.path.join(work, "site")
    os.makedirs(site)
    for name in ("content", "templates", "site.yml"):
        source = os.path.join(ROOT, name)
        (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(site, name))
    path = os.path.join(site, ARTICLE)
    original = open(path, encoding="utf-8").read()
    broken = "---\ntitle: Đảng ủy: Hội nghị\ndate: 2024-01-12\n---\n"
    browser = contextlib.ExitStack()
    servers = []
    try:
        server, address = start(site, work)
        servers.append(server)
        driver = browser.enter_context(chromium(browser_log=True))
        driver.get(address + PAGE)
        heading = lambda: driver.find_element("css selector", "h1").text
        wait("the article", lambda: "Phường Bắc Hồng tổng kết" in heading())
        wait("the live-reload stream", lambda: driver.execute_script("return document.readyState") == "complete")
        time.sleep(0.5)
        marker = driver.execute_script("window.bantinMarker = 1; return window.bantinMarker")
        open(path, "w", encoding="utf-8").write(original.replace("Phường Bắc Hồng tổng kết", "Đã sửa: Phường Bắc Hồng tổng kết", 1))
        wait("the page to reload with the new title", lambda: heading().startswith("Đã sửa:"))
        if driver.execute_script("return window.bantinMarker") == marker:
            raise SystemExit("live reload: the title changed but the page was not reloaded")
        print("live reload: the page reloaded itself with the new title")
        open(path, "w", encoding="utf-8").write(broken)
        overlay = lambda: driver.execute_script(
            "var o = document.getElementById('bantin-problems'); return o ? o.textContent : ''")
        # The sample site is Vietnamese: so is the overlay an editor reads.
        wait("the error overlay", lambda: "index.md:2:15: lỗi: giá trị của 'title' có ': '" in overlay())
        if not overlay().startswith("bantin: lần dựng gần nhất bị lỗi; trang này là bản tốt gần nhất."):
            raise SystemExit("live reload: the overlay's title is not in Vietnamese: " + overlay()[:200])
        print("live reload: the overlay shows: " + overlay()[:140] + "…")
        open(path, "w", encoding="utf-8").write(original)
        wait("the overlay to go", lambda: overlay() == "" and "Phường Bắc Hồng tổng kết" in heading())
        print("live reload: fixed, the overlay is gone")
        # A warning does not stop the build: every page shows it in a folded notice
        # that opens on a click, and it goes when the file is fixed.
        open(path, "w", encoding="utf-8").write(original.replace("\n---\n", "\n---\n#Kết quả hội nghị\n\n", 1))
        notice = lambda: driver.execute_script(
            "var n = document.getElementById('bantin-warnings');"
            "return n ? {open: n.open, summary: n.querySelector('summary').textContent, text: n.textContent} : null")
        slip = "cảnh báo: dòng này bắt đầu bằng '#' mà không có dấu cách theo sau"
        seen = {}

        def warned():
            shown = notice()
            if shown is None or slip not in shown["text"]:
                return False
            seen.update(shown)
            return True

        wait("the warnings notice", warned)
        if seen["open"] or "cảnh báo (trang vẫn dựng được); bấm để xem" not in seen["summary"]:
            raise SystemExit("live reload: the notice is not folded, or not in Vietnamese: " + str(seen))

        def opened_by_click():
            driver.find_element("css selector", "#bantin-warnings summary").click()
            return notice()["open"]

        wait("the notice to open on a click", opened_by_click)
        print("live reload: the warnings notice shows: " + seen["summary"])
        open(path, "w", encoding="utf-8").write(original)
        wait("the warning to go", lambda: notice() is None or slip not in notice()["text"])
        print("live reload: fixed, the warning is gone")
        # The server's Content-Security-Policy must not stop anything the page needs.
        blocked = [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]
        if blocked:
            raise SystemExit("live reload: the Content-Security-Policy blocked: " + "; ".join(blocked))
        print("live reload: nothing was blocked by the Content-Security-Policy")

        # An operator's preview of the same site in English (--lang en).
        stop(servers.pop())
        server, address = start(site, work, "--lang", "en")
        servers.append(server)
        driver.get(address + PAGE)
        wait("the article in English", lambda: "Phường Bắc Hồng tổng kết" in heading())
        time.sleep(0.5)
        open(path, "w", encoding="utf-8").write(broken)
        wait("the English overlay", lambda: "index.md:2:15: error: the value of 'title' contains ': '" in overlay())
        if not overlay().startswith("bantin: the last build failed; this page is the last good one."):
            raise SystemExit("live reload: the overlay's title is not in English: " + overlay()[:200])
        print("live reload: with --lang en the overlay shows: " + overlay()[:120] + "…")
        open(path, "w", encoding="utf-8").write(original)
        wait("the English overlay to go", lambda: overlay() == "")
    finally:
        browser.close()
        for server in servers:
            stop(server)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
