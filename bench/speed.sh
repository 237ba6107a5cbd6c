#!/usr/bin/env bash
# The numbers of issue #16 in one run, on news-bench (25,886 documents, 37 MB of text):
#   - CPU seconds of `newsgraph build -j 1`, tagger on and off, to .graphml and to .db, each
#     as a ratio to `wc -w` on the same JSONL bytes (CPU time: this machine is shared);
#   - peak RSS for news-bench once and four times (the same graph: memory should follow it);
#   - the 25,886 documents against the same text joined into 26 (cost per byte of big
#     documents);
#   - the synthetic 1M-relation store bench (write, load, queries).
# The load average is printed beside the timings; run it with `nice` on a shared machine.
# bench/build_throughput.sh adds -j 2 and the grep -F bound on the same input.
#
#   bench/speed.sh [BUILD_DIR] [INPUT.jsonl.gz]
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-build}
input=${2:-../shared/data/news-bench/news.jsonl.gz}
newsgraph="$builddir/newsgraph"
[[ -x $newsgraph ]] || newsgraph="$builddir/cli/newsgraph"
store_bench="$builddir/bench/store_bench"
[[ -x $newsgraph && -x $store_bench ]] ||
  { echo "build newsgraph and store_bench in $builddir first" >&2; exit 2; }
[[ -f $input ]] || { echo "no $input" >&2; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
zcat "$input" >"$tmp/news.jsonl"
for i in 1 2 3 4; do cat "$tmp/news.jsonl"; done >"$tmp/news4.jsonl"
# 26 documents of about 1,000 articles each: one text, the articles' titles and texts in order.
/usr/bin/python3 - "$tmp/news.jsonl" "$tmp/joined.jsonl" <<'PY'
import json, sys
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
size = -(-len(docs) // 26)
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for k in range(0, len(docs), size):
        part = docs[k:k + size]
        text = "\n\n".join((d["title"] + "\n\n" if d.get("title") else "") + d["text"]
                           for d in part)
        record = {"id": f"joined-{k // size:02d}", "source": "joined", "text": text}
        out.write(json.dumps(record) + "\n")
PY

# run LABEL CMD...: prints and records CPU seconds (user + sys) and peak RSS of CMD.
run() {
  local label=$1
  shift
  /usr/bin/python3 - "$label" "$tmp/times" "$@" <<'PY'
import os, resource, subprocess, sys
label, record, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
out = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
if out.returncode != 0:
    sys.stderr.write(out.stderr.decode()); sys.exit(f"{label}: exit status {out.returncode}")
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = usage.ru_utime + usage.ru_stime
print(f"{label:34s} cpu {cpu:7.2f} s  peak RSS {usage.ru_maxrss / 1024:6.0f} MiB  "
      f"load {os.getloadavg()[0]:5.2f}")
with open(record, "a") as f:
    f.write(f"{label}\t{cpu}\t{usage.ru_maxrss}\n")
PY
}

echo "input: $input, $(wc -l <"$tmp/news.jsonl") documents," \
  "$(($(wc -c <"$tmp/news.jsonl") / 1000000)) MB of JSONL; $(nproc) cores;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
run "wc -w" wc -w "$tmp/news.jsonl"
build=("$newsgraph" build -j 1 --no-progress -q)
run "tagger on  -> .graphml" "${build[@]}" "$tmp/news.jsonl" -o "$tmp/a.graphml"
run "tagger on  -> .db" "${build[@]}" "$tmp/news.jsonl" -o "$tmp/a.db"
run "--no-tagger -> .graphml" "${build[@]}" --no-tagger "$tmp/news.jsonl" -o "$tmp/b.graphml"
run "--no-tagger -> .db" "${build[@]}" --no-tagger "$tmp/news.jsonl" -o "$tmp/b.db"
run "4x news-bench -> .graphml" "${build[@]}" "$tmp/news4.jsonl" -o "$tmp/c.graphml"
run "26 joined documents -> .graphml" "${build[@]}" "$tmp/joined.jsonl" -o "$tmp/d.graphml"

/usr/bin/python3 - "$tmp/times" <<'PY'
import sys
cpu, rss = {}, {}
for line in open(sys.argv[1]):
    label, c, r = line.rstrip("\n").split("\t")
    cpu[label.strip()], rss[label.strip()] = float(c), int(r)
wc = cpu["wc -w"]
for label in ("tagger on  -> .graphml", "tagger on  -> .db", "--no-tagger -> .graphml",
              "--no-tagger -> .db"):
    print(f"{label:34s} {cpu[label] / wc:6.1f}x wc -w")
on = cpu['tagger on  -> .db'] / cpu['tagger on  -> .graphml']
off = cpu['--no-tagger -> .db'] / cpu['--no-tagger -> .graphml']
print(f".db / .graphml CPU: tagger on {on:.2f}x, --no-tagger {off:.2f}x")
print(f"peak RSS 4x / 1x: {rss['4x news-bench -> .graphml'] / rss['tagger on  -> .graphml']:.2f}x")
print(f"joined into 26 / split CPU: "
      f"{cpu['26 joined documents -> .graphml'] / cpu['tagger on  -> .graphml']:.2f}x")
PY

echo "store bench (synthetic ${NEWSGRAPH_BENCH_EDGES:-1000000} relations; wall and CPU;" \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)):"
NEWSGRAPH_BENCH_DIR="$tmp/store" "$store_bench" \
  --benchmark_filter='BM_StoreWrite|BM_StoreLoad|BM_Query' 2>/dev/null |
  grep -E '^BM_' | awk '{printf "  %-30s wall %10s %s  cpu %10s %s\n", $1, $2, $3, $4, $5}'
