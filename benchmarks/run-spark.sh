#!/usr/bin/env bash
# State scale on one machine: DISTRICTS generated districts of FAMILIES families each (never
# committed), audited (a) by the CLI, one district after another, each in a fresh JVM, as a state
# office without Spark would, and (b) by the Spark job on local[2], all districts in one run, from
# the family-records layout (docs/fact-model.md). Prints wall time and peak RSS (GNU time) of
# each, and checks that the job's findings documents equal the CLI's, byte for byte.
#
#   ./mvnw -o -q -pl benchmarks,engagement-spark -am package -DskipTests
#   benchmarks/run-spark.sh
#
# Environment: DISTRICTS (10), FAMILIES (100000), DATA (/tmp/engagement-spark-bench), AS_OF,
# CLI_XMX (2g), SPARK_XMX (6g), MASTER (local[2]), JAR, CLI and SPARK (the jars; copy them aside when
# their modules are being rebuilt while you measure).
set -euo pipefail
cd "$(dirname "$0")/.."
DISTRICTS=${DISTRICTS:-10}
FAMILIES=${FAMILIES:-100000}
DATA=${DATA:-/tmp/engagement-spark-bench}
AS_OF=${AS_OF:-2026-11-20T23:00:00Z}
CLI_XMX=${CLI_XMX:-2g}
SPARK_XMX=${SPARK_XMX:-6g}
MASTER=${MASTER:-local[2]}
BENCH=${JAR:-benchmarks/target/benchmarks.jar}
CLI=${CLI:-engagement-cli/target/engagement-cli.jar}
SPARK=${SPARK:-engagement-spark/target/engagement-spark.jar}
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
for jar in "$BENCH" "$CLI" "$SPARK"; do
    [[ -f $jar ]] || { echo "no $jar: ./mvnw -o -q -pl benchmarks,engagement-cli,engagement-spark -am package -DskipTests" >&2; exit 1; }
done

mkdir -p "$DATA"
SPARK_DATA=()
for ((d = 1; d <= DISTRICTS; d++)); do
    id=$(printf 'd-%02d' "$d")
    doc=$DATA/$id.json
    if [[ ! -f $doc ]]; then
        java -Xmx6g -cp "$BENCH" org.familyengagement.sample.SampleDistrictMain \
            --families "$FAMILIES" --seed $((100 + d)) --out "$doc" | grep -v '^TIMING' || true
    fi
    if [[ ! -f $DATA/$id/families.jsonl ]]; then
        java -Xmx6g -cp "$SPARK" org.familyengagement.spark.FamilyRecords --data "$doc" --out "$DATA/$id" \
            --district-id "$id"
    fi
    SPARK_DATA+=(--data "$DATA/$id")
done
du -sh "$DATA"/*.json | head -1
echo "load before: $(uptime | sed 's/.*load/load/')"

# (a) The CLI, district after district (its documents keep the generator's district id, d-1).
mkdir -p "$DATA/cli"
cli_wall=0; cli_rss=0
for ((d = 1; d <= DISTRICTS; d++)); do
    id=$(printf 'd-%02d' "$d")
    $TIME -f '%e %M' -o "$DATA/time.txt" java -Xmx"$CLI_XMX" -jar "$CLI" audit --data "$DATA/$id.json" \
        --as-of "$AS_OF" --format json --out "$DATA/cli/$id.json" > /dev/null
    read -r wall rss < "$DATA/time.txt"
    echo "cli $id: ${wall}s, peak RSS $((rss / 1024)) MB"
    cli_wall=$(echo "$cli_wall + $wall" | bc -l)
    (( rss > cli_rss )) && cli_rss=$rss
done

# (b) The Spark job, every district in one run.
$TIME -f '%e %M' -o "$DATA/time.txt" java -Xmx"$SPARK_XMX" -jar "$SPARK" --master "$MASTER" "${SPARK_DATA[@]}" \
    --as-of "$AS_OF" --out "$DATA/spark" > /dev/null
read -r spark_wall spark_rss < "$DATA/time.txt"

# The same findings: the job's documents name their district d-01..., the CLI's d-1.
for ((d = 1; d <= DISTRICTS; d++)); do
    id=$(printf 'd-%02d' "$d")
    cmp -s "$DATA/cli/$id.json" <(sed "s/\"$id\"/\"d-1\"/g" "$DATA/spark/$id.json") \
        || { echo "district $id: the job's findings differ from the CLI's" >&2; exit 1; }
done

echo "| run | wall | peak RSS |"
echo "|---|---:|---:|"
printf '| CLI, %d districts in turn (-Xmx%s) | %.0f s | %d MB (largest run) |\n' "$DISTRICTS" "$CLI_XMX" "$cli_wall" $((cli_rss / 1024))
printf '| Spark %s, %d districts in one job (-Xmx%s) | %.0f s | %d MB |\n' "$MASTER" "$DISTRICTS" "$SPARK_XMX" "$spark_wall" $((spark_rss / 1024))
awk -v c="$cli_wall" -v s="$spark_wall" 'BEGIN { printf "Spark / CLI wall = %.2fx\n", s / c }'
echo "load after: $(uptime | sed 's/.*load/load/')"
