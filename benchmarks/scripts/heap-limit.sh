#!/usr/bin/env bash
# Does `plumb baseline` complete on a generated CSV of N rows within a given heap? (issue 7)
#
# For each ROWS argument, writes (once) a GenerateCsv file of that many rows, runs one baseline
# on it in a JVM with -Xmx$HEAP and -XX:+ExitOnOutOfMemoryError, and prints one line: the run,
# the rows, the heap, whether it completed (exit 0 and every learner scored), the wall seconds,
# peak RSS, and the first learner error or the last line of standard error otherwise.
#   local       java -jar engine/target/plumb.jar baseline F --target target --learners L
#               --folds-by hash
#   spark-data  spark/plumb-on-spark baseline F ... --backend spark --master local[2] --mode data
#   spark-job   the spark-submit job's main class (PlumbSparkJob) with a data-mode plan, in one
#               JVM with spark.master=local[2]: its driver reads no rows
#
# Usage: benchmarks/scripts/heap-limit.sh RUN HEAP ROWS...
# Environment: OUT_DIR (default benchmarks/target/heap-limit), LEARNERS (default
#   majority,naive_bayes,logistic).
# Needs: java 17, GNU time at /usr/bin/time, python3, benchmarks/target/benchmarks.jar, and for
# the spark runs the spark module built (spark/plumb-on-spark builds it).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
RUN="$1"; HEAP="$2"; shift 2
OUT_DIR="${OUT_DIR:-$ROOT/benchmarks/target/heap-limit}"
LEARNERS="${LEARNERS:-majority,naive_bayes,logistic}"
mkdir -p "$OUT_DIR"
for ROWS in "$@"; do
  F="$OUT_DIR/rows-$ROWS.csv"
  [[ -f "$F" ]] || java -cp benchmarks/target/benchmarks.jar dev.plumb.benchmarks.GenerateCsv "$F" "$ROWS" >&2
  tag="$OUT_DIR/$RUN-$HEAP-$ROWS"
  jvm="-Xmx$HEAP -XX:+ExitOnOutOfMemoryError"
  case "$RUN" in
    local) cmd=(java $jvm -jar engine/target/plumb.jar baseline "$F" --target target
                --learners "$LEARNERS" --folds-by hash --no-store --json "$tag.json") ;;
    spark-data) cmd=(env "PLUMB_JAVA_OPTS=$jvm" spark/plumb-on-spark baseline "$F" --target target
                     --learners "$LEARNERS" --backend spark --master 'local[2]' --mode data
                     --no-store --json "$tag.json") ;;
    spark-job)
      plan=$(python3 -c 'import json,sys; print(json.dumps({"data": sys.argv[1], "target": "target",
        "task": "binary", "learners": sys.argv[2].split(","), "folds": 5, "seed": 42,
        "mode": "data"}))' "$F" "$LEARNERS")
      cmd=(env "PLUMB_JAVA_OPTS=$jvm -Dspark.master=local[2]" spark/plumb-on-spark --job "$plan"
           "$tag.json") ;;
    *) echo "heap-limit: unknown run $RUN (local, spark-data or spark-job)" >&2; exit 2 ;;
  esac
  s=$(date +%s.%N)
  /usr/bin/time -v -o "$tag.time" "${cmd[@]}" > "$tag.out" 2> "$tag.err"
  rc=$?
  e=$(date +%s.%N)
  verdict=$(python3 - "$tag.json" "$rc" <<'PY'
import json, sys
path, rc = sys.argv[1], int(sys.argv[2])
try:
    d = json.load(open(path))
except Exception:
    print("failed"); sys.exit()
models = d.get("models") or d.get("learners") or []
bad = [m for m in models if m.get("status") not in ("ok", None) or m.get("error")]
print("completed" if rc == 0 and models and not bad else
      "failed: " + (bad[0].get("spec", "") + ": " + str(bad[0].get("error")) if bad else "rc"))
PY
)
  # HotSpot writes "Terminating due to java.lang.OutOfMemoryError" to standard output
  [[ "$verdict" == failed ]] && verdict="failed: $(cat "$tag.err" "$tag.out" | grep -v '^\s*at ' \
    | grep -m1 -i 'memory\|error' || tail -1 "$tag.err")"
  echo "$RUN rows=$ROWS heap=$HEAP rc=$rc wall=$(echo "$e - $s" | bc)" \
    "rss_kb=$(awk -F: '/Maximum resident/{gsub(/ /,"",$2); print $2}' "$tag.time") $verdict"
done
