#!/usr/bin/env bash
# Builds of ismap-gap timed on the same case, run interleaved, so that the load of a
# shared machine falls on all of them alike (see BENCHMARKS.md).
#
#   benches/ab.sh OLD_BINARY NEW_BINARY                 # report N=100000 → csv, 7 rounds
#   ROUNDS=11 FORMAT=xlsx N=10000 benches/ab.sh A B C
#
# Environment: BENCH_DIR (the data of benches/run.sh; default $CARGO_TARGET_DIR/bench-data,
# else target/bench-data), N (100000; also 300, 1000, 10000), FORMAT (csv; json, xlsx,
# table: to stdout), ROUNDS (7). Prints the minimum and median wall time per binary.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

TARGET=${CARGO_TARGET_DIR:-target}
DATA=${BENCH_DIR:-$TARGET/bench-data}
N=${N:-100000}
FORMAT=${FORMAT:-csv}
ROUNDS=${ROUNDS:-7}
if [[ $# -lt 1 ]]; then
  echo "usage: benches/ab.sh BINARY [BINARY…]" >&2
  exit 2
fi
if [[ ! -f $DATA/checks-$N.csv || ! -f $DATA/csps-10/csp-0001.txt ]]; then
  echo "no data in $DATA: run benches/run.sh once (or set BENCH_DIR)" >&2
  exit 2
fi
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

ARGS=(--lang ja --color never report --checks "$DATA/checks-$N.csv"
  --csp "$DATA/csps-10/csp-0001.txt" --as-of 2026-04-01)
[[ $FORMAT == table ]] || ARGS+=(--format "$FORMAT" -o "$OUT/out.$FORMAT")

declare -A times
for _ in $(seq "$ROUNDS"); do
  for bin in "$@"; do
    start=$EPOCHREALTIME
    if ! "$bin" "${ARGS[@]}" >/dev/null 2>"$OUT/stderr"; then
      echo "$bin failed: $(tail -1 "$OUT/stderr")" >&2
      exit 2
    fi
    end=$EPOCHREALTIME
    times[$bin]+="$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) * 1000 }') "
  done
done
echo "report N=$N → $FORMAT, $ROUNDS interleaved rounds"
for bin in "$@"; do
  tr ' ' '\n' <<<"${times[$bin]}" | grep . | sort -n |
    awk -v b="$bin" '{ t[NR] = $1 } END { printf "%s: min %.1f ms, median %.1f ms\n", b, t[1], t[int((NR + 1) / 2)] }'
done
