#!/usr/bin/env bash
# npm run worker: one runner worker for RUNNER_MODE=queue (README "Deploying beyond one machine"). Installs what a
# runner host needs, as `npm start` does (the sandbox's system packages, npm packages, the sandbox's npm and Python
# libraries), then runs the worker in the foreground. DATABASE_URL must name the app's PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/system-packages.sh
ensure_system_packages "${RUNNER_PACKAGES[@]}"
bash scripts/prepare.sh
exec node --conditions=react-server --import tsx scripts/worker.ts
