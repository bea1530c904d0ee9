# Builds the app when a tracked or new source file is newer than the last build, or the public URL changed: static
# pages carry absolute addresses (social preview images) made from NEXTAUTH_URL at build time.
# Usage: build_if_stale (reads NEXTAUTH_URL)
build_if_stale() {
  local built_for
  built_for=$(cat .next/BUILT_FOR_URL 2>/dev/null || true)
  if [ ! -f .next/BUILD_ID ] || [ "$built_for" != "$NEXTAUTH_URL" ] || [ -n "$(git ls-files -co --exclude-standard 2>/dev/null | grep -vE '^(tests|\.ci|bench)/' | xargs -d '\n' -r find 2>/dev/null -maxdepth 0 -newer .next/BUILD_ID | head -1)" ]; then
    echo "build: building the app for $NEXTAUTH_URL"
    npx next build
    echo "$NEXTAUTH_URL" > .next/BUILT_FOR_URL
  else
    echo "build: up to date"
  fi
}
