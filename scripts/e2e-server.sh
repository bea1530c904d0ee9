#!/usr/bin/env bash
# The server end-to-end tests talk to: the built app on a fresh SQLite file, or on DATABASE_URL when that names
# PostgreSQL (so `DATABASE_URL=postgresql://… npm test` runs the browser tests on PostgreSQL too).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
port="$1"
if [[ "${DATABASE_URL:-}" != postgres* ]]; then
  db_dir=$(mktemp -d)
  trap 'rm -rf "$db_dir"' EXIT
  export DATABASE_URL="file:$db_dir/e2e.db"
fi
export NEXTAUTH_URL="http://localhost:$port"
# Every browser test signs up from this one address; the per-address sign-up limit is tested in tests/integration/auth.
export SIGNUPS_PER_HOUR="${SIGNUPS_PER_HOUR:-1000}"
npm run --silent db:migrate
PORT="$port" node scripts/serve.mjs
