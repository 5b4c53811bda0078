#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian packages the project needs, only those that are missing.
# Idempotent and silent when everything is present; says clearly what is
# missing when it cannot install (not root, no apt-get).
set -eu

packages=(
  build-essential cmake pkg-config
  libserialport-dev libcurl4-openssl-dev check libjansson-dev
  gcc-xtensa-lx106 binutils-xtensa-lx106 picolibc-xtensa-lx106-elf
  qemu-system-misc python3 tmux
  clang libclang-rt-dev
  mosquitto
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing+=("$p") ;;
  esac
done

[ ${#missing[@]} -eq 0 ] && exit 0

echo "bootstrap: installing missing packages: ${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "bootstrap: apt-get not found; install these packages by your system's means: ${missing[*]}" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "bootstrap: not root and no password-less sudo; run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "bootstrap: done"
