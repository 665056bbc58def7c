#!/usr/bin/env bash
# Installs the Debian packages tinyforge drives: the Arm cross compiler with its C libraries,
# QEMU for Cortex-M boards, and host C compilers. Only Debian's packages, never downloads.
set -euo pipefail

PACKAGES=(gcc-arm-none-eabi libnewlib-arm-none-eabi picolibc-arm-none-eabi qemu-system-arm gcc clang cmake make chromium ninja-build)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "toolchains: all present"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "toolchains: missing ${missing[*]}" >&2
  echo "hint: run as root, or: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "toolchains: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "toolchains: installed"
