#!/usr/bin/env bash
# End-to-end timing of `plumb baseline` on the local engine and on the Spark backend (issue 7).
#
# Writes a GenerateCsv file of ROWS rows (default 1000000), then runs the same baseline three
# times under /usr/bin/time -v, each in its own JVM with JAVA_HEAP (default 8g) of heap:
#   local       java -jar engine/target/plumb.jar ... --folds-by hash
#   spark-task  spark/plumb-on-spark ... --backend spark --master local[2] --mode task
#   spark-data  spark/plumb-on-spark ... --backend spark --master local[2] --mode data
# and prints one line per run: exit code, wall seconds, the machine's busy ticks during the run
# (1/100 s; minus the run's own user+sys, that is other processes' CPU), user time and peak RSS.
# Each run's table, JSON (--json) and time log go to OUT_DIR.
#
# Usage: benchmarks/scripts/spark-e2e.sh [ROWS]
# Environment: OUT_DIR (default benchmarks/target/spark-e2e), LEARNERS (default
#   majority,naive_bayes,logistic; "ladder" runs the default ladder, without --learners),
#   RUNS (default "local spark-task spark-data"; also spark-auto), JAVA_HEAP, EXTRA (more
#   options for every run, e.g. "--time-limit 300").
# Needs: java 17, mvn, GNU time at /usr/bin/time, and benchmarks/target/benchmarks.jar
# (mvn -pl benchmarks -am package -DskipTests).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
ROWS="${1:-1000000}"
OUT_DIR="${OUT_DIR:-$ROOT/benchmarks/target/spark-e2e}"
LEARNERS="${LEARNERS:-majority,naive_bayes,logistic}"
RUNS="${RUNS:-local spark-task spark-data}"
JAVA_HEAP="${JAVA_HEAP:-8g}"
mkdir -p "$OUT_DIR"
F="$OUT_DIR/rows-$ROWS.csv"
[[ -f "$F" ]] || java -cp benchmarks/target/benchmarks.jar dev.plumb.benchmarks.GenerateCsv "$F" "$ROWS"
if [[ "$LEARNERS" == ladder ]]; then chosen=(); else chosen=(--learners "$LEARNERS"); fi
read -r -a extra <<< "${EXTRA:-}"
busy() { awk '/^cpu /{print $2+$3+$4+$6+$7+$8}' /proc/stat; }
for name in $RUNS; do
  case "$name" in
    local) cmd=(java "-Xmx$JAVA_HEAP" -jar engine/target/plumb.jar baseline "$F" --target target
                "${chosen[@]}" --folds-by hash) ;;
    spark-task|spark-data|spark-auto)
      cmd=(env "PLUMB_JAVA_OPTS=-Xmx$JAVA_HEAP" spark/plumb-on-spark baseline "$F" --target target
           "${chosen[@]}" --backend spark --master 'local[2]' --mode "${name#spark-}") ;;
    *) echo "spark-e2e: unknown run $name" >&2; exit 2 ;;
  esac
  b=$(busy); s=$(date +%s.%N)
  /usr/bin/time -v -o "$OUT_DIR/$name.time" "${cmd[@]}" "${extra[@]}" --no-store --json "$OUT_DIR/$name.json" \
    > "$OUT_DIR/$name.out" 2> "$OUT_DIR/$name.err"
  rc=$?
  e=$(date +%s.%N); a=$(busy)
  echo "$name rows=$ROWS rc=$rc wall=$(echo "$e - $s" | bc) busy_ticks=$((a - b))" \
    "$(grep -E 'User time|System time|Maximum resident' "$OUT_DIR/$name.time" | tr -s ' \t' ' ' | tr '\n' ' ')"
done
