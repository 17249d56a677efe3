#!/usr/bin/env python3
"""Readers search the fixture site in a real browser.

Serves Tests/EndToEndTests/Fixtures/search with `bantin serve`, opens /tim-kiem/ in
headless Chromium (selenium + chromedriver) and types queries as readers do: with and
without diacritics, đ, phrases in order and apart, old and new tone placement, Telex
and VNI typed without the Vietnamese keyboard, a quoted phrase, filters, no results,
and HTML in a title. Each query's result addresses are compared exactly.
"""
import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from headless import chromium
from selenium.webdriver.support.ui import Select

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANTIN = os.environ.get("BANTIN", os.path.join(ROOT, ".build", "debug", "bantin"))
SITE = os.path.join(ROOT, "Tests", "EndToEndTests", "Fixtures", "search")

PHRASE_HOI_NGHI = ["/tin-tuc/hoi-nghi-tong-ket/", "/tin-tuc/hoi-nghi-dan-van/"]
# (query, the exact list of result addresses, in order)
CASES = [
    # "hội nghị" with accents: the phrase as typed, then "hỏi nghỉ" (the same letters,
    # other tones), then the syllables apart ("Hội … nghị quyết").
    ("hội nghị", PHRASE_HOI_NGHI + ["/tin-tuc/hoi-va-nghi/", "/tin-tuc/hoi-cuu-chien-binh/"]),
    # Without accents: every phrase first, newest first among equals, then apart.
    ("hoi nghi", None),
    ("hooij nghij", "hội nghị"),  # Telex
    ("ho6i5 nghi5", "hội nghị"),  # VNI
    # đ is d; the phrase outranks "Đăng ký … ủy quyền", which holds both syllables apart.
    ("dang uy", None),
    ("Đảng ủy", "dang uy"),
    ("dd", []),
    ("hoà giải", ["/thong-bao/hoa-giai/"]),
    ("hòa giải", ["/thong-bao/hoa-giai/"]),
    ("uy ban nhan dan", ["/thong-bao/uy-ban/"]),
    ('"uy ban nhan dan"', ["/thong-bao/uy-ban/"]),
    ('"nghi hoi"', []),
    ("xyzabc", []),
    ("<script>", ["/thong-bao/ky-tu/"]),
]


def wait(what, check, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.05)
    raise SystemExit(f"search: timed out waiting for {what}")


def main():
    work = tempfile.mkdtemp(prefix="bantin-search-")
    site = os.path.join(work, "site")
    shutil.copytree(SITE, site)
    server = subprocess.Popen(
        [BANTIN, "serve", "--source", site, "--port", "0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    browser = contextlib.ExitStack()
    try:
        address = None
        deadline = time.time() + 60
        seen = ""
        while address is None and time.time() < deadline:
            line = server.stdout.readline()
            seen += line
            found = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
            address = found.group(1) if found else None
        if address is None:
            raise SystemExit("search: bantin serve did not start:\n" + seen)
        driver = browser.enter_context(chromium(browser_log=True))
        driver.get(address + "/tim-kiem/")
        box = driver.find_element("id", "tim-kiem-o")
        status = lambda: driver.find_element("id", "tim-kiem-trang-thai").text

        def results(query):
            box.clear()
            box.send_keys(query)
            wait(f"results for {query!r}", lambda: query in status())
            time.sleep(0.15)  # the records of the results shown
            return driver.execute_script(
                "return Array.from(document.querySelectorAll('#tim-kiem-ket-qua .search-result__title a'))"
                ".map(a => new URL(a.href).pathname)")

        found = {}
        failures = []
        for query, expected in CASES:
            got = results(query)
            found[query] = got
            want = found[expected] if isinstance(expected, str) else expected
            if want is not None and got != want:
                failures.append(f"{query!r}: {got} (expected {want})")
            print(f"search: {query!r} → {got}")
        # Unaccented phrase: every article holding it first, then the syllables apart.
        hoi_nghi = found["hoi nghi"]
        if set(hoi_nghi[:3]) != set(PHRASE_HOI_NGHI + ["/tin-tuc/hoi-va-nghi/"]) or hoi_nghi[3:] != ["/tin-tuc/hoi-cuu-chien-binh/"]:
            failures.append(f"'hoi nghi': {hoi_nghi}")
        dang_uy = found["dang uy"]
        if set(dang_uy[:3]) != {"/thong-bao/dang-uy/", "/tin-tuc/hoi-nghi-tong-ket/", "/gioi-thieu/"} or dang_uy[3:] != ["/thong-bao/dang-ky/"]:
            failures.append(f"'dang uy': {dang_uy}")
        # Highlighting: the matched words, whatever their accents, in <mark>.
        results("dang uy")
        marks = driver.execute_script(
            "return Array.from(document.querySelectorAll('#tim-kiem-ket-qua mark')).map(m => m.textContent)")
        if not marks or any(m.lower() not in ("đảng", "ủy", "đăng") for m in marks):
            failures.append(f"marks for 'dang uy': {marks}")
        # HTML in a title is shown as text, never run.
        results("<script>")
        title = driver.execute_script("return document.querySelector('#tim-kiem-ket-qua .search-result__title').textContent")
        if "<script>alert(1)</script>" not in title or driver.execute_script("return document.querySelectorAll('#tim-kiem-ket-qua script').length"):
            failures.append(f"the title with HTML: {title!r}")
        # Filters: by section, by year.
        results("dang uy")
        Select(driver.find_element("id", "tim-kiem-muc")).select_by_visible_text("Thông báo")
        wait("the section filter", lambda: set(results_now(driver)) == {"/thong-bao/dang-uy/", "/thong-bao/dang-ky/"})
        Select(driver.find_element("id", "tim-kiem-muc")).select_by_index(0)
        Select(driver.find_element("id", "tim-kiem-nam")).select_by_visible_text("2023")
        wait("the year filter", lambda: results_now(driver) == [] and "dang uy" in status())
        Select(driver.find_element("id", "tim-kiem-nam")).select_by_index(0)
        # The status is announced; the address keeps the query, and a link to it searches.
        if driver.find_element("id", "tim-kiem-trang-thai").get_attribute("aria-live") != "polite":
            failures.append("the status is not announced (aria-live)")
        driver.get(address + "/tim-kiem/?q=ho%C3%A0+gi%E1%BA%A3i")
        wait("a query from the address", lambda: results_now(driver) == ["/thong-bao/hoa-giai/"])
        # From the header's search box on another page.
        driver.get(address + "/")
        header = driver.find_element("id", "o-tim-kiem")
        header.send_keys("uy ban nhan dan\n")
        wait("the header's search", lambda: results_now(driver) == ["/thong-bao/uy-ban/"])
        blocked = [e["message"] for e in driver.get_log("browser") if "Content Security Policy" in e["message"] or "Uncaught" in e["message"]]
        if blocked:
            failures.append("browser errors: " + "; ".join(blocked))
        if failures:
            raise SystemExit("search: " + "\n  ".join(failures))
        print("search: every query gave the expected results, highlighted, filtered, from the header too")
    finally:
        browser.close()
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)


def results_now(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#tim-kiem-ket-qua .search-result__title a'))"
        ".map(a => new URL(a.href).pathname)")


def give_up(*_):
    # A page whose script never returns (an endless loop) stalls every WebDriver call;
    # the test fails instead of holding CI until its limit.
    raise SystemExit("search: no answer from the page in 300 s (a script that never returns?)")


if __name__ == "__main__":
    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(300)
    sys.exit(main())
