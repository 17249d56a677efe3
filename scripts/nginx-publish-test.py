#!/usr/bin/env python3
"""A real nginx serves DIR/current while ten pushes publish: no request fails, and no
request sees a mixed or older site.

Makes a bare repository with bantin's hooks and a web root, pushes the sample site,
starts nginx on loopback with `root DIR/current`, and requests pages from several
threads without pause while ten more pushes publish. Every page carries the site's
version in its title; a response must be 200, whole (ending with </html>), of one
version, and each thread must never see a version older than one it saw before.
"""
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANTIN = os.path.abspath(os.environ.get("BANTIN", os.path.join(ROOT, ".build", "debug", "bantin")))
PAGES = ["/", "/quoc-phong-an-ninh/", "/quoc-phong-an-ninh/hoi-nghi-tong-ket-quoc-phong-an-ninh-nam-2023/", "/tags/",
         "/404.html"]
PUSHES = 10


def run(*command, cwd=None):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return result


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def set_version(clone, version):
    path = os.path.join(clone, "site.yml")
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"^title: .*$", f"title: Bản tin phiên bản {version}", text, flags=re.M)
    open(path, "w", encoding="utf-8").write(text)


def main():
    work = tempfile.mkdtemp(prefix="bantin-nginx-")
    os.chmod(work, 0o755)
    bare, web, clone = (os.path.join(work, name) for name in ("site.git", "www", "clone"))
    run("git", "init", "-q", "--bare", "-b", "main", bare)
    run(BANTIN, "hook", "install", "--repo", bare, "--web-root", web)
    run("git", "clone", "-q", bare, clone)
    run("git", "config", "user.email", "bien-tap@phuong.example.vn", cwd=clone)
    run("git", "config", "user.name", "Biên tập", cwd=clone)
    for name in ("content", "templates", "site.yml"):
        source = os.path.join(ROOT, name)
        (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(clone, name))
    set_version(clone, 0)
    run("git", "add", "-A", cwd=clone)
    run("git", "commit", "-q", "-m", "Phiên bản 0", cwd=clone)
    run("git", "push", "-q", "origin", "main", cwd=clone)

    port = free_port()
    conf = os.path.join(work, "nginx.conf")
    user = "user root;\n" if os.geteuid() == 0 else ""
    open(conf, "w").write(f"""{user}worker_processes 2;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/fastcgi;
  uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
  types {{ text/html html; text/css css; application/xml xml; image/jpeg jpg; }}
  charset utf-8;
  include {ROOT}/docs/nginx/bantin-csp-map.conf;
  server {{
    listen 127.0.0.1:{port};
    root {web}/current;
    include {ROOT}/docs/nginx/bantin-headers.conf;
    location / {{ try_files $uri $uri/index.html =404; }}
  }}
}}
""")
    nginx = subprocess.Popen(["nginx", "-c", conf, "-p", work], stderr=subprocess.DEVNULL)
    stop = threading.Event()
    problems, counts = [], []
    try:
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)

        def hammer(index):
            seen, count = -1, 0
            while not stop.is_set():
                page = PAGES[count % len(PAGES)]
                count += 1
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}{page}", timeout=5) as response:
                        body = response.read().decode("utf-8")
                        status = response.status
                except Exception as error:  # an HTTP error or a dropped connection is a failure
                    problems.append(f"{page}: {error}")
                    continue
                versions = set(re.findall(r"Bản tin phiên bản (\d+)", body))
                if status != 200 or not body.rstrip().endswith("</html>") or len(versions) != 1:
                    problems.append(f"{page}: status {status}, versions {sorted(versions)}, {len(body)} bytes")
                    continue
                version = int(versions.pop())
                if version < seen:
                    problems.append(f"{page}: version {version} after {seen}")
                seen = max(seen, version)
            counts.append(count)

        threads = [threading.Thread(target=hammer, args=(index,)) for index in range(4)]
        for thread in threads:
            thread.start()
        started = time.time()
        for version in range(1, PUSHES + 1):
            set_version(clone, version)
            run("git", "commit", "-q", "-am", f"Phiên bản {version}", cwd=clone)
            run("git", "push", "-q", "origin", "main", cwd=clone)
        elapsed = time.time() - started
        time.sleep(0.5)
        stop.set()
        for thread in threads:
            thread.join()
        # The README's headers: pages may run the site's own scripts, other files nothing.
        for page, expected in (("/", "default-src 'self'; script-src 'self';"), ("/sitemap.xml", "default-src 'none';")):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{page}", timeout=5) as response:
                policy = response.headers.get("Content-Security-Policy", "")
                if not policy.startswith(expected):
                    problems.append(f"{page}: Content-Security-Policy {policy!r}")
        final = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read().decode("utf-8")
        if f"Bản tin phiên bản {PUSHES}" not in final:
            problems.append("the last push is not what nginx serves")
        releases = run(BANTIN, "releases", "--web-root", web).stdout.strip().splitlines()
        print(f"nginx: {sum(counts)} requests while {PUSHES} pushes published in {elapsed:.1f} s; "
              f"{len(problems)} failed or mixed; {len(releases)} releases kept")
        for problem in problems[:10]:
            print("  " + problem)
        return 1 if problems else 0
    finally:
        stop.set()
        nginx.terminate()
        nginx.wait(10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
