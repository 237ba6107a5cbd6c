#!/usr/bin/env bash
# Cost of the syntax layer: tag + parse words/s on UD English EWT test (syntax_bench, one
# core), then `newsgraph build -j 1` on news-bench with and without --parser in the same run,
# alternating, twice each (MB/s of uncompressed input, peak RSS, CPU seconds).
#
#   bench/syntax_speed.sh [BUILD_DIR] [INPUT.jsonl.gz]
#
# Optional: SYNTAX_CALLGRIND=1 adds valgrind --tool=callgrind instruction counts of
# `eval-syntax` on GUM wiki dev (5k words), if valgrind is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
input=${2:-../shared/data/news-bench/news.jsonl.gz}
newsgraph="$build/newsgraph"
bench="$build/bench/syntax_bench"
[[ -x $newsgraph && -x $bench ]] || { echo "build newsgraph and syntax_bench in $build first" >&2; exit 2; }
[[ -f $input ]] || { echo "no $input" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bytes=$(zcat "$input" | wc -c)

echo "== tag and tag + parse on EWT test (words/s, one thread)"
"$bench" --benchmark_repetitions=3 --benchmark_report_aggregates_only=true 2>/dev/null |
  grep -E "^BM_.*_median"

echo "== build -j 1 on $input ($((bytes / 1000000)) MB)"
measure() {  # LABEL CMD...
  python3 - "$1" "$bytes" "${@:2}" <<'PY'
import resource, subprocess, sys, time
label, size, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
start = time.monotonic()
subprocess.run(cmd, check=True)
secs = time.monotonic() - start
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{label:24s} {secs:7.2f} s {size / 1e6 / secs:6.2f} MB/s  {u.ru_maxrss / 1024:5.0f} MB RSS"
      f"  cpu {u.ru_utime + u.ru_stime:7.2f} s")
PY
}
for round in 1 2; do
  for parser in --no-parser --parser; do
    measure "build $parser ($round)" "$newsgraph" build "$input" -j 1 $parser --no-progress -q \
      -o "$tmp/out.graphml"
  done
done

if [[ ${SYNTAX_CALLGRIND:-0} == 1 ]] && command -v valgrind >/dev/null; then
  echo "== callgrind: eval-syntax on GUM wiki dev"
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$newsgraph" eval-syntax \
    ../shared/data/ud/en_gum-wiki-dev.conllu 2>&1 | grep -E "Collected|refs"
fi
