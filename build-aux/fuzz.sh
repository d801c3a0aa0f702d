#!/bin/sh
# Fuzzes the identity checks, the redactor and the JSON scanner with libFuzzer for a bounded time
# each (FUZZ_SECONDS, default 25), in a clang build with AddressSanitizer in build-fuzz/.
# Exits non-zero when a target crashes, leaks or breaks an invariant; the input that did it is
# left in build-fuzz/artifacts/ (add it to tests/fuzz/corpus-*/ once fixed).
set -eu
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-25}"
targets="identity redact json-span"

if ! command -v clang >/dev/null; then
  echo "fuzz.sh: clang is missing (build-aux/install-deps.sh installs it)" >&2
  exit 1
fi

if [ ! -d build-fuzz ]; then
  CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address -Db_lundef=false
fi
for t in $targets; do
  meson compile -C build-fuzz "tests/fuzz/fuzz-$t"
done

mkdir -p build-fuzz/artifacts
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export LSAN_OPTIONS="suppressions=$(pwd)/build-aux/lsan.supp"

status=0
for t in $targets; do
  # New inputs go to a scratch folder; the corpus in the source tree only grows by hand.
  scratch=$(mktemp -d)
  log="build-fuzz/fuzz-$t.log"
  echo "== fuzz-$t for ${seconds}s =="
  if ./build-fuzz/tests/fuzz/fuzz-$t -max_total_time="$seconds" -timeout=10 -print_final_stats=1 \
       -artifact_prefix=build-fuzz/artifacts/ "$scratch" "tests/fuzz/corpus-$t" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    echo "fuzz-$t: $runs executions, $rate per second, no crash"
  else
    status=1
    echo "fuzz-$t: FAILED, see $log" >&2
    grep -E '^(==|SUMMARY|fuzz-|artifact_prefix|Test unit)' "$log" >&2 || tail -n 30 "$log" >&2
  fi
  rm -rf "$scratch"
done

exit "$status"
