#!/usr/bin/env bash
# install-deps.sh installs what building and testing Stacklet needs on Debian 12:
# the C toolchain and GL/X headers (Fyne, SQLite via cgo), xmllint (SCORM schema
# tests), Chromium and Xvfb (browser and desktop tests) and the npm test
# dependencies. It is idempotent and a fast no-op when everything is present:
# apt-get runs only when a package is missing, npm ci only when package-lock.json
# changed since the last install.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

APT_PACKAGES=(gcc pkg-config libgl1-mesa-dev xorg-dev libxml2-utils chromium xvfb)

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
	export DEBIAN_FRONTEND=noninteractive
	as_root apt-get update -qq
	as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

check_node() {
	local major
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		log "node 20+ and npm are required but not installed"
		return 1
	fi
	major="$(node -p 'process.versions.node.split(".")[0]')"
	if [ "$major" -lt 20 ]; then
		log "node $major found; node 20+ is required"
		return 1
	fi
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
check_node
install_node_modules
