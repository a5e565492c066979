#!/usr/bin/env bash
# Packs ImageBench from an existing build (`make build`): the `imagebench` .NET tool (ImageBench.Cli, a pointer
# package, plus ImageBench.Cli.linux-x64 with the native libraries) and the ImageBench.Core library, into one folder.
# Usage: scripts/pack.sh [OUT_DIR]   (default ./artifacts; CONFIGURATION defaults to Release; PACKAGE_VERSION
# overrides the version from Directory.Build.props)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts}"
config="${CONFIGURATION:-Release}"
mkdir -p "$out"
version_args=()
if [ -n "${PACKAGE_VERSION:-}" ]; then version_args=("-p:PackageVersion=$PACKAGE_VERSION"); fi
# Directory.Build.props pins RuntimeIdentifier=linux-x64 for every build. The tool's outer pack must run without one:
# only then does it write the pointer package and pack ImageBench.Cli.linux-x64 itself (from the linux-x64 build).
dotnet pack src/ImageBench.Cli -c "$config" --no-build --nologo -v q -p:RuntimeIdentifier= "${version_args[@]}" -o "$out"
dotnet pack src/ImageBench -c "$config" --no-build --nologo -v q "${version_args[@]}" -o "$out"
ls -1 "$out"/*.nupkg
