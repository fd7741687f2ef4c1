#!/usr/bin/env bash
# Two builds' live updates side by side: probes.LiveUpdatePair (both sessions in one JVM, taking
# turns of 200 updates, each timed by the updating thread's CPU) RUNS times, the order swapped every
# run (the side that goes first tends to be slower). Prints each run's medians and, as the figure
# to quote, the median over the runs of after / before: a run's level moves by half with the
# machine, the ratio within a run much less.
#
#   cp benchmarks/target/benchmarks.jar /tmp/before.jar    # on the old commit
#   cp benchmarks/target/benchmarks.jar /tmp/after.jar     # on the new one
#   benchmarks/run-live-pair.sh /tmp/before.jar /tmp/after.jar
#
# Environment: RUNS (8), FAMILIES (100000), WARMUP (20000), UPDATES (20000), HEAP (-Xmx10g: two sessions).
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 BEFORE.jar AFTER.jar" >&2; exit 2; }
BEFORE=$1
AFTER=$2
RUNS=${RUNS:-8}
FAMILIES=${FAMILIES:-100000}
WARMUP=${WARMUP:-20000}
UPDATES=${UPDATES:-20000}
HEAP=${HEAP:--Xmx10g}
for jar in "$BEFORE" "$AFTER"; do
    [[ -f $jar ]] || { echo "no $jar" >&2; exit 1; }
done

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# The figure after a label on LiveUpdatePair's line: "all p50", "no group finding changed p50".
field() { sed -E "s/.*$1 +([0-9.]+).*/\1/"; }

ratios_all=""
ratios_quiet=""
printf '%-4s %-22s %-22s %s\n' run "before: all / no-group" "after: all / no-group" "load"
for ((i = 1; i <= RUNS; i++)); do
    load=$(uptime | sed 's/.*load average: //')
    if ((i % 2)); then first=$BEFORE; second=$AFTER; else first=$AFTER; second=$BEFORE; fi
    out=$(java "$HEAP" -cp "$AFTER" org.familyengagement.benchmarks.probes.LiveUpdatePair \
        "$first" "$second" "$FAMILIES" "$WARMUP" "$UPDATES" 2>&1 | grep ' all p50 ') \
        || { echo "run $i failed" >&2; exit 1; }
    line1=$(sed -n 1p <<< "$out")
    line2=$(sed -n 2p <<< "$out")
    if ((i % 2)); then b=$line1; a=$line2; else a=$line1; b=$line2; fi
    b_all=$(field "all p50" <<< "$b"); b_quiet=$(field "no group finding changed p50" <<< "$b")
    a_all=$(field "all p50" <<< "$a"); a_quiet=$(field "no group finding changed p50" <<< "$a")
    printf '%-4s %-22s %-22s %s\n' "$i" "$b_all / $b_quiet µs" "$a_all / $a_quiet µs" "$load"
    ratios_all+="$(echo "$a_all / $b_all" | bc -l) "
    ratios_quiet+="$(echo "$a_quiet / $b_quiet" | bc -l) "
done
printf 'after / before, median of the runs: all updates %.3f, no group finding changed %.3f\n' \
    "$(tr ' ' '\n' <<< "$ratios_all" | grep . | median)" "$(tr ' ' '\n' <<< "$ratios_quiet" | grep . | median)"
