#!/usr/bin/env bash
# Cold start-up: builds the engine in a fresh JVM, RUNS times, and prints the in-process build
# time, JVM start to engine ready, the process wall time and peak RSS; first the built-in
# (precompiled) pack alone, then with a district's custom DRL file, compiled at build().
#
#   benchmarks/run-startup.sh [custom.drl]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
BENCH=${JAR:-benchmarks/target/benchmarks.jar}
DRL=${1:-benchmarks/src/main/resources/org/familyengagement/benchmarks/custom-after-hours.drl}
for rules in "" "$DRL"; do
    echo
    echo "engine: built-in pack${rules:+ + $rules}"
    echo "| run | build_ms | jvm_to_engine_ms | process wall s | peak RSS MB |"
    echo "|---|---:|---:|---:|---:|"
    for ((i = 1; i <= RUNS; i++)); do
        # shellcheck disable=SC2086
        line=$(/usr/bin/time -f 'TIME %e %M' java -cp "$BENCH" org.familyengagement.benchmarks.EngineStartup $rules 2>&1)
        build=$(sed -n 's/.*build_ms=\([0-9]*\).*/\1/p' <<< "$line")
        ready=$(sed -n 's/.*jvm_to_engine_ms=\([0-9]*\).*/\1/p' <<< "$line")
        read -r wall rss < <(sed -n 's/^TIME //p' <<< "$line")
        printf '| %d | %s | %s | %s | %.0f |\n' "$i" "$build" "$ready" "$wall" "$(echo "$rss / 1024" | bc -l)"
    done
done
echo "load: $(uptime | sed 's/.*load/load/')"
