#!/usr/bin/env bash
# Build throughput of `newsgraph build` on news-bench, against two limits on the same bytes:
# reading them (zcat | wc -w) and matching every lexicon name in them (GNU grep -c -F -f).
# news-bench is 37 MB of text (40 MB of JSONL), so the input is given REPEAT times (default 3,
# about 120 MB of JSONL): repeated text can warm caches, which the report says.
#
#   bench/build_throughput.sh [BUILD_DIR] [INPUT.jsonl.gz] [REPEAT]
#
# Prints one line per run (MB/s of uncompressed input, documents/s, peak RSS, CPU time: on a
# shared machine MB per CPU-second is the steadier single-core number) and the ratios.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
input=${2:-../shared/data/news-bench/news.jsonl.gz}
repeat=${3:-3}
newsgraph="$build/newsgraph"
[[ -x $newsgraph ]] || newsgraph="$build/cli/newsgraph"
names_tool="$build/bench/lexicon_names"
[[ -x $newsgraph && -x $names_tool ]] || { echo "build newsgraph and lexicon_names in $build first" >&2; exit 2; }
[[ -f $input ]] || { echo "no $input" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
inputs=()
for ((i = 0; i < repeat; i++)); do inputs+=("$input"); done
bytes=$(zcat "${inputs[@]}" | wc -c)
docs=$(($(zcat "$input" | wc -l) * repeat))
"$names_tool" >"$tmp/names.txt"

# measure LABEL CMD...: wall seconds and peak RSS (KB) of the command and its children.
measure() {
  local label=$1
  shift
  python3 - "$label" "$bytes" "$docs" "$@" <<'PY'
import resource, subprocess, sys, time
label, size, docs, cmd = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
start = time.monotonic()
out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
secs = time.monotonic() - start
if out.returncode not in (0, 1) or (out.returncode == 1 and 'grep' not in ' '.join(cmd)):
    sys.stderr.write(out.stderr.decode()); sys.exit(f"{label}: exit status {out.returncode}")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(f"{label:28s} {secs:6.2f} s {size / 1e6 / secs:7.1f} MB/s {docs / secs:8.0f} docs/s "
      f"{usage.ru_maxrss / 1024:6.0f} MB RSS  cpu {cpu:6.2f} s ({size / 1e6 / cpu:5.1f} MB/cpu-s)"
      f"  out {out.stdout.decode().strip()[:20]}")
print(f"#{label}\t{secs}", file=sys.stderr)
PY
}

echo "input: $input x $repeat = $((bytes / 1000000)) MB of JSONL, $docs documents (repeated" \
  "text can warm caches); $(wc -l <"$tmp/names.txt") lexicon names; $(nproc) cores"
{
  measure "zcat | wc -w" bash -c 'zcat "$@" | wc -w' _ "${inputs[@]}"
  measure "zcat | grep -c -F -f names" bash -c \
    'zcat "${@:2}" | LC_ALL=C grep -c -F -f "$1"' _ "$tmp/names.txt" "${inputs[@]}"
  for tagger in "" --no-tagger; do
    for jobs in 1 2; do
      measure "build -j $jobs ${tagger:-(tagger on)}" "$newsgraph" build "${inputs[@]}" -j "$jobs" \
        $tagger --no-progress -q -o "$tmp/out.graphml"
    done
  done
} 2>"$tmp/times"
python3 - "$tmp/times" <<'PY'
import sys
t = {}
for line in open(sys.argv[1]):
    if line.startswith('#'):
        label, secs = line[1:].rstrip('\n').split('\t'); t[label.strip()] = float(secs)
wc, grep = t["zcat | wc -w"], t["zcat | grep -c -F -f names"]
for tagger in ("(tagger on)", "--no-tagger"):
    j1, j2 = t[f"build -j 1 {tagger}"], t[f"build -j 2 {tagger}"]
    print(f"{tagger:12s} -j 2 speed-up {j1 / j2:.2f}x; -j 1 takes {j1 / wc:.1f}x wc, "
          f"{j1 / grep:.1f}x grep -F; -j 2 takes {j2 / wc:.1f}x wc, {j2 / grep:.1f}x grep -F")
PY
