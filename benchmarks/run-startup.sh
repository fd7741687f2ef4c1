#!/usr/bin/env bash
# Cold start-up: builds the engine (built-in precompiled pack) in a fresh JVM, RUNS times, and
# prints the in-process build time, JVM start to engine ready, the process wall time and peak RSS.
#
#   benchmarks/run-startup.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
BENCH=${JAR:-benchmarks/target/benchmarks.jar}
echo "| run | build_ms | jvm_to_engine_ms | process wall s | peak RSS MB |"
echo "|---|---:|---:|---:|---:|"
for ((i = 1; i <= RUNS; i++)); do
    line=$(/usr/bin/time -f 'TIME %e %M' java -cp "$BENCH" org.familyengagement.benchmarks.EngineStartup 2>&1)
    build=$(sed -n 's/.*build_ms=\([0-9]*\).*/\1/p' <<< "$line")
    ready=$(sed -n 's/.*jvm_to_engine_ms=\([0-9]*\).*/\1/p' <<< "$line")
    read -r wall rss < <(sed -n 's/^TIME //p' <<< "$line")
    printf '| %d | %s | %s | %s | %.0f |\n' "$i" "$build" "$ready" "$wall" "$(echo "$rss / 1024" | bc -l)"
done
echo "load: $(uptime | sed 's/.*load/load/')"
