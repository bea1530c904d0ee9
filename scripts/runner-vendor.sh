#!/usr/bin/env bash
# Copies Pyodide out of node_modules into public/vendor/pyodide so the app serves it itself (no CDN). The copies
# are git-ignored and refreshed whenever the installed Pyodide version changes.
set -euo pipefail
cd "$(dirname "$0")/.."
src=node_modules/pyodide
dest=public/vendor/pyodide
version=$(node -p 'require("./node_modules/pyodide/package.json").version')
if [ "$(cat "$dest/.version" 2>/dev/null)" = "$version" ]; then exit 0; fi
echo "prepare: copying Pyodide $version into $dest"
rm -rf "$dest"
mkdir -p "$dest"
cp "$src"/pyodide.mjs "$src"/pyodide.asm.mjs "$src"/pyodide.asm.wasm "$src"/python_stdlib.zip "$src"/pyodide-lock.json "$dest"/
echo "$version" > "$dest/.version"
