#!/usr/bin/env bash
# npm start: install, generate, migrate, build when sources changed, then serve on PORT (default 3000).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
source scripts/lib/system-packages.sh
ensure_system_packages "${RUNNER_PACKAGES[@]}"
bash scripts/prepare.sh

export PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"

# Rebuild only when a tracked or new source file is newer than the last build, or the public URL changed: static
# pages carry absolute addresses (social preview images) made from NEXTAUTH_URL at build time.
built_for=$(cat .next/BUILT_FOR_URL 2>/dev/null || true)
if [ ! -f .next/BUILD_ID ] || [ "$built_for" != "$NEXTAUTH_URL" ] || [ -n "$(git ls-files -co --exclude-standard 2>/dev/null | grep -vE '^(tests|\.ci)/' | xargs -d '\n' -r find 2>/dev/null -maxdepth 0 -newer .next/BUILD_ID | head -1)" ]; then
  echo "start: building the app for $NEXTAUTH_URL"
  npx next build
  echo "$NEXTAUTH_URL" > .next/BUILT_FOR_URL
else
  echo "start: build is up to date"
fi

echo "start: serving on http://localhost:$PORT"
exec node scripts/serve.mjs
