#!/usr/bin/env bash
# Whole-process benchmark of the release binary (issue 7); see BENCHMARKS.md.
#
#   benches/run.sh                 # everything, RUNS=5 timed runs per case after one warm-up
#   RUNS=9 benches/run.sh          # more runs
#   ONLY='N=300' benches/run.sh    # only the cases whose label contains this text
#
# Environment: CARGO_TARGET_DIR (default target), BENCH_DIR (data and outputs, default
# $CARGO_TARGET_DIR/bench-data), RUNS (5), PANDAS_RUNS (3; 0 skips the pandas baseline),
# ONLY (substring filter on case labels). Generated data is reused when present: delete
# $BENCH_DIR after changing examples/gen_data.rs.
#
# Each case runs once untimed (warm-up, and a check that it works), then RUNS times under
# `/usr/bin/time -f %M` (peak RSS, the "Maximum resident set size" of `time -v`); wall time
# is taken around it with bash's $EPOCHREALTIME (microseconds; `time`'s own %e has only
# 10 ms resolution). The `floor` row is `/usr/bin/time true`: the harness's own cost,
# included in every row. Medians are printed as a Markdown table (also in
# $BENCH_DIR/results.md), then the ratios the targets of issue 7 are judged by.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C # '.' as the decimal point of $EPOCHREALTIME; the tool gets --lang ja

TARGET=${CARGO_TARGET_DIR:-target}
DATA=${BENCH_DIR:-$TARGET/bench-data}
RUNS=${RUNS:-5}
PANDAS_RUNS=${PANDAS_RUNS:-3}
ONLY=${ONLY:-}
SEED=7
AS_OF=2026-04-01

if [[ ! -x /usr/bin/time ]]; then
  echo "needs /usr/bin/time (Debian: apt-get install -y time)" >&2
  exit 2
fi

echo "building (release)…" >&2
cargo build --release --quiet --bin ismap-gap --example gen_data
BIN=$TARGET/release/ismap-gap
GEN=$TARGET/release/examples/gen_data

mkdir -p "$DATA/out"
OUT=$DATA/out
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "generating data in $DATA…" >&2
gen() { "$GEN" --out "$DATA" --seed "$SEED" "$@" >/dev/null; }
[[ -f $DATA/checks-300.csv && -d $DATA/csps-10 ]] || gen --items 300 --csps 10
[[ -f $DATA/checks-1000.csv && -d $DATA/csps-1000 ]] || gen --items 1000 --csps 1000
[[ -d $DATA/csps-100 ]] || gen --items 1000 --csps 100
[[ -f $DATA/checks-10000.csv ]] || gen --items 10000 --csps 0
[[ -f $DATA/checks-100000.csv ]] || gen --items 100000 --csps 0
# one pasted-text list (the usual input) and one YAML profile
CSP=$DATA/csps-10/csp-0001.txt
PROFILE=$DATA/csps-10/csp-0002.yaml

RESULTS=$DATA/results.md
declare -A MED RSS

median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else printf "%.1f\n", (v[NR/2]+v[NR/2+1])/2}'; }

# measure LABEL CMD… : one warm-up, RUNS timed runs; stdout of CMD goes to /dev/null
measure() {
  local label=$1 runs=${RUNS}
  shift
  if [[ $label == pandas* ]]; then runs=$PANDAS_RUNS; fi
  [[ -z $ONLY || $label == *"$ONLY"* ]] || return 0
  ((runs > 0)) || return 0
  if ! "$@" >/dev/null 2>"$TMP/err"; then # the warm-up
    echo "| $label | FAILED: $(head -c 200 "$TMP/err" | tr '\n|' '  ') | | | | |" | tee -a "$RESULTS"
    return 0
  fi
  : >"$TMP/walls"
  : >"$TMP/rsss"
  local i t0 t1
  for ((i = 0; i < runs; i++)); do
    t0=$EPOCHREALTIME
    /usr/bin/time -f %M -o "$TMP/rss" "$@" >/dev/null 2>"$TMP/err" ||
      echo "warning: $label: run $i failed: $(head -c 200 "$TMP/err")" >&2
    t1=$EPOCHREALTIME
    awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f\n", (b - a) * 1000}' >>"$TMP/walls"
    tail -n 1 "$TMP/rss" >>"$TMP/rsss"
  done
  local med min max rss
  med=$(median <"$TMP/walls")
  min=$(sort -g "$TMP/walls" | head -n 1)
  max=$(sort -g "$TMP/walls" | tail -n 1)
  rss=$(median <"$TMP/rsss" | awk '{printf "%.1f", $1 / 1024}')
  MED[$label]=$med
  RSS[$label]=$rss
  printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$runs" "$med" "$min" "$max" "$rss" | tee -a "$RESULTS"
}

# report_cmd N FORMAT [CSP] / compare_cmd M FORMAT: set CMD (time runs programs, not functions)
report_cmd() {
  local n=$1 fmt=$2 csp=${3:-$CSP}
  if [[ $fmt == table ]]; then
    CMD=("$BIN" --lang ja --color never report --checks "$DATA/checks-$n.csv" --csp "$csp" --as-of "$AS_OF")
  else
    CMD=("$BIN" --lang ja report --checks "$DATA/checks-$n.csv" --csp "$csp" --as-of "$AS_OF"
      --format "$fmt" -o "$OUT/report-$n.$fmt")
  fi
}
compare_cmd() {
  CMD=("$BIN" --lang ja compare --checks "$DATA/checks-1000.csv" --csp-dir "$DATA/csps-$1"
    --as-of "$AS_OF" --format "$2" -o "$OUT/compare-$1.$2")
}

{
  echo "# ismap-gap whole-process benchmark"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ) · $(nproc) cores · $(uname -sr) · RUNS=$RUNS · load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "binary: $("$BIN" --version 2>/dev/null || echo ismap-gap) · data: seed $SEED, as-of $AS_OF"
  echo
  echo "| case | runs | median ms | min ms | max ms | peak RSS MB (median) |"
  echo "|---|---|---|---|---|---|"
} | tee "$RESULTS"

measure "floor (/usr/bin/time true)" true
measure "start-up (ismap-gap --version)" "$BIN" --version
measure "start-up + embedded catalog (catalog stats)" "$BIN" --lang ja catalog stats --format json
for fmt in table csv json xlsx; do
  report_cmd 300 "$fmt"
  measure "report N=300 → $fmt" "${CMD[@]}"
done
report_cmd 300 xlsx "$PROFILE"
measure "report N=300 → xlsx (YAML profile)" "${CMD[@]}"
for n in 1000 10000 100000; do
  for fmt in csv json xlsx; do
    report_cmd "$n" "$fmt"
    measure "report N=$n → $fmt" "${CMD[@]}"
  done
done
measure "readiness (YAML profile) → table" "$BIN" --lang ja --color never readiness --implemented "$PROFILE"
measure "readiness (pasted text) → xlsx" "$BIN" --lang ja readiness --implemented "$CSP" -o "$OUT/readiness.xlsx"

# compare → xlsx when it is built, else json
CMP_FMT=xlsx
compare_cmd 10 xlsx
if ! "${CMD[@]}" >/dev/null 2>"$TMP/cmp-err"; then
  echo "compare → xlsx fails ($(head -n 1 "$TMP/cmp-err")): timing → json instead" | tee -a "$RESULTS" >&2
  CMP_FMT=json
fi
for m in 10 100 1000; do
  compare_cmd "$m" "$CMP_FMT"
  measure "compare M=$m × N=1000 → $CMP_FMT" "${CMD[@]}"
done

if python3 -c 'import pandas, openpyxl' 2>/dev/null; then
  for fmt in csv xlsx; do
    measure "pandas N=100000 → $fmt" python3 benches/pandas_report.py \
      "$DATA/checks-100000.csv" "$CSP" "$OUT/pandas-100000.$fmt"
  done
else
  echo "pandas baseline skipped: pip install pandas openpyxl" | tee -a "$RESULTS" >&2
fi

ratio() { # ratio A B: MED[A] / MED[B]
  if [[ -n ${MED[$1]:-} && -n ${MED[$2]:-} ]]; then
    awk -v a="${MED[$1]}" -v b="${MED[$2]}" 'BEGIN {printf "%.2f", a / b}'
  else
    echo "n/a"
  fi
}
{
  echo
  echo "10× rows, time ratio (target ≤ 12):"
  for fmt in csv json xlsx; do
    echo "- → $fmt: N=1000→10000 $(ratio "report N=10000 → $fmt" "report N=1000 → $fmt")×," \
      "N=10000→100000 $(ratio "report N=100000 → $fmt" "report N=10000 → $fmt")×"
  done
  echo "- compare M=100→1000: $(ratio "compare M=1000 × N=1000 → $CMP_FMT" "compare M=100 × N=1000 → $CMP_FMT")×"
  echo
  echo "pandas / ismap-gap at N=100000: csv $(ratio "pandas N=100000 → csv" "report N=100000 → csv")×," \
    "xlsx $(ratio "pandas N=100000 → xlsx" "report N=100000 → xlsx")×"
  echo
  echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$RESULTS"
