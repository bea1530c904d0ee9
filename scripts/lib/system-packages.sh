# Installs the Debian packages the project needs, or stops with the exact command when it cannot (not root).
# Usage: ensure_system_packages PKG...
ensure_system_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Run: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# What the code runners and the test suite need. Rust's compiler comes from rustup when present (newer), else Debian.
# python3-seccomp compiles the sandbox's seccomp filter (lib/runner/sandbox/seccomp-filter.py); util-linux gives
# unshare, mount and setpriv, which the sandbox's wrapper uses as root.
RUNNER_PACKAGES=(bubblewrap python3-seccomp util-linux golang-go golang-golang-x-sync-dev python3 librust-tokio-dev librust-serde-dev librust-serde-json-dev librust-anyhow-dev)
# The Python frameworks learner code imports in the sandbox (versions in README, "Frameworks in the sandbox"); make
# and g++ build better-sqlite3 for the sandbox's npm packages (runner/node) from source.
RUNNER_PACKAGES+=(python3-fastapi python3-pydantic python3-flask python3-django python3-uvicorn python3-httpx python3-sqlalchemy python3-aiohttp make g++)
# Go and Rust libraries lessons import, from Debian's packaged sources (README, "Go and Rust libraries and warm caches").
# go-sqlite3 and rusqlite link the system libsqlite3 with gcc, inside the sandbox too.
RUNNER_PACKAGES+=(golang-github-go-chi-chi-dev golang-github-gin-gonic-gin-dev golang-github-mattn-go-sqlite3-dev gcc libsqlite3-dev)
RUNNER_PACKAGES+=(librust-hyper-dev librust-tower-dev librust-rusqlite-dev)
TEST_PACKAGES=(chromium postgresql fonts-dejavu-core)
