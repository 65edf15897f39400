#!/usr/bin/env bash
# Install the Debian packages PolyAgent builds and tests with, if missing.
# Only packages from Debian 12's own archive; nothing is downloaded otherwise.
set -euo pipefail
pkgs=(
    gcc make ccache perl patch xz-utils bzip2 pkgconf        # host build, prove
    clang lld llvm wasi-libc libclang-rt-14-dev-wasm32       # guest toolchain
    libclang-rt-14-dev                                       # libFuzzer for tests/fuzz
    wabt                                                     # wasm2c
    python3 python3.11 dpkg-dev tcl                          # build python + test scripts, apt-get source, sqlite amalgamation
    libjansson-dev libcmocka-dev libzstd-dev libseccomp-dev  # host libraries
    libmicrohttpd-dev libcurl4-openssl-dev curl              # the service, submit, and tests
    wrk                                                      # the service's load benchmark
    tzdata                                                   # time zones for the guest
)
missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "setup_deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
