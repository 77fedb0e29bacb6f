#!/usr/bin/env bash
# Neovim smoke test: the language server (dist/server.js --stdio) driven by headless Neovim.
# Installs Debian's neovim (0.7.2) when missing; fails, never skips, when it cannot.
# Usage: scripts/e2e/nvim-smoke.sh [REPORT]   (default: the xinjiang sample report)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SAMPLE=${1:-$ROOT/samples/xinjiang-health-2023-cell-per-line.txt}
say() { printf '[nvim smoke] %s\n' "$*" >&2; }
die() { printf '[nvim smoke] FAILED: %s\n' "$*" >&2; exit 1; }

if ! command -v nvim >/dev/null 2>&1; then
  say "installing Debian's neovim"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq neovim >/dev/null; } \
    || die "apt-get install neovim failed"
fi
[ -f "$ROOT/dist/server.js" ] || die "dist/server.js not built (run npm run build)"
[ -f "$SAMPLE" ] || die "sample report not found: $SAMPLE"
SAMPLE=$(cd "$(dirname "$SAMPLE")" && pwd)/$(basename "$SAMPLE")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
start=$(date +%s%N)
set +e
# A scratch HOME/XDG so no user config, shada or swap file is read or written.
HOME=$scratch XDG_CONFIG_HOME=$scratch XDG_DATA_HOME=$scratch XDG_STATE_HOME=$scratch XDG_CACHE_HOME=$scratch \
GOVREPORT_SERVER="$ROOT/dist/server.js" GOVREPORT_SAMPLE="$SAMPLE" \
  timeout 60 nvim --headless --clean -u NONE -n -c "luafile $ROOT/scripts/e2e/nvim-smoke.lua"
rc=$?
set -e
say "$(nvim --version | head -n1): exit $rc in $(( ($(date +%s%N) - start) / 1000000 )) ms"
if [ $rc -ne 0 ] && [ -f "$scratch/nvim/lsp.log" ]; then say "tail of Neovim's lsp.log:"; tail -n 20 "$scratch/nvim/lsp.log" >&2; fi
[ $rc -eq 124 ] && die "timed out after 60 s"
exit $rc
