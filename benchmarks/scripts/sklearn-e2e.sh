#!/usr/bin/env bash
# The scikit-learn side of baseline-e2e.sh: runs benchmarks/reference/sklearn_baseline.py on the
# same generated files under /usr/bin/time -v, and prints one compact JSON line per size with the
# wall time, peak RSS, CPU time, the load average before the run, the CPU time other processes used
# during the run (as in baseline-e2e.sh), and the script's own timings and accuracies.
#
# Usage: benchmarks/scripts/sklearn-e2e.sh [ROWS ...]        (default: 10000 100000)
# Environment: OUT_DIR (default benchmarks/target/e2e, shared with baseline-e2e.sh, so the CSVs
# are reused), SKLEARN_ARGS (extra arguments, e.g. "--plain-onehot" or "--forest-jobs 2"),
# PYTHON (default /usr/bin/python3, the Debian Python with scikit-learn 1.2.1).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT_DIR="${OUT_DIR:-$ROOT/benchmarks/target/e2e}"
PYTHON="${PYTHON:-/usr/bin/python3}"
GEN="$ROOT/benchmarks/src/main/java/dev/plumb/benchmarks/GenerateCsv.java"
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(10000 100000); fi
mkdir -p "$OUT_DIR"

busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
field() { awk -F': ' -v k="$2" 'index($0, k) { gsub(/^[ \t]+/, "", $2); print $2 }' "$1"; }
TICKS="$(getconf CLK_TCK)"

for rows in "${SIZES[@]}"; do
  csv="$OUT_DIR/rows-$rows.csv"
  if [ ! -s "$csv" ] || [ "$(($(wc -l <"$csv") - 1))" != "$rows" ]; then
    java "$GEN" "$csv" "$rows" >&2
  fi
  timelog="$OUT_DIR/sklearn-time-$rows.txt"
  out="$OUT_DIR/sklearn-$rows.json"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  busy0="$(busy_ticks)"
  # shellcheck disable=SC2086 # SKLEARN_ARGS is a list of words
  /usr/bin/time -v -o "$timelog" "$PYTHON" benchmarks/reference/sklearn_baseline.py "$csv" \
    ${SKLEARN_ARGS:-} >"$out"
  busy1="$(busy_ticks)"
  user="$(field "$timelog" 'User time (seconds)')"
  sys="$(field "$timelog" 'System time (seconds)')"
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0
    for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$timelog")"
  rss="$(field "$timelog" 'Maximum resident set size')"
  others="$(awk -v a="$busy0" -v b="$busy1" -v t="$TICKS" -v u="$user" -v s="$sys" \
    'BEGIN { o = (b - a) / t - u - s; printf "%.1f", (o < 0 ? 0 : o) }')"
  jq -c --argjson wall "$wall" --argjson rss "$rss" --argjson user "$user" --argjson sys "$sys" \
      --arg load "$load" --argjson others "$others" \
    '{rows, wall_seconds: $wall, peak_rss_mb: (($rss / 1024 * 10 | round) / 10),
      cpu_seconds: {user: $user, sys: $sys}, load_before: $load, others_cpu_seconds: $others,
      features, onehot, forest_n_jobs, timings, accuracy}' "$out"
done
