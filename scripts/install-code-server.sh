#!/usr/bin/env bash
# Installs code-server (VS Code served to a browser) and Debian's Chromium for the
# end-to-end tests in test/e2e/. Idempotent: a rerun after a successful install
# only checks the marker file and returns at once.
#
# Needs: Debian (apt-get, run as root), Node 20 and npm. Nothing is downloaded
# except from the npm registry and Debian's package archive: packages are installed
# with --ignore-scripts, ripgrep comes from Debian instead of a GitHub download, and
# the native modules are then rebuilt from source (`npm rebuild` runs their install
# scripts, which npm 11 skips on install) against the local Node headers.
#
# Usage: bash scripts/install-code-server.sh        (FORCE=1 to reinstall)
set -euo pipefail

CODE_SERVER_VERSION="4.100.3" # 4.100.x is the newest line that runs on Node 20 (VS Code 1.100)
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PREFIX="$REPO_ROOT/.tools/code-server"
VSCODE_DIR="$PREFIX/node_modules/code-server/lib/vscode"
MARKER="$PREFIX/.installed-$CODE_SERVER_VERSION"
APT_PACKAGES=(libkrb5-dev ripgrep chromium build-essential python3 pkg-config)

log() { printf '[install-code-server] %s\n' "$*" >&2; }

if [[ -f "$MARKER" && -z "${FORCE:-}" && -x /usr/bin/chromium && -x /usr/bin/rg ]]; then
  log "code-server $CODE_SERVER_VERSION already installed in $PREFIX"
  exit 0
fi

start_seconds=$SECONDS

# --- Debian packages -------------------------------------------------------------
missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  if [[ $EUID -ne 0 ]]; then
    if command -v sudo >/dev/null; then SUDO=(sudo); else
      log "missing Debian packages (${missing[*]}) and not root"; exit 1
    fi
  else
    SUDO=()
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -q
  "${SUDO[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# --- code-server from npm ----------------------------------------------------------
rm -f "$PREFIX"/.installed-*
mkdir -p "$PREFIX"
if [[ ! -f "$PREFIX/package.json" ]]; then
  printf '{\n  "name": "code-server-tools",\n  "private": true\n}\n' >"$PREFIX/package.json"
fi

# Keep npm quiet and independent of the repo's own npm settings.
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel=warn
# node-gyp must build against the local Node headers: it cannot download them.
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then
  export npm_config_nodedir=/usr
fi
# prebuild-install (kerberos) and node-pre-gyp (argon2) would first try to download
# prebuilt binaries from GitHub; build from source straight away instead.
export npm_config_build_from_source=true

log "npm install code-server@$CODE_SERVER_VERSION (scripts ignored)"
(cd "$PREFIX" && npm install --ignore-scripts --save-exact "code-server@$CODE_SERVER_VERSION")

# code-server's own postinstall does the next steps, but it downloads ripgrep from
# GitHub; do them here with Debian's rg instead.
log "installing VS Code's server dependencies"
(cd "$VSCODE_DIR" && npm install --omit=dev --ignore-scripts)

log "linking Debian's ripgrep"
mkdir -p "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin"
ln -sfn /usr/bin/rg "$VSCODE_DIR/node_modules/@vscode/ripgrep/bin/rg"

log "building native modules (npm rebuild)"
(cd "$VSCODE_DIR" && npm_config_yes=true npm rebuild --foreground-scripts=false)
ln -sfn node_modules "$VSCODE_DIR/node_modules.asar"

log "building argon2"
(cd "$PREFIX" && npm rebuild argon2)

# --- smoke check: the server answers --version ---------------------------------------
version_output="$(node "$PREFIX/node_modules/code-server/out/node/entry.js" --config /dev/null --version)"
log "code-server --version: ${version_output//$'\n'/ }"
[[ "$version_output" == "$CODE_SERVER_VERSION"* ]] || { log "unexpected version output"; exit 1; }

touch "$MARKER"
log "done in $((SECONDS - start_seconds)) s"
