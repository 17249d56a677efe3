"""Headless Chromium for the browser checks, with nothing left behind in /tmp, and a
built site served to it over HTTP.

Chromium writes its profile and a `org.chromium.Chromium.*` socket folder to the
temporary directory and does not always remove them when quit, so each browser
gets a temporary directory of its own, removed when the browser is done.
"""

import contextlib
import http.server
import os
import shutil
import tempfile
import threading
from functools import partial

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage")


@contextlib.contextmanager
def chromium(*extra_flags, browser_log=False):
    scratch = tempfile.mkdtemp(prefix="bantin-chromium-")
    try:
        options = Options()
        for flag in FLAGS + extra_flags + (f"--user-data-dir={scratch}/profile",):
            options.add_argument(flag)
        options.binary_location = "/usr/bin/chromium"
        if browser_log:
            options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        service = Service("/usr/bin/chromedriver", env={**os.environ, "TMPDIR": scratch})
        driver = webdriver.Chrome(service=service, options=options)
        try:
            yield driver
        finally:
            driver.quit()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(folder):
    """`folder` served on a free local port; yields its address (no trailing slash)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
