#!/usr/bin/env bash
# Runs the JMH suite with short but honest settings (about 25-35 minutes on 2 cores) and prints
# a Markdown table of medians. Results (JMH JSON and logs) go to $OUT.
#
#   ./mvnw -o -q -pl benchmarks verify          # builds benchmarks/target/benchmarks.jar
#   benchmarks/run-benchmarks.sh                # everything
#   benchmarks/run-benchmarks.sh parse live     # some groups: build parse floor batch live
#
# Environment: JAR (default benchmarks/target/benchmarks.jar), OUT (default benchmarks/target/jmh).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-benchmarks/target/benchmarks.jar}
OUT=${OUT:-benchmarks/target/jmh}
mkdir -p "$OUT"
[[ -f $JAR ]] || { echo "no $JAR: build it with ./mvnw -o -q -pl benchmarks verify" >&2; exit 1; }
GROUPS_TO_RUN=${*:-build parse floor batch live import}

# Small and middle sizes: 3 warm-up and 5 measured iterations of 2 s. The largest size (100k
# families, ~2M contacts) runs for seconds per operation: 2 warm-up and 3 measured iterations
# of 5 s each, so a median still rests on several invocations.
SMALL="-f 1 -wi 3 -i 5 -w 2s -r 2s"
LARGE="-f 1 -wi 2 -i 3 -w 5s -r 5s"

jmh() { # name, JMH arguments...
    local name=$1; shift
    echo "== $name: $* ($(uptime | sed 's/.*load/load/'))" | tee -a "$OUT/loads.txt"
    java -jar "$JAR" "$@" -prof org.familyengagement.benchmarks.CpuTimeProfiler \
        -rf json -rff "$OUT/$name.json" > "$OUT/$name.log" 2>&1 \
        || { echo "failed: see $OUT/$name.log" >&2; exit 1; }
}

for group in $GROUPS_TO_RUN; do
    case $group in
        build) jmh build 'EngineBuildBenchmark' $SMALL ;;
        parse)
            jmh parse-small 'ParseBenchmark' -p families=10000,30000 $SMALL
            jmh parse-large 'ParseBenchmark' -p families=100000 $LARGE ;;
        floor)
            jmh floor-small 'ThreeRuleBenchmark' -p families=10000,30000 $SMALL
            jmh floor-large 'ThreeRuleBenchmark' -p families=100000 $LARGE ;;
        batch)
            jmh batch-small 'BatchBenchmark.wholePack$' -p families=10000,30000 $SMALL
            jmh batch-large 'BatchBenchmark.wholePack$' -p families=100000 $LARGE
            jmh custom-small 'BatchBenchmark.wholePackPlusContactLevelCustomRule' -p families=10000 $SMALL
            jmh custom-large 'BatchBenchmark.wholePackPlusContactLevelCustomRule' -p families=100000 $LARGE ;;
        live)
            # Each invocation adds one contact: 30 s of 40-60 us operations grow the session by a fifth or so;
            # the benchmark's own 20 s warm-up lets the compiler finish (see its javadoc).
            jmh live 'LiveUpdateBenchmark' -p families=10000,100000 ;;
        import)
            # Import (OneRoster roster + a ~2M-row CSV contact log) against reading the same dataset's JSON.
            jmh import 'ImportBenchmark' -p families=100000 -f 1 -wi 2 -i 3 ;;
        *) echo "unknown group $group (build parse floor batch live import)" >&2; exit 2 ;;
    esac
done

java -cp "$JAR" org.familyengagement.benchmarks.JmhSummary "$OUT"/*.json | tee "$OUT/summary.md"
