# Stacklet: `make run` and `make test` set up a fresh Debian 12 machine first
# (scripts/install-deps.sh is a fast no-op when everything is there).

# Go and Node.js that scripts/install-deps.sh had to fetch live in .tools/.
export PATH := $(CURDIR)/.tools/go/bin:$(CURDIR)/.tools/node/node_modules/.bin:$(PATH)

GO      ?= go
BIN     := bin
CLI     := $(BIN)/stacklet-cli
# Go sources outside node_modules, for the gofmt check.
GOFILES  = $(shell find . -name '*.go' -not -path './node_modules/*' -not -path './.git/*')

.PHONY: run app package test bench deps cli vet fmt-check go-test e2e clean

deps:
	@bash scripts/install-deps.sh

cli:
	$(GO) build -o $(CLI) ./cmd/stacklet-cli

APP     := $(BIN)/stacklet

app:
	$(GO) build -o $(APP) .

# `make run` opens the desktop app on a copy of the bundled sample project.
run: deps app
	./$(APP) --sample

# `make package` builds the desktop bundle with the fyne tool; it bumps Build in
# FyneApp.toml, which is put back so that packaging leaves the tree clean.
package: deps
	$(GO) run fyne.io/tools/cmd/fyne@v1.7.4 package -os linux
	git checkout -- FyneApp.toml

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
# share two cores with the browser. A test file that leaves a server open
# would keep node waiting forever; the timeout makes that a failure.
e2e: cli
	STACKLET_CLI="$(CURDIR)/$(CLI)" timeout 1200 node --test --test-concurrency=1 --test-timeout=180000 e2e/

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf $(BIN) tmp
