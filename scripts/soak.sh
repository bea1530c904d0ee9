#!/usr/bin/env bash
# npm run test:soak: the production server under simulated learners (tests/soak): SIGKILL mid-burst on SQLite and
# PostgreSQL, then a short soak. It serves the `next build` output that `npm test` leaves; builds only if there is none.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
source scripts/lib/system-packages.sh
ensure_system_packages "${RUNNER_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
bash scripts/prepare.sh
[[ -f .next/BUILD_ID ]] || npx next build
npx vitest run --config vitest.soak.config.ts
