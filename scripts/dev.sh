#!/usr/bin/env bash
# One entry point for setting up, building, testing and running QwenDesk on Debian 12.
#   scripts/dev.sh run    install packages, build, start the app
#   scripts/dev.sh test   install packages, build (warnings are errors), run every test,
#                         then the engine tests again under AddressSanitizer
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
# Paths relative to the checkout in ccache's keys, so another clone of the project reuses the cache.
export CCACHE_BASEDIR="$root"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_packages() {
    mapfile -t pkgs < <(grep -v '^#' scripts/debian-packages.txt | grep -v '^$')
    local missing=()
    for p in "${pkgs[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        as_root apt-get update -q
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

build() {  # build DIR [cmake options...]
    local dir=$1; shift
    cmake -S "$root" -B "$dir" -G Ninja "$@"
    cmake --build "$dir" --parallel "$(nproc)"
}

case "${1:-}" in
    run)
        install_packages
        build build -DCMAKE_BUILD_TYPE=Release
        shift
        exec build/app/gui/qwendesk "$@"
        ;;
    test)
        install_packages
        build build-test -DCMAKE_BUILD_TYPE=Release -DQD_WERROR=ON
        (cd build-test && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)")
        build build-asan -DCMAKE_BUILD_TYPE=Debug -DQD_WERROR=ON -DQD_SANITIZE=address,undefined \
            -DQD_BUILD_GUI=OFF -DQD_BUILD_BENCHMARKS=OFF
        (cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
            ctest --output-on-failure --parallel "$(nproc)" -L asan)
        ;;
    *)
        echo "usage: scripts/dev.sh run|test" >&2
        exit 2
        ;;
esac
