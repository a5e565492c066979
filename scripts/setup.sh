#!/usr/bin/env bash
# Installs what ImageBench needs that a fresh Debian/Ubuntu machine with the .NET SDK lacks, then restores.
# Idempotent: installs only what is missing. Uses apt-get when root; otherwise prints the exact command.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)" >&2
  exit 2
fi

# Debian packages: chromium renders the HTML report in the browser test; tesseract-ocr (libtesseract5 + English
# model) is the OCR engine of the text scorer; fonts-wqy-microhei lets the tests draw Chinese text for PP-OCR.
packages=(chromium tesseract-ocr fonts-wqy-microhei)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null || echo "setup: apt-get update failed; trying the install with the lists already present" >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages. Run:  sudo apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi

scripts/ocr-models.sh

dotnet restore ImageBench.sln --nologo -v q
