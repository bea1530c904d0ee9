#!/usr/bin/env bash
# npm test: the whole suite. Type check, lint, unit + integration (SQLite and PostgreSQL), build, end-to-end in Chromium,
# then the app beyond one machine (two instances and two runner workers on PostgreSQL).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
source scripts/lib/system-packages.sh
ensure_system_packages "${RUNNER_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
bash scripts/prepare.sh

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
export TEST_RESULTS_DIR="$results"

step() { echo; echo "── $1"; }
step "type check";  npx tsc --noEmit
step "lint";        npx eslint . --max-warnings 0
step "content check (every lesson parses, every example prints what it says)"
npm run --silent content:check
step "unit + integration (Vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
step "build";       npx next build
step "end-to-end (Playwright, Chromium)"
npx playwright test
step "beyond one machine (PostgreSQL, two app instances, two workers)"
npx vitest run --config vitest.scale.config.ts --reporter=default --reporter=json --outputFile.json="$results/scale.json"

node scripts/test-summary.mjs "$results"
