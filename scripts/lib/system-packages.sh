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
TEST_PACKAGES=(chromium postgresql fonts-dejavu-core)
