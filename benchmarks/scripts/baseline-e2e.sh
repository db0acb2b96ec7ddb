#!/usr/bin/env bash
# End-to-end timing of `plumb baseline` (or, with COMMAND=diagnose, `plumb diagnose`) on generated
# data.
#
# For each size (default: 10000 and 100000 rows) this script
#   1. builds engine/target/plumb.jar if it is missing (or REBUILD=1),
#   2. writes a deterministic CSV with GenerateCsv (20 numeric columns, 2 categorical columns, a
#      yes/no target that depends on four numbers and one category plus logistic noise, so the
#      best possible accuracy is about 0.75),
#   3. runs `plumb baseline` on it with the seven learners of the reference measurement, under
#      /usr/bin/time -v (wall time and peak resident memory),
#   4. prints one compact JSON line per size: wall time, peak RSS, CPU time, the load average
#      before the run, the CPU time that other processes used during the run (machine-wide busy
#      time from /proc/stat minus this run's own user+sys: above a few seconds, the wall time
#      was inflated by other work on the machine), the stage timings from the baseline JSON (timings.*), each learner's
#      validation accuracy mean and standard deviation over the folds, and its prediction time
#      per 1,000 rows.
#
# Usage: benchmarks/scripts/baseline-e2e.sh [ROWS ...]
# Environment:
#   OUT_DIR    where the CSVs, JSON outputs and time logs go (default: benchmarks/target/e2e)
#   COMMAND    baseline (default) or diagnose; diagnose runs with its default learners unless
#              LEARNERS is set, and its summary lists each learner's verdict and curve
#   LEARNERS   the --learners list (default: the seven learners below, for baseline)
#   THREADS    passed as --threads when set (default: Plumb's default, all cores)
#   JAVA_OPTS  extra JVM options, e.g. "-XX:StartFlightRecording=filename=x.jfr"
#   REBUILD=1  rebuild the engine jar even if it exists
#   SEED       the GenerateCsv seed (default: GenerateCsv's own)
# Needs: java 17, mvn (only to build), jq, GNU time at /usr/bin/time.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

OUT_DIR="${OUT_DIR:-$ROOT/benchmarks/target/e2e}"
COMMAND="${COMMAND:-baseline}"
case "$COMMAND" in
  baseline) LEARNERS="${LEARNERS:-majority,stratified,naive_bayes,logistic,knn,tree,random_forest}" ;;
  diagnose) LEARNERS="${LEARNERS:-}" ;;
  *) echo "baseline-e2e: COMMAND must be baseline or diagnose" >&2; exit 2 ;;
esac
JAR="$ROOT/engine/target/plumb.jar"
GEN="$ROOT/benchmarks/src/main/java/dev/plumb/benchmarks/GenerateCsv.java"
if [ "$#" -gt 0 ]; then SIZES=("$@"); else SIZES=(10000 100000); fi

for tool in java jq /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "baseline-e2e: $tool is needed" >&2; exit 2; }
done

if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
  echo "baseline-e2e: building $JAR" >&2
  mvn -q -B -ntp -pl engine -am -DskipTests package
fi

mkdir -p "$OUT_DIR"

# "h:mm:ss" or "m:ss.ss" from /usr/bin/time -v, in seconds
wall_seconds() {
  awk -F': ' '/Elapsed \(wall clock\)/ {
    n = split($2, p, ":"); s = 0
    for (i = 1; i <= n; i++) s = s * 60 + p[i]
    print s }' "$1"
}
field() { awk -F': ' -v k="$2" 'index($0, k) { gsub(/^[ \t]+/, "", $2); print $2 }' "$1"; }
# machine-wide busy time so far, in clock ticks (user+nice+system+irq+softirq+steal)
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
TICKS="$(getconf CLK_TCK)"

for rows in "${SIZES[@]}"; do
  csv="$OUT_DIR/rows-$rows.csv"
  json="$OUT_DIR/$COMMAND-$rows.json"
  timelog="$OUT_DIR/$COMMAND-time-$rows.txt"
  summary="$OUT_DIR/$COMMAND-summary-$rows.json"
  # deterministic: same rows and seed give the same bytes, so an existing file is reused
  if [ ! -s "$csv" ] || [ "$(($(wc -l <"$csv") - 1))" != "$rows" ]; then
    java "$GEN" "$csv" "$rows" ${SEED:+"$SEED"} >&2
  fi
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "baseline-e2e: $COMMAND, $rows rows, load average before: $load ($(uptime | sed 's/.*up/up/'))" >&2
  args=("$COMMAND" "$csv" --target target --json "$json" --quiet)
  if [ -n "$LEARNERS" ]; then args+=(--learners "$LEARNERS"); fi
  if [ -n "${THREADS:-}" ]; then args+=(--threads "$THREADS"); fi
  rm -f "$json"
  set +e
  busy0="$(busy_ticks)"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of words
  /usr/bin/time -v -o "$timelog" java ${JAVA_OPTS:-} -jar "$JAR" "${args[@]}" \
    >"$OUT_DIR/$COMMAND-stdout-$rows.txt"
  rc=$?
  busy1="$(busy_ticks)"
  set -e
  if [ "$rc" != 0 ] || [ ! -s "$json" ]; then
    echo "baseline-e2e: plumb exited with $rc on $rows rows; see $OUT_DIR/$COMMAND-stdout-$rows.txt" >&2
    tail -5 "$timelog" >&2 || true
    exit 1
  fi
  wall="$(wall_seconds "$timelog")"
  rss_kb="$(field "$timelog" 'Maximum resident set size')"
  user="$(field "$timelog" 'User time (seconds)')"
  sys="$(field "$timelog" 'System time (seconds)')"
  others="$(awk -v a="$busy0" -v b="$busy1" -v t="$TICKS" -v u="$user" -v s="$sys" \
    'BEGIN { o = (b - a) / t - u - s; printf "%.1f", (o < 0 ? 0 : o) }')"
  if [ "$COMMAND" = diagnose ]; then
    filter='
    def r(n): (. * pow(10; n) | round) / pow(10; n);
    {rows: $rows, wall_seconds: $wall, peak_rss_mb: ($rss / 1024 | r(1)),
     cpu_seconds: {user: $user, sys: $sys}, load_before: $load, others_cpu_seconds: $others,
     total_seconds: (.timings.total_seconds | r(3)), train_sizes: .train_sizes,
     models: [.models[] | {name, diagnosis, more_data_helps,
       validation: (.learning_curve[-1].validation.mean | r(4)),
       train: (.learning_curve[-1].train.mean | r(4)),
       fit_seconds_full: (.learning_curve[-1].fit_seconds | r(3)),
       sweep: (.validation_curve.parameter // null)}]}'
  else
    filter='
    def r(n): (. * pow(10; n) | round) / pow(10; n);
    {
      rows: $rows,
      wall_seconds: $wall,
      peak_rss_mb: ($rss / 1024 | r(1)),
      cpu_seconds: {user: $user, sys: $sys},
      load_before: $load,
      others_cpu_seconds: $others,
      threads: .threads,
      timings: {
        read_seconds: (.timings.read_seconds | r(3)),
        evaluate_seconds: (.timings.evaluate_seconds | r(3)),
        total_seconds: (.timings.total_seconds | r(3)),
        learners_fit_seconds: (.timings.learners | map_values(r(3)))
      },
      accuracy: ([.models[] | {key: .name, value:
        (if .status == "ok" then
           {mean: (.metrics.accuracy.mean | r(4)), std: (.metrics.accuracy.std | r(4))}
         else {error: .error} end)}] | from_entries),
      predict_seconds_per_1000: ([.models[] | select(.status == "ok")
        | {key: .name, value: (.predict_seconds_per_1000 | r(4))}] | from_entries)
    }'
  fi
  jq -c --argjson rows "$rows" --argjson wall "$wall" --argjson rss "$rss_kb" \
      --argjson user "$user" --argjson sys "$sys" --arg load "$load" --argjson others "$others" \
      "$filter" "$json" | tee "$summary"
done
