#!/usr/bin/env bash
# install-deps.sh installs what building and testing Stacklet needs on Debian 12:
# the C toolchain and GL/X headers (Fyne, SQLite via cgo), xmllint (SCORM schema
# tests), Chromium and Xvfb (browser and desktop tests), Go and Node.js when the
# machine's are missing or too old, and the npm test dependencies. It is
# idempotent and a fast no-op when everything is present: apt-get runs only when
# a package is missing, npm ci only when package-lock.json changed since the
# last install.
#
# Go and Node.js that Debian 12 cannot supply go into .tools/ (the Makefile puts
# .tools/go/bin and .tools/node/node_modules/.bin first on PATH): Go from the Go
# module proxy's toolchain module, Node.js 20 from the npm registry's "node"
# package, which carries the official binary.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

APT_PACKAGES=(make gcc pkg-config libgl1-mesa-dev xorg-dev libxml2-utils chromium xvfb
	ca-certificates curl unzip)
NODE_MAJOR=20
TOOLS="$PWD/.tools"
export PATH="$TOOLS/go/bin:$TOOLS/node/node_modules/.bin:$PATH"

log() { printf 'install-deps: %s\n' "$*" >&2; }

# as_root runs a command as root, through sudo when we are not root.
as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1; then
		sudo "$@"
	else
		log "need root or sudo to run: $*"
		return 1
	fi
}

installed() {
	[ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = "installed" ]
}

install_apt_packages() {
	local missing=() p
	for p in "${APT_PACKAGES[@]}"; do
		installed "$p" || missing+=("$p")
	done
	if [ "${#missing[@]}" -eq 0 ]; then
		return 0
	fi
	log "installing ${missing[*]}"
	apt_install "${missing[@]}"
}

apt_install() {
	export DEBIAN_FRONTEND=noninteractive
	as_root apt-get update -qq
	as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# go_ok: a go command from 1.21 on, which fetches the toolchain go.mod asks
# for by itself (GOTOOLCHAIN=auto). Debian 12's own go is 1.19.
go_ok() {
	local minor
	command -v go >/dev/null 2>&1 || return 1
	minor="$(go env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9]*\).*/\1/p')"
	[ -n "$minor" ] && [ "$minor" -ge 21 ]
}

ensure_go() {
	go_ok && return 0
	local version arch url
	version="$(sed -n 's/^go \([0-9.]*\)$/\1/p' go.mod)"
	arch="$(dpkg --print-architecture)"
	url="https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go$version.linux-$arch.zip"
	log "installing Go $version from the Go module proxy into .tools/go"
	rm -rf "$TOOLS/go" "$TOOLS/go-unpack"
	mkdir -p "$TOOLS/go-unpack"
	curl -fsSL -o "$TOOLS/go.zip" "$url"
	unzip -q "$TOOLS/go.zip" -d "$TOOLS/go-unpack"
	mv "$TOOLS/go-unpack/golang.org/toolchain@v0.0.1-go$version.linux-$arch" "$TOOLS/go"
	rm -rf "$TOOLS/go.zip" "$TOOLS/go-unpack"
	go_ok || { log "Go $version did not install"; return 1; }
}

node_ok() {
	local major
	command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || return 1
	major="$(node -p 'process.versions.node.split(".")[0]')"
	[ "$major" -ge "$NODE_MAJOR" ]
}

# ensure_node: the e2e tests need node $NODE_MAJOR+ (its test runner's
# concurrency and timeout flags). Debian 12 ships node 18, whose npm then
# installs the real node $NODE_MAJOR binary from the npm registry.
ensure_node() {
	node_ok && return 0
	if ! command -v npm >/dev/null 2>&1; then
		log "installing Debian's nodejs and npm"
		apt_install nodejs npm
	fi
	node_ok && return 0
	log "installing Node.js $NODE_MAJOR from the npm registry into .tools/node"
	npm install --prefix "$TOOLS/node" --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >/dev/null
	node_ok || { log "node $NODE_MAJOR+ did not install"; return 1; }
}

# install_node_modules runs npm ci when node_modules does not match the lock
# file: the lock file's hash is stamped into node_modules after each install.
install_node_modules() {
	local stamp=node_modules/.package-lock.sha256 want
	want="$(sha256sum package-lock.json | cut -d' ' -f1)"
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
		return 0
	fi
	log "installing npm test dependencies (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error >/dev/null
	printf '%s\n' "$want" >"$stamp"
}

install_apt_packages
ensure_go
ensure_node
install_node_modules
