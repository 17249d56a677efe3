#!/usr/bin/env python3
"""Many pages listening: one edit reaches all of them, and the server keeps answering.

    sse-load.py [--clients 1000]

Starts `bantin serve` on a copy of the sample site, opens N live-reload streams on
loopback, edits the article, and measures how long until every stream has the
reload event, while fetching the home page over and over. Prints the figures;
exits 1 if a stream misses the event or a page request fails.
"""
import asyncio
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANTIN = os.environ.get("BANTIN", os.path.join(ROOT, ".build", "release", "bantin"))
ARTICLE = "content/quoc-phong-an-ninh/hoi-nghi-tong-ket-quoc-phong-an-ninh-nam-2023/index.md"


async def listen(port, ready, reloaded, stamps):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET /__bantin/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    await writer.drain()
    seen = b""
    while b"event: hello" not in seen:
        seen += await reader.read(4096)
    ready.release()
    while b"event: reload" not in seen:
        chunk = await reader.read(4096)
        if not chunk:
            break
        seen += chunk
    if b"event: reload" in seen:
        stamps.append(time.monotonic())
        reloaded.append(1)
    writer.close()


async def fetch_home(port, stop, latencies, failures):
    while not stop.is_set():
        started = time.monotonic()
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            data = await reader.read()
            writer.close()
            if not data.startswith(b"HTTP/1.1 200"):
                failures.append(data[:40])
        except OSError as error:
            failures.append(str(error))
        latencies.append(time.monotonic() - started)
        await asyncio.sleep(0.02)


async def run(port, site, clients):
    ready = asyncio.Semaphore(0)
    reloaded, stamps, latencies, failures = [], [], [], []
    opened = time.monotonic()
    tasks = [asyncio.create_task(listen(port, ready, reloaded, stamps)) for _ in range(clients)]
    for _ in range(clients):
        await asyncio.wait_for(ready.acquire(), 60)
    connected = time.monotonic() - opened
    stop = asyncio.Event()
    fetcher = asyncio.create_task(fetch_home(port, stop, latencies, failures))
    await asyncio.sleep(0.5)
    path = os.path.join(site, ARTICLE)
    text = open(path, encoding="utf-8").read()
    edited = time.monotonic()
    open(path, "w", encoding="utf-8").write(text.replace("Phường Bắc Hồng tổng kết", "Sửa: Phường Bắc Hồng tổng kết", 1))
    await asyncio.wait(tasks, timeout=60)
    await asyncio.sleep(0.5)
    stop.set()
    await fetcher
    return connected, edited, reloaded, stamps, latencies, failures


def main():
    clients = int(sys.argv[sys.argv.index("--clients") + 1]) if "--clients" in sys.argv else 1000
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4 * clients + 256)), hard))
    work = tempfile.mkdtemp(prefix="bantin-sse-")
    site = os.path.join(work, "site")
    os.makedirs(site)
    for name in ("content", "templates", "site.yml"):
        source = os.path.join(ROOT, name)
        (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(site, name))
    log = open(os.path.join(work, "serve.log"), "w+")
    server = subprocess.Popen([BANTIN, "serve", "--source", site, "--port", "0"], stdout=log, stderr=subprocess.STDOUT)
    try:
        port = None
        deadline = time.time() + 30
        while port is None and time.time() < deadline:
            log.seek(0)
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read())
            port = int(found.group(1)) if found else None
            time.sleep(0.1)
        if port is None:
            raise SystemExit("bantin serve did not start")
        connected, edited, reloaded, stamps, latencies, failures = asyncio.run(run(port, site, clients))
        spread = [stamp - edited for stamp in stamps]
        print(f"live-reload load: {clients} streams opened in {connected:.2f} s")
        print(f"  reload reached {len(reloaded)}/{clients} streams; after the save: "
              f"first {min(spread):.3f} s, median {statistics.median(spread):.3f} s, last {max(spread):.3f} s"
              if spread else f"  reload reached 0/{clients} streams")
        if latencies:
            ordered = sorted(latencies)
            print(f"  home page fetched {len(latencies)} times meanwhile: median {statistics.median(ordered) * 1000:.1f} ms, "
                  f"max {ordered[-1] * 1000:.1f} ms, {len(failures)} failed")
        if len(reloaded) != clients or failures or not latencies:
            raise SystemExit(1)
    finally:
        server.terminate()
        server.wait(15)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
