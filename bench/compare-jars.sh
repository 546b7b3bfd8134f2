#!/usr/bin/env bash
# The create-QR peak of two payorch builds in one sitting: scripts/bench.sh's qr phase (BENCH_ONLY,
# default "qr"), alternately with each jar, ROUNDS times, so that the machine's drift falls on both
# alike; prints each run's peak and the median ratio new/old. Every BENCH_* setting passes through.
#
#   bench/compare-jars.sh OLD.jar NEW.jar [ROUNDS]     (default 2 rounds: old, new, old, new)
#   e.g. git worktree add /tmp/old <commit> && (cd /tmp/old && mvn -B -q -DskipTests package)
#        bench/compare-jars.sh /tmp/old/bootstrap/target/payorch.jar bootstrap/target/payorch.jar
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
old="$(realpath "${1:?old jar}")" new="$(realpath "${2:?new jar}")" rounds="${3:-2}"
[[ -f "$old" && -f "$new" ]] || { echo "both jars must exist" >&2; exit 1; }
out="${BENCH_COMPARE_OUT:-$ROOT/bench/results/compare-$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$out"
peaks_old=() peaks_new=()
peak() {  # the qr-no-key figure of one bench.sh log
  sed -n 's/.*\] qr-no-key: \([0-9.]*\) req\/s.*/\1/p' "$1" | tail -1
}
for ((i = 1; i <= rounds; i++)); do
  for which in old new; do
    jar="$old"; [[ "$which" == new ]] && jar="$new"
    BENCH_ONLY="${BENCH_ONLY:-qr}" BENCH_SKIP_BUILD=1 BENCH_PAYORCH_JAR="$jar" BENCH_OUT="$out/$which-$i" \
      "$ROOT/scripts/bench.sh" >/dev/null 2>&1 || { echo "bench run $which-$i failed: $out/$which-$i/bench.log" >&2; exit 1; }
    p="$(peak "$out/$which-$i/bench.log")"
    [[ -n "$p" ]] || { echo "no create-QR peak in $out/$which-$i/bench.log" >&2; exit 1; }
    echo "round $i $which: $p req/s   $(grep -o 'CPU ms per request: .*' "$out/$which-$i/bench.log" | head -1)"
    if [[ "$which" == old ]]; then peaks_old+=("$p"); else peaks_new+=("$p"); fi
  done
done
ratios="$(for ((i = 0; i < rounds; i++)); do awk -v n="${peaks_new[i]}" -v o="${peaks_old[i]}" 'BEGIN { printf "%.3f\n", n / o }'; done | sort -n)"
echo "new/old per round: $(echo $ratios)"
echo "median new/old: $(echo "$ratios" | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }')"
echo "logs: $out"
