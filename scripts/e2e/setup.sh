#!/usr/bin/env bash
# Sets up the real-editor test tools, cached in .e2e/ (git-ignored), following the workspace notes on offline real-editor tests:
#   - Debian packages: chromium, ripgrep, libkrb5-dev, fonts-wqy-microhei (apt, only when missing)
#   - code-server (= the VS Code workbench with a real Node extension host), from npm, installed without
#     any download other than the npm registry (ripgrep comes from Debian)
#   - playwright-core (drives Debian's Chromium; no browser download)
# Kept out of the project's dependencies so that `npm ci` stays light.
# Idempotent: a second run only verifies the cache (well under a second).
# Exits non-zero, with the reason, when anything cannot be set up. It never skips a step silently.
#
# Usage: scripts/e2e/setup.sh [VARIANT]     (E2E_DIR overrides the cache folder, default <repo>/.e2e)
#   VARIANT 1.100 (default): code-server 4.100.3 = VS Code 1.100.3, on the machine's Node 20 (~1 min, ~300 MB)
#   VARIANT latest:          code-server 4.139.1 = VS Code 1.139.1, on Node 24 from the npm package
#                            `node` (its headers build the native modules) (~2 min, ~620 MB)
# Writes <tools>/e2e-env.json, which scripts/e2e/run.mjs reads (node binary, code-server entry, flags).
set -euo pipefail

VARIANT=${1:-${E2E_VSCODE:-1.100}}
PLAYWRIGHT_VERSION=1.65.1
case "$VARIANT" in
  1.100|default) VARIANT=1.100; CODE_SERVER_VERSION=4.100.3; NODE_MAJOR=20 ;;
  latest|1.139)  VARIANT=latest; CODE_SERVER_VERSION=4.139.1; NODE_MAJOR=24 ;;
  *) printf '[e2e setup] unknown variant "%s" (use 1.100 or latest)\n' "$VARIANT" >&2; exit 2 ;;
esac
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
E2E_DIR=${E2E_DIR:-$ROOT/.e2e}
if [ "$VARIANT" = 1.100 ]; then TOOLS=$E2E_DIR/tools; else TOOLS=$E2E_DIR/tools-$VARIANT; fi
STAMP=$TOOLS/.ok-code-server-$CODE_SERVER_VERSION-playwright-$PLAYWRIGHT_VERSION
START=$(date +%s)

say() { printf '[e2e setup] %s\n' "$*" >&2; }
die() { printf '[e2e setup] FAILED: %s\n' "$*" >&2; exit 1; }
elapsed() { echo "$(( $(date +%s) - START ))s"; }
trap 'rc=$?; [ $rc -eq 0 ] || say "setup failed (exit $rc) after $(elapsed); see the messages above"' EXIT

command -v node >/dev/null 2>&1 || die "node is not on PATH"
command -v npm >/dev/null 2>&1 || die "npm is not on PATH"

# ---- 1. Debian packages ---------------------------------------------------------------------------
need_pkgs=()
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v rg >/dev/null 2>&1 || need_pkgs+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_pkgs+=(libkrb5-dev)
# A CJK font (1.6 MB): without one Chromium draws the reports as boxes in the screenshots.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need_pkgs+=(fonts-wqy-microhei)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  say "installing Debian packages: ${need_pkgs[*]}"
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "need root (or sudo) to apt-get install ${need_pkgs[*]}"
    SUDO=sudo
  else
    SUDO=
  fi
  $SUDO apt-get update -qq || die "apt-get update failed (is the Debian mirror reachable?)"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null \
    || die "apt-get install ${need_pkgs[*]} failed"
fi
command -v chromium >/dev/null 2>&1 || die "chromium not found after install"
command -v rg >/dev/null 2>&1 || die "rg (ripgrep) not found after install"
CHROMIUM=$(command -v chromium)

# ---- 2. cached tools ------------------------------------------------------------------------------
CS_BIN=$TOOLS/node_modules/code-server/out/node/entry.js
ENV_JSON=$TOOLS/e2e-env.json
if [ -f "$STAMP" ] && [ -f "$CS_BIN" ] && [ -f "$ENV_JSON" ] && [ -d "$TOOLS/node_modules/playwright-core" ]; then
  say "cached: code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION in $TOOLS ($(elapsed))"
  exit 0
fi

say "installing code-server $CODE_SERVER_VERSION (VS Code $VARIANT) and playwright-core $PLAYWRIGHT_VERSION into $TOOLS"
rm -rf "$TOOLS"
mkdir -p "$TOOLS"
cd "$TOOLS"
cat > package.json <<EOF
{ "name": "govreport-e2e-tools", "private": true, "description": "real-editor test tools, see scripts/e2e/setup.sh" }
EOF

# The Node that runs code-server: the machine's when it has the right major version, else the npm
# package `node` (binary and headers come from the npm registry).
NODE_BIN=$(command -v node)
if [ "$(node -p 'process.versions.node.split(".")[0]')" != "$NODE_MAJOR" ]; then
  say "installing Node $NODE_MAJOR from the npm package node@$NODE_MAJOR"
  # Its own folder: a later npm install in $TOOLS would prune the platform package that holds the headers.
  mkdir -p "$TOOLS/node$NODE_MAJOR"
  echo '{ "private": true }' > "$TOOLS/node$NODE_MAJOR/package.json"
  (cd "$TOOLS/node$NODE_MAJOR" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >/dev/null) \
    || die "npm install node@$NODE_MAJOR failed"
  NODE_BIN=$TOOLS/node$NODE_MAJOR/node_modules/node/bin/node
  "$NODE_BIN" --version >/dev/null 2>&1 || die "the Node $NODE_MAJOR binary from npm does not run: $NODE_BIN"
  headers=$(dirname "$(find "$TOOLS/node$NODE_MAJOR/node_modules/node" -path '*/include/node/common.gypi' | head -n1)")
  [ -n "$headers" ] && [ "$headers" != . ] || die "no Node $NODE_MAJOR headers in the node package"
  export npm_config_nodedir=${headers%/include/node}
  export PATH=$(dirname "$NODE_BIN"):$PATH
fi
say "code-server runs on $("$NODE_BIN" --version) ($NODE_BIN)"

# --ignore-scripts: code-server's postinstall refuses to run as root and downloads ripgrep from the internet.
npm install --no-audit --no-fund --ignore-scripts --loglevel=error \
  "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION" \
  || die "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION failed (npm registry reachable?)"
say "npm install done ($(elapsed)); building argon2"
npm rebuild argon2 --loglevel=error >/dev/null 2>&1 || die "npm rebuild argon2 failed (needs python3, make, g++)"

VSC=$TOOLS/node_modules/code-server/lib/vscode
cd "$VSC"
say "installing the VS Code server's own dependencies ($(elapsed))"
npm install --no-audit --no-fund --omit=dev --ignore-scripts --loglevel=error \
  || die "npm install in code-server/lib/vscode failed"
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
say "rebuilding native modules: spdlog, node-pty, kerberos, watchdog… ($(elapsed), about 45 s)"
npm_config_yes=true npm rebuild --foreground-scripts --loglevel=error > "$TOOLS/rebuild.log" 2>&1 \
  || { tail -n 40 "$TOOLS/rebuild.log" >&2; die "npm rebuild of VS Code's native modules failed (log: $TOOLS/rebuild.log)"; }
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
say "installing built-in extensions' dependencies ($(elapsed))"
(cd extensions && npm install --no-audit --no-fund --omit=dev --loglevel=error) >/dev/null \
  || die "npm install in code-server/lib/vscode/extensions failed"

# ---- 3. verify ------------------------------------------------------------------------------------
scratch=$(mktemp -d)
version=$(HOME=$scratch XDG_CONFIG_HOME=$scratch/config XDG_DATA_HOME=$scratch/data "$NODE_BIN" "$CS_BIN" --version 2>&1 | grep -v '\] info ') \
  || die "code-server --version failed: $version"
rm -rf "$scratch"
case "$version" in
  *"$CODE_SERVER_VERSION"*) ;;
  *) die "unexpected code-server version: $version" ;;
esac
node -e "require('$TOOLS/node_modules/playwright-core')" || die "playwright-core does not load"
chromium_version=$("$CHROMIUM" --version 2>/dev/null) || die "chromium does not start: $CHROMIUM --version"
# Newer workbenches ignore the payload test parameters unless the smoke-test driver is enabled.
extra='[]'
[ "$VARIANT" = 1.100 ] || extra='["--vscode-option", "enable-smoke-test-driver"]'
cat > "$ENV_JSON" <<EOF
{ "variant": "$VARIANT", "vscode": "$(echo "$version" | head -n1 | sed 's/.*with Code //')", "node": "$NODE_BIN",
  "codeServer": "$CS_BIN", "extraArgs": $extra }
EOF
touch "$STAMP"
say "ready: code-server $(echo "$version" | head -n1), $chromium_version, in $(elapsed)"
