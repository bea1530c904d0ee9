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

source scripts/lib/build.sh
build_if_stale

echo "start: serving on http://localhost:$PORT"
exec node scripts/serve.mjs
