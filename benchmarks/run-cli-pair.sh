#!/usr/bin/env bash
# Two builds of the command line side by side at district scale: `validate` and `audit --format json`
# of each, interleaved (before, after, before, after) in fresh JVMs with -Xmx2g, ROUNDS rounds, and
# the tokenizing floor once a round. Prints the median wall, CPU (user+sys) and peak RSS of each.
#
#   cp engagement-cli/target/engagement-cli.jar /tmp/before.jar    # on the old commit
#   cp engagement-cli/target/engagement-cli.jar /tmp/after.jar     # on the new one
#   benchmarks/run-cli-pair.sh /tmp/before.jar /tmp/after.jar
#
# Environment: ROUNDS (5), FAMILIES (100000), DATA, AS_OF, OUT (the audits' --out: a regular file by
# default, which builds before 3 Dec 2026 need: they moved a regular file over /dev/null), JAR (benchmarks.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
[[ $# -eq 2 ]] || { echo "usage: $0 BEFORE.jar AFTER.jar" >&2; exit 2; }
BEFORE=$1
AFTER=$2
ROUNDS=${ROUNDS:-5}
FAMILIES=${FAMILIES:-100000}
DATA=${DATA:-/tmp/engagement-bench/district-$FAMILIES.json}
AS_OF=${AS_OF:-2026-11-20T23:00:00Z}
OUT=${OUT:-/tmp/engagement-bench/pair-out.json}
BENCH=${JAR:-benchmarks/target/benchmarks.jar}
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "GNU time is missing: apt-get install time" >&2; exit 1; }
[[ -f $BENCH ]] || { echo "no $BENCH: ./mvnw -o -q -pl benchmarks verify" >&2; exit 1; }
[[ -f $DATA ]] || { echo "no $DATA: run benchmarks/run-cli.sh once to generate it" >&2; exit 1; }

LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
run() { # label, command...
    local label=$1; shift
    $TIME -f "$label %e %U %S %M" -a -o "$LOG" "$@" > /dev/null 2>&1 \
        || { echo "$label failed: $*" >&2; exit 1; }
}
java -Xmx2g -cp "$BENCH" org.familyengagement.benchmarks.TokenizeMain "$DATA" > /dev/null  # warms the page cache
for ((i = 1; i <= ROUNDS; i++)); do
    echo "round $i: $(uptime | sed 's/.*load/load/')"
    run tokenize java -Xmx2g -cp "$BENCH" org.familyengagement.benchmarks.TokenizeMain "$DATA"
    run validate-before java -Xmx2g -jar "$BEFORE" validate --data "$DATA"
    run validate-after java -Xmx2g -jar "$AFTER" validate --data "$DATA"
    run audit-before java -Xmx2g -jar "$BEFORE" audit --data "$DATA" --as-of "$AS_OF" --format json --out "$OUT"
    run audit-after java -Xmx2g -jar "$AFTER" audit --data "$DATA" --as-of "$AS_OF" --format json --out "$OUT"
done
rm -f "$OUT"

echo "| command | median wall | median CPU (user+sys) | median peak RSS | walls (s) |"
echo "|---|---:|---:|---:|---|"
for label in tokenize validate-before validate-after audit-before audit-after; do
    awk -v l="$label" '$1 == l { n++; w[n] = $2; c[n] = $3 + $4; r[n] = $5; walls = walls $2 " " }
        function median(a, n,   i, j, t) {
            for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        END { printf "| %-15s | %6.2f s | %6.2f s | %5.0f MB | %s|\n", l, median(w, n), median(c, n), median(r, n) / 1024, walls }' "$LOG"
done
