#!/usr/bin/env bash
# The ratio benchmark (issue 20; see BENCHMARKS.md): each case is a pair of whole
# processes, ismap-gap and what it is judged against (benches/pandas_report.py on the same
# generated input, or another ismap-gap run), timed interleaved pair by pair so that the
# load of a shared machine falls on both alike. The ratio is the headline.
#
#   benches/run.sh                 # every case, PAIRS=5 timed pairs after one warm-up each
#   PAIRS=9 benches/run.sh         # more pairs
#   ONLY=xlsx benches/run.sh       # only the cases whose label contains this text
#
# Environment: CARGO_TARGET_DIR (default target), BENCH_DIR (data and outputs, default
# $CARGO_TARGET_DIR/bench-data), PAIRS (5), ONLY (substring filter on case labels), BIN
# (the binary to time; default: the release build, built first). Generated data is reused
# when present: delete $BENCH_DIR after changing examples/gen_data.rs.
#
# Per pair, the ratio is the baseline's time over ours for a case judged against pandas
# (higher is better), ours over the other run's for a case judged against ismap-gap itself
# (lower is better). A case is met when the median of its pair ratios meets the target; the
# worst pair and the ratio of the two minimum times are shown beside it. Wall time is taken
# with bash's $EPOCHREALTIME around `/usr/bin/time -f %M` (peak RSS); the harness's own cost
# (`/usr/bin/time true`, a few ms) is in every time, and counts against ismap-gap.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C # '.' as the decimal point of $EPOCHREALTIME; the tool gets --lang ja

TARGET=${CARGO_TARGET_DIR:-target}
DATA=${BENCH_DIR:-$TARGET/bench-data}
PAIRS=${PAIRS:-5}
ONLY=${ONLY:-}
SEED=7
AS_OF=2026-04-01

if [[ ! -x /usr/bin/time ]]; then
  echo "needs /usr/bin/time (Debian: apt-get install -y time)" >&2
  exit 2
fi
if ! python3 -c 'import pandas, openpyxl' 2>/dev/null; then
  echo "needs the baseline's libraries: pip install pandas openpyxl" >&2
  exit 2
fi

if [[ -z ${BIN:-} ]]; then
  echo "building (release)…" >&2
  cargo build --release --quiet --bin ismap-gap --example gen_data --example floor_xlsx \
    --example floor_table
  BIN=$TARGET/release/ismap-gap
fi
GEN=$TARGET/release/examples/gen_data
FLOOR_XLSX=$TARGET/release/examples/floor_xlsx
FLOOR_TABLE=$TARGET/release/examples/floor_table
[[ -x $GEN && -x $FLOOR_XLSX && -x $FLOOR_TABLE ]] ||
  cargo build --release --quiet --example gen_data --example floor_xlsx --example floor_table

mkdir -p "$DATA/out"
OUT=$DATA/out
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "generating data in $DATA…" >&2
gen() { "$GEN" --out "$DATA" --seed "$SEED" --no-xlsx "$@" >/dev/null; }
[[ -f $DATA/checks-300.csv && -d $DATA/csps-10 ]] || gen --items 300 --csps 10
[[ -f $DATA/checks-1000.csv && -d $DATA/csps-1000 ]] || gen --items 1000 --csps 1000
[[ -f $DATA/checks-10000.csv ]] || gen --items 10000 --csps 0
[[ -f $DATA/checks-100000.csv ]] || gen --items 100000 --csps 0
CSP=$DATA/csps-10/csp-0001.txt # a pasted-text list: the usual input, and the one pandas reads

RESULTS=$DATA/results.md

# report N FORMAT: the command line of one report (table: to stdout, as a terminal shows it)
report() {
  local n=$1 fmt=$2
  CMD=("$BIN" --lang ja --color never report --checks "$DATA/checks-$n.csv" --csp "$CSP"
    --as-of "$AS_OF")
  [[ $fmt == table ]] || CMD+=(--format "$fmt" -o "$OUT/report-$n.$fmt")
}
pandas() { # pandas N FORMAT
  CMD=(python3 benches/pandas_report.py "$DATA/checks-$1.csv" "$CSP" "$OUT/pandas-$1.$2")
}
compare() { # compare M FORMAT: M CSP lists × 1,000 items
  CMD=("$BIN" --lang ja compare --checks "$DATA/checks-1000.csv" --csp-dir "$DATA/csps-$1"
    --as-of "$AS_OF" --format "$2" -o "$OUT/compare-$1.$2")
}
suggest() { # suggest N FORMAT
  CMD=("$BIN" --lang ja suggest --checks "$DATA/checks-$1.csv" --format "$2"
    -o "$OUT/suggest-$1.$2")
}

# once CMD…: one timed run; appends "ms rss_kb" to $TMP/run
once() {
  local t0 t1
  t0=$EPOCHREALTIME
  if ! /usr/bin/time -f %M -o "$TMP/rss" "$@" >/dev/null 2>"$TMP/err"; then
    echo "failed: $* : $(tail -n 2 "$TMP/err")" >&2
    exit 2
  fi
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" -v r="$(tail -n 1 "$TMP/rss")" \
    'BEGIN {printf "%.1f %d\n", (b - a) * 1000, r}' >>"$TMP/run"
}

# stats FILE: "median min" of the first column
stats() {
  sort -g "$1" | awk '{v[NR] = $1} END {
    m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s %s\n", m, v[1] }'
}

# pair LABEL AGAINST DIRECTION TARGET -- A… -- B…: PAIRS interleaved pairs of A (ours) and
# B (the baseline), the first of each pair alternating. DIRECTION `faster` judges B/A
# ≥ TARGET, `within` judges A/B ≤ TARGET.
pair() {
  local label=$1 against=$2 dir=$3 target=$4
  shift 5
  local a=() b=()
  while [[ $1 != -- ]]; do a+=("$1"); shift; done
  shift
  b=("$@")
  [[ -z $ONLY || $label == *"$ONLY"* ]] || return 0
  echo "… $label" >&2
  "${a[@]}" >/dev/null 2>&1 || { echo "| $label | FAILED: ${a[*]} |" | tee -a "$RESULTS"; return 0; }
  "${b[@]}" >/dev/null 2>&1 || { echo "| $label | FAILED: ${b[*]} |" | tee -a "$RESULTS"; return 0; }
  : >"$TMP/a"
  : >"$TMP/b"
  local i
  for ((i = 0; i < PAIRS; i++)); do
    : >"$TMP/run"
    if ((i % 2 == 0)); then
      once "${a[@]}"
      once "${b[@]}"
    else
      once "${b[@]}"
      once "${a[@]}"
      # keep the file's order: A's line first
      tac "$TMP/run" >"$TMP/run2" && mv "$TMP/run2" "$TMP/run"
    fi
    sed -n 1p "$TMP/run" >>"$TMP/a"
    sed -n 2p "$TMP/run" >>"$TMP/b"
  done
  paste -d' ' "$TMP/a" "$TMP/b" | awk -v d="$dir" '{print (d == "faster" ? $3 / $1 : $1 / $3)}' >"$TMP/r"
  local ma mina mb minb mr rss worst
  read -r ma mina < <(stats "$TMP/a")
  read -r mb minb < <(stats "$TMP/b")
  read -r mr _ < <(stats "$TMP/r")
  rss=$(awk '$2 > m {m = $2} END {printf "%.0f", m / 1024}' "$TMP/a")
  if [[ $dir == faster ]]; then
    worst=$(sort -g "$TMP/r" | head -n 1)
    best=$(awk -v a="$mina" -v b="$minb" 'BEGIN {printf "%.1f", b / a}')
    met=$(awk -v r="$mr" -v t="$target" 'BEGIN {print (r >= t ? "yes" : "**no**")}')
    printf '| %s | %s | %.0f (%.0f) | %.0f (%.0f) | **%.1f×** (worst %.1f×, minimums %s×) | ≥ %s× | %s | %s |\n' \
      "$label" "$against" "$ma" "$mina" "$mb" "$minb" "$mr" "$worst" "$best" "$target" "$met" "$rss"
  else
    worst=$(sort -g "$TMP/r" | tail -n 1)
    best=$(awk -v a="$mina" -v b="$minb" 'BEGIN {printf "%.2f", a / b}')
    met=$(awk -v r="$mr" -v t="$target" 'BEGIN {print (r <= t ? "yes" : "**no**")}')
    printf '| %s | %s | %.0f (%.0f) | %.0f (%.0f) | **%.2f×** (worst %.2f×, minimums %s×) | ≤ %s× | %s | %s |\n' \
      "$label" "$against" "$ma" "$mina" "$mb" "$minb" "$mr" "$worst" "$best" "$target" "$met" "$rss"
  fi | tee -a "$RESULTS"
}

{
  echo "# ismap-gap against its baselines"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%MZ) · $(nproc) × $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1) ·" \
    "$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) · $(uname -sr) · PAIRS=$PAIRS"
  echo "binary: $("$BIN" --version) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')) ·" \
    "$(python3 -c 'import sys, pandas, openpyxl; print(f"Python {sys.version.split()[0]}, pandas {pandas.__version__}, openpyxl {openpyxl.__version__}")') ·" \
    "data: seed $SEED, as-of $AS_OF"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| case | against | ismap-gap ms median (min) | baseline ms median (min) | ratio, median of pairs | target | met | peak RSS MB (ismap-gap) |"
  echo "|---|---|---|---|---|---|---|---|"
} | tee "$RESULTS"

report 300 xlsx; A=("${CMD[@]}"); pandas 300 xlsx
pair "report N=300 → xlsx" "pandas → xlsx" faster 40 -- "${A[@]}" -- "${CMD[@]}"
report 300 table; A=("${CMD[@]}"); pandas 300 csv
pair "report N=300 → table" "pandas → csv" faster 40 -- "${A[@]}" -- "${CMD[@]}"
# the floors of the small cases (what ratio is reachable at all): the same workbook written
# by rust_xlsxwriter as we configure it with nothing else to do (examples/floor_xlsx.rs, its
# cells taken once from our report), the same table bytes printed (examples/floor_table.rs),
# and process start alone
if [[ -z $ONLY || "floor: N=300" == *"$ONLY"* ]]; then
  report 300 xlsx; "${CMD[@]}" 2>/dev/null
  "$FLOOR_XLSX" dump "$OUT/report-300.xlsx" "$DATA/floor-300.cells"
  report 300 table; "${CMD[@]}" >"$DATA/floor-300.table" 2>/dev/null
fi
pandas 300 xlsx
pair "floor: N=300 → xlsx, the same workbook written alone" "pandas → xlsx" faster 40 \
  -- "$FLOOR_XLSX" "$DATA/floor-300.cells" "$OUT/floor-300.xlsx" -- "${CMD[@]}"
pandas 300 csv
pair "floor: N=300 → table, the same bytes printed" "pandas → csv" faster 40 \
  -- "$FLOOR_TABLE" "$DATA/floor-300.table" -- "${CMD[@]}"
pair "floor: N=300, ismap-gap --version (process start)" "pandas → csv" faster 40 \
  -- "$BIN" --version -- "${CMD[@]}"
for fmt in csv xlsx; do
  target=$([[ $fmt == csv ]] && echo 15 || echo 16)
  report 100000 "$fmt"; A=("${CMD[@]}"); pandas 100000 "$fmt"
  pair "report N=100000 → $fmt" "pandas → $fmt" faster "$target" -- "${A[@]}" -- "${CMD[@]}"
done
report 100000 json; A=("${CMD[@]}"); report 100000 csv
pair "report N=100000 → json" "ismap-gap → csv" within 2.5 -- "${A[@]}" -- "${CMD[@]}"
compare 1000 xlsx; A=("${CMD[@]}"); report 100000 xlsx
pair "compare M=1000 × N=1000 → xlsx" "report N=100000 → xlsx" within 1.5 -- "${A[@]}" -- "${CMD[@]}"
for fmt in csv json xlsx; do
  report 100000 "$fmt"; A=("${CMD[@]}"); report 10000 "$fmt"
  pair "linear: report N=100000 → $fmt" "N=10000" within 11 -- "${A[@]}" -- "${CMD[@]}"
done
for fmt in csv json; do
  suggest 10000 "$fmt"; A=("${CMD[@]}"); report 10000 "$fmt"
  pair "suggest N=10000 → $fmt" "report N=10000 → $fmt" within 1 -- "${A[@]}" -- "${CMD[@]}"
done

{
  echo
  echo "Peak memory targets: ≤ 120 MB for a report of 100,000 rows (any format), ≤ 200 MB for compare M=1000 × N=1000 (the last column)."
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$RESULTS"
