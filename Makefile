# Stacklet: `make run` and `make test` set up a fresh Debian 12 machine first
# (scripts/install-deps.sh is a fast no-op when everything is there).

GO      ?= go
BIN     := bin
CLI     := $(BIN)/stacklet-cli
# Go sources outside node_modules, for the gofmt check.
GOFILES  = $(shell find . -name '*.go' -not -path './node_modules/*' -not -path './.git/*')

.PHONY: run test bench deps cli vet fmt-check go-test e2e clean

deps:
	@bash scripts/install-deps.sh

cli:
	$(GO) build -o $(CLI) ./cmd/stacklet-cli

# Until the desktop app exists, `make run` previews the bundled sample: the CLI
# builds its first module as a SCORM 2004 package and serves it with the LMS
# simulator on http://127.0.0.1:8080.
run: deps cli
	./$(CLI) preview --sample

# CI=true is inherited from the environment: under it a missing tool fails a
# test instead of skipping it.
test: deps vet fmt-check go-test e2e

vet:
	$(GO) vet ./...

fmt-check:
	@unformatted="$$(gofmt -l $(GOFILES))"; \
	if [ -n "$$unformatted" ]; then echo "gofmt needed on:"; echo "$$unformatted"; exit 1; fi

go-test:
	$(GO) test ./...

# The end-to-end tests export packages with the CLI built here, and drive
# Debian's Chromium with playwright-core; one test file at a time because they
# share two cores with the browser.
e2e: cli
	STACKLET_CLI="$(CURDIR)/$(CLI)" node --test --test-concurrency=1 e2e/

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf $(BIN) tmp
