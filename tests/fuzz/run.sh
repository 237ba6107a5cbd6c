#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ (only they and the libraries they
# need, under ASan+UBSan) and runs each for SECONDS (default 25), seeded from ../shared/corpus,
# data/ and a small store; fails on the first finding. The input that failed is kept as
# build-fuzz/findings/<target>-crash-*; replay it with `build-fuzz/tests/fuzz/<target> FILE`.
#
#   tests/fuzz/run.sh            # what .ci/run does: 25 s per target
#   tests/fuzz/run.sh 600        # the long run: 10 minutes per target
#   tests/fuzz/run.sh 60 fuzz_query fuzz_corpus_reader   # some targets only
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-25}
shift || true
shared=${NEWSGRAPH_SHARED_DIR:-../shared}
build=build-fuzz
targets=("$@")
((${#targets[@]})) || targets=(fuzz_corpus_reader fuzz_text_hygiene fuzz_boilerplate fuzz_query
                               fuzz_data_loaders fuzz_store_open fuzz_extract)

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DNEWSGRAPH_FUZZ=ON -DNEWSGRAPH_BUILD_TESTS=OFF -DNEWSGRAPH_BUILD_BENCH=OFF \
  ${NEWSGRAPH_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" --target fuzzers -j "$(nproc)" >/dev/null

# Seeds: every target starts from real inputs (a first byte that picks the kind of input
# or the data file, where the target reads one).
seeds=$build/seeds
rm -rf "$seeds"
/usr/bin/python3 - "$shared/corpus" data "$seeds" <<'PY'
import os, sys, json, glob
corpus, data, seeds = sys.argv[1:4]
def put(target, name, content):
    os.makedirs(os.path.join(seeds, target), exist_ok=True)
    with open(os.path.join(seeds, target, name), "wb") as f:
        f.write(content)
texts = sorted(glob.glob(os.path.join(corpus, "*", "*.txt")))
for i, path in enumerate(texts):
    text = open(path, "rb").read()
    for target in ("fuzz_text_hygiene", "fuzz_boilerplate", "fuzz_extract"):
        put(target, "%03d" % i, text)
    put("fuzz_corpus_reader", "%03d.txt" % i, b"\x03" + text)
    record = json.dumps({"id": os.path.basename(path), "text": text.decode("utf-8", "replace")})
    put("fuzz_corpus_reader", "%03d.jsonl" % i, b"\x01" + record.encode() + b"\n" + record.encode())
files = ["ontology.json", "relations.json", "boilerplate.json", "abbreviations.txt",
         "lexicons/people.tsv", "lexicons/states.tsv", "lexicons/titles.tsv",
         "lexicons/organizations.tsv"]
for i, name in enumerate(files):
    put("fuzz_data_loaders", "%02d" % i, bytes([i]) + open(os.path.join(data, name), "rb").read())
for i, q in enumerate(["Russia -[HOSTS|MEETS]-> ?x", "?x -[SANCTIONS]-> Taliban", "?a -[MEETS]- ?b",
                       "Russia <-[!RECOGNIZES]- ?x", "\"Sergey Lavrov\" --> ?y", "?x -[CO_OCCURS]- ?x"]):
    put("fuzz_query", "%02d" % i, q.encode())
PY
mkdir -p "$seeds/fuzz_store_open"
if [ -x build/newsgraph ]; then
  build/newsgraph -q build "$shared/corpus/seeds" -o "$seeds/fuzz_store_open/seeds.db" --no-progress 2>/dev/null || true
fi

mkdir -p "$build/findings"
failed=0
for target in "${targets[@]}"; do
  dict=()
  case $target in
    fuzz_corpus_reader | fuzz_data_loaders) dict=(-dict=tests/fuzz/json.dict) ;;
    fuzz_query) dict=(-dict=tests/fuzz/query.dict) ;;
  esac
  work=$build/corpus/$target
  mkdir -p "$work"
  log=$build/findings/$target.log
  if ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
     "$build/tests/fuzz/$target" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2560 \
       -max_len=65536 -print_final_stats=1 "${dict[@]}" \
       -artifact_prefix="$build/findings/$target-" "$work" "$seeds/$target" >"$log" 2>&1; then
    stats=$(grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$log" | tr '\n' ' ')
    cov=$(grep -E '^#[0-9]+.*(DONE|INITED)' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[^ ]+' || true)
    echo "fuzz: $target ok (${seconds} s; $cov; $stats)"
  else
    echo "fuzz: $target FAILED; log $log, input $build/findings/$target-*" >&2
    grep -E 'ERROR|runtime error|SUMMARY|==[0-9]+==' "$log" | head -20 >&2 || true
    failed=1
  fi
done
exit $failed
