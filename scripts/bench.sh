#!/usr/bin/env bash
# npm run bench: everything `npm start` prepares (system packages, install, generate, build), Chromium for the page
# figures, then every measurement against the production server (scripts/bench/index.ts). Not part of npm test.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
source scripts/lib/system-packages.sh
ensure_system_packages "${RUNNER_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
bash scripts/prepare.sh
# Built for the default address, so a later `npm start` finds the build up to date; the bench's own server runs on
# a free port, and nothing it measures depends on the absolute addresses in social preview images.
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:3000}"
source scripts/lib/build.sh
build_if_stale
exec npx tsx --conditions=react-server scripts/bench/index.ts
