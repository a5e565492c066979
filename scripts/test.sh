#!/usr/bin/env bash
# Runs every test and ends with one line 'N passed, N failed' (read from the TRX counters, not guessed).
set -uo pipefail
cd "$(dirname "$0")/.."
results="$(mktemp -d)"
dotnet test ImageBench.sln -c Release --no-restore --nologo -v q \
  --logger "trx;LogFileName=tests.trx" --logger "console;verbosity=minimal" --results-directory "$results"
rc=$?
trx=$(find "$results" -name '*.trx' | head -n 1)
if [ -z "$trx" ]; then
  echo "0 passed, 1 failed"
  exit 1
fi
passed=$(grep -o '<Counters [^>]*' "$trx" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]\+')
failed=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]\+')
errors=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' error="[0-9]*"' | grep -o '[0-9]\+')
failed=$(( ${failed:-0} + ${errors:-0} ))
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed} failed"
exit $rc
