#!/usr/bin/env bash
# `newsgraph build` end to end, on the seed and dev articles:
#   -j 1 and -j 2 write byte-identical GraphML and stores;
#   3 shard stores merged export exactly the whole build's GraphML;
#   SIGINT (once, then twice) leaves no output and no temporary file.
#
#   tests/pipeline/build_equivalence_test.sh NEWSGRAPH SHARED_DIR
set -euo pipefail
newsgraph=${1:?usage: build_equivalence_test.sh NEWSGRAPH SHARED_DIR}
shared=${2:?}
corpus=("$shared/corpus/seeds" "$shared/corpus/dev")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
ng() { "$newsgraph" "$@" -q; }

ng build "${corpus[@]}" -j 1 -o "$tmp/j1.graphml"
ng build "${corpus[@]}" -j 2 -o "$tmp/j2.graphml"
cmp "$tmp/j1.graphml" "$tmp/j2.graphml" || fail "-j 1 and -j 2 GraphML differ"
ng build "${corpus[@]}" -j 1 -o "$tmp/j1.db"
ng build "${corpus[@]}" -j 2 -o "$tmp/j2.db"
cmp "$tmp/j1.db" "$tmp/j2.db" || fail "-j 1 and -j 2 stores differ"
ng export "$tmp/j1.db" --format graphml -o "$tmp/whole.graphml"

for i in 1 2 3; do ng build "${corpus[@]}" --shard "$i/3" -j 2 -o "$tmp/shard-$i.db"; done
ng merge "$tmp"/shard-{1,2,3}.db -o "$tmp/merged.db"
ng export "$tmp/merged.db" --format graphml -o "$tmp/merged.graphml"
cmp "$tmp/whole.graphml" "$tmp/merged.graphml" || fail "3 shards merged differ from the whole"
echo "-j 1 = -j 2 = 3 shards merged ($(wc -c <"$tmp/whole.graphml") bytes of GraphML)"

# Ctrl-C during a long build (news-bench three times; the test stops it long before the end).
bench="$shared/data/news-bench/news.jsonl.gz"
[[ -f $bench ]] || { echo "no $bench: interrupt checks skipped"; exit 0; }
for signals in 1 2; do
  out="$tmp/interrupted-$signals.db"
  "$newsgraph" build "$bench" "$bench" "$bench" -j 2 -o "$out" 2>"$tmp/err" &
  pid=$!
  for _ in $(seq 300); do [[ -e $out.tmp.$pid ]] && break; sleep 0.1; done
  [[ -e $out.tmp.$pid ]] || fail "no temporary store $out.tmp.$pid appeared"
  sleep 0.5
  kill -INT "$pid" || fail "the build ended before SIGINT: $(cat "$tmp/err")"
  # A second SIGINT ends the process at once (it may have stopped cleanly already).
  ((signals == 1)) || kill -INT "$pid" 2>/dev/null || true
  status=0
  wait "$pid" || status=$?
  ((status == 130)) || fail "exit status $status after $signals SIGINT, not 130: $(cat "$tmp/err")"
  if compgen -G "$out*" >/dev/null; then fail "left behind: $(ls "$out"*)"; fi
  if ((signals == 1)); then
    grep -q "interrupted after" "$tmp/err" || fail "no interrupt message: $(cat "$tmp/err")"
  fi
done
echo "SIGINT (once and twice): exit 130, no output, no temporary file"
