#!/usr/bin/env bash
# Everything `npm start`, `npm run dev` and `npm test` need before the app can run; each step is skipped when done.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

stamp() { sha256sum "$@" 2>/dev/null | sha256sum | cut -c1-16; }

# 1. npm packages, installed when node_modules is missing or package.json / package-lock.json changed.
# (`npm install`, not `npm ci`: npm 11 writes lock files without other platforms' optional binaries and then
# refuses them in `npm ci`.)
lock_stamp=$(stamp package.json package-lock.json)
if [ ! -d node_modules ] || [ "$(cat node_modules/.bp-stamp 2>/dev/null)" != "$lock_stamp" ]; then
  echo "prepare: installing npm packages"
  npm install --no-audit --no-fund
  stamp package.json package-lock.json > node_modules/.bp-stamp
fi

# 2. The auth secret: generated once into git-ignored .env.local, never committed, never sent to the client.
if ! grep -q '^NEXTAUTH_SECRET=' .env.local 2>/dev/null; then
  echo "prepare: generating NEXTAUTH_SECRET into .env.local"
  printf 'NEXTAUTH_SECRET=%s\n' "$(node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))')" >> .env.local
  chmod 600 .env.local
fi

# 3. Prisma clients, regenerated when the schema or Prisma itself changed.
schema_stamp=$(stamp prisma/schema.prisma package-lock.json)
if [ "$(cat lib/db/generated/.bp-stamp 2>/dev/null)" != "$schema_stamp" ]; then
  npm run --silent db:generate
  echo "$schema_stamp" > lib/db/generated/.bp-stamp
fi

# 3b. Pyodide served by the app itself (public/vendor/pyodide, git-ignored).
bash scripts/runner-vendor.sh

# 3c. The npm packages learner code may import in the sandbox (runner/node; bound read-only at /node_modules, see
# lib/runner/sandbox/node-packages.ts). `npm ci`, as the lock file is the pin and none of these ships per-platform
# binaries. better-sqlite3 is compiled from source, so this takes a minute or two.
runner_stamp=$(stamp runner/node/package.json runner/node/package-lock.json)
if [ "$(cat runner/node/node_modules/.bp-stamp 2>/dev/null)" != "$runner_stamp" ]; then
  echo "prepare: installing the sandbox's npm packages (runner/node)"
  npm ci --prefix runner/node --no-audit --no-fund
  echo "$runner_stamp" > runner/node/node_modules/.bp-stamp
fi

# 4. Migrations (a no-op when the database is up to date).
npm run --silent db:migrate
