#!/usr/bin/env python3
"""Fetches PyYAML's own test documents (tests/legacy_tests/data in its source
release, from PyPI) into .build/yaml-suite/, for the YAML guard's test
(Tests/BantinCoreTests/YAMLGuardTests.swift). Checked against a pinned SHA-256;
does nothing when the folder is already there."""
import hashlib, io, os, re, sys, tarfile, urllib.parse, urllib.request

VERSION = "6.0.3"
SHA256 = "d76623373421df22fb4cf8817020cbb7ef15c725b9d5e45f17e189bfc384190f"
target = sys.argv[1] if len(sys.argv) > 1 else ".build/yaml-suite"
if os.path.isdir(target) and os.listdir(target):
    sys.exit(0)
index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")
page = urllib.request.urlopen(f"{index}/pyyaml/", timeout=60).read().decode()
links = re.findall(r'href="([^"]*pyyaml-%s\.tar\.gz[^"]*)"' % re.escape(VERSION), page, re.I)
if not links:
    sys.exit(f"fetch-yaml-suite: no pyyaml-{VERSION}.tar.gz in {index}/pyyaml/")
url = urllib.parse.urljoin(f"{index}/pyyaml/", links[0].split("#")[0])
data = urllib.request.urlopen(url, timeout=120).read()
if hashlib.sha256(data).hexdigest() != SHA256:
    sys.exit(f"fetch-yaml-suite: {url} does not have the expected SHA-256")
partial = target + ".partial"
os.makedirs(partial, exist_ok=True)
with tarfile.open(fileobj=io.BytesIO(data)) as archive:
    for member in archive.getmembers():
        name = os.path.basename(member.name)
        if member.isfile() and "/tests/legacy_tests/data/" in member.name and name.endswith((".data", ".canonical")):
            with open(os.path.join(partial, name), "wb") as out:
                out.write(archive.extractfile(member).read())
os.rename(partial, target)
print(f"fetch-yaml-suite: {len(os.listdir(target))} documents in {target}", file=sys.stderr)
