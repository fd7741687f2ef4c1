#!/usr/bin/env bash
# The CLI end to end at district scale: generates the sample district (100k families, ~2M contacts;
# never committed), then times `validate` and `audit --format json` with -Xmx2g, and the floor of
# merely tokenizing the file, each RUNS times in a fresh JVM, interleaved. Prints medians of wall time and of peak
# RSS (GNU time's "Maximum resident set size").
#
#   ./mvnw -o -q -pl benchmarks verify    # benchmarks/target/benchmarks.jar
#   (engagement-cli/target/engagement-cli.jar must be built by its module's own build)
#   benchmarks/run-cli.sh
#
# Environment: FAMILIES (100000), RUNS (3), DATA (the file; default under /tmp), AS_OF, OUT (the audit's
# --out: /dev/null; builds before 3 Dec 2026 moved a regular file over it, so give them a file), JAR (benchmarks.jar),
# CLI (engagement-cli.jar; copy it aside when its module is being rebuilt while you measure).
# Without the CLI jar, CliEquivalent (the same steps through the library) is measured instead.
set -euo pipefail
cd "$(dirname "$0")/.."
FAMILIES=${FAMILIES:-100000}
RUNS=${RUNS:-3}
DATA=${DATA:-/tmp/engagement-bench/district-$FAMILIES.json}
AS_OF=${AS_OF:-2026-11-20T23:00:00Z}
OUT=${OUT:-/dev/null}
BENCH=${JAR:-benchmarks/target/benchmarks.jar}
CLI=${CLI:-engagement-cli/target/engagement-cli.jar}
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
[[ -f $BENCH ]] || { echo "no $BENCH: ./mvnw -o -q -pl benchmarks verify" >&2; exit 1; }

if [[ ! -f $DATA ]]; then
    mkdir -p "$(dirname "$DATA")"
    java -Xmx6g -cp "$BENCH" org.familyengagement.sample.SampleDistrictMain \
        --families "$FAMILIES" --seed 7 --out "$DATA" 2>&1 | grep -v '^TIMING' || true
fi
ls -l "$DATA"

if [[ -f $CLI ]]; then
    VALIDATE=(java -Xmx2g -jar "$CLI" validate --data "$DATA")
    AUDIT=(java -Xmx2g -jar "$CLI" audit --data "$DATA" --as-of "$AS_OF" --format json --out "$OUT")
    echo "measuring $CLI"
else
    VALIDATE=(java -Xmx2g -cp "$BENCH" org.familyengagement.benchmarks.CliEquivalent validate "$DATA")
    AUDIT=(java -Xmx2g -cp "$BENCH" org.familyengagement.benchmarks.CliEquivalent audit "$DATA" "$AS_OF" "$OUT")
    echo "no $CLI: measuring CliEquivalent (the same steps through the library)"
fi
TOKENIZE=(java -Xmx2g -cp "$BENCH" org.familyengagement.benchmarks.TokenizeMain "$DATA")

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# The three commands are interleaved (tokenize, validate, audit; again ...) so that each ratio compares
# runs under the same load: on a shared machine the load changes by the minute.
declare -A walls cpus rsss
run() { # label, command...
    local label=$1; shift
    $TIME -f '%e %U %S %M' -o /tmp/engagement-bench-time.$$ "$@" > /dev/null 2>&1 \
        || { echo "$label failed: $*" >&2; "$@" 2>&1 | tail -5 >&2; exit 1; }
    read -r wall user sys rss < /tmp/engagement-bench-time.$$
    walls[$label]+="$wall "; cpus[$label]+="$(echo "$user + $sys" | bc -l) "; rsss[$label]+="$rss "
}
"${TOKENIZE[@]}" > /dev/null  # unmeasured: warms the page cache
echo "load before: $(uptime | sed 's/.*load/load/')"
for ((i = 0; i < RUNS; i++)); do
    run tokenize "${TOKENIZE[@]}"
    run validate "${VALIDATE[@]}"
    run audit "${AUDIT[@]}"
done
rm -f /tmp/engagement-bench-time.$$

echo "| command | median wall | median CPU (user+sys) | median peak RSS | walls (s) |"
echo "|---|---:|---:|---:|---|"
for label in tokenize validate audit; do
    wall=$(printf '%s\n' ${walls[$label]} | median)
    cpu=$(printf '%s\n' ${cpus[$label]} | median)
    rss=$(printf '%s\n' ${rsss[$label]} | median)
    printf '| %-9s | %6.2f s | %6.2f s | %5.0f MB | %s|\n' "$label" "$wall" "$cpu" "$(echo "$rss / 1024" | bc -l)" \
        "${walls[$label]}"
    printf -v "${label}_WALL" '%s' "$wall"
    printf -v "${label}_CPU" '%s' "$cpu"
    printf -v "${label}_RSS" '%s' "$rss"
done
echo
awk -v t="$tokenize_WALL" -v v="$validate_WALL" -v a="$audit_WALL" -v tc="$tokenize_CPU" -v vc="$validate_CPU" \
    -v ac="$audit_CPU" -v r="$audit_RSS" 'BEGIN {
    printf "validate / tokenize = %.2fx wall, %.2fx CPU (target <= 2.5x; cold JVMs)\n", v / t, vc / tc
    printf "audit / validate    = %.2fx wall, %.2fx CPU (target <= 1.5x)\n", a / v, ac / vc
    printf "audit peak RSS      = %.0f MB (target <= 1.2 GB)\n", r / 1024 }'
echo "load after: $(uptime | sed 's/.*load/load/')"
