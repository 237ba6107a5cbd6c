#!/usr/bin/env bash
# Compares our CoNLL-2003 tagger with Apache OpenNLP's name finder (Debian package opennlp),
# both trained on the same CoNLL-2003 train file, in one run: test F1 and single-thread
# tagging speed. OpenNLP's model is cached outside the repository and never committed.
#
#   bench/ner_vs_opennlp.sh [NEWSGRAPH_BINARY]
#
# OpenNLP's speed: time(TokenNameFinder on the whole tokenised test text) minus
# time(TokenNameFinder on one sentence), which removes JVM start-up and model loading.
# Ours: eval-ner --json's tokens_per_second (features + decoding, model load excluded; median
# of repeated passes over the test set).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
newsgraph="${1:-$here/build/newsgraph}"
conll="${CONLL_DIR:-$here/../shared/data/conll2003}"
cache="${NEWSGRAPH_CACHE:-$HOME/.cache/newsgraph}"
model="$cache/opennlp-en-ner-conll03.bin"
mkdir -p "$cache"

command -v opennlp >/dev/null || { echo "opennlp not found: apt-get install opennlp" >&2; exit 1; }
[ -x "$newsgraph" ] || { echo "newsgraph binary not found: $newsgraph" >&2; exit 1; }

if [ ! -s "$model" ]; then
  echo "training OpenNLP on $conll/train.txt (cached in $model) ..." >&2
  opennlp TokenNameFinderTrainer.conll03 -lang eng -types per,loc,org,misc \
    -data "$conll/train.txt" -model "$model.tmp" >"$cache/opennlp-train.log" 2>&1
  mv "$model.tmp" "$model"
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Tokenised test text: one sentence a line; an empty line at each document start resets
# OpenNLP's document-level (adaptive) features.
awk 'BEGIN { s = "" }
     $1 == "-DOCSTART-" { if (s != "") { print s; s = "" } print ""; next }
     NF == 0 { if (s != "") { print s; s = "" } next }
     { s = (s == "" ? $1 : s " " $1) }
     END { if (s != "") print s }' "$conll/test.txt" >"$work/test.tok"
grep -m1 -v '^$' "$work/test.tok" >"$work/one.tok"
tokens=$(awk '{ n += NF } END { print n }' "$work/test.tok")

seconds() {  # best of 3 wall-clock runs of: opennlp TokenNameFinder MODEL < $1
  local best=""
  for _ in 1 2 3; do
    local t0 t1
    t0=$(date +%s.%N)
    opennlp TokenNameFinder "$model" <"$1" >/dev/null 2>&1
    t1=$(date +%s.%N)
    best=$(awk -v a="$t0" -v b="$t1" -v best="$best" \
      'BEGIN { d = b - a; if (best == "" || d < best) best = d; print best }')
  done
  echo "$best"
}

onlp_f1=$(opennlp TokenNameFinderEvaluator.conll03 -model "$model" -lang eng \
  -types per,loc,org,misc -data "$conll/test.txt" 2>&1 |
  awk '/TOTAL:/ { for (i = 1; i <= NF; ++i) if ($i == "F1:") f = $(i + 1) }
       END { sub(/%.*/, "", f); printf "%.2f", f }')
full=$(seconds "$work/test.tok")
one=$(seconds "$work/one.tok")
onlp_speed=$(awk -v n="$tokens" -v f="$full" -v o="$one" 'BEGIN { printf "%.0f", n / (f - o) }')
# Cross-check: OpenNLP's own "Runtime:" line (its processing time without start-up).
onlp_runtime=$(opennlp TokenNameFinder "$model" <"$work/test.tok" 2>&1 >/dev/null |
  awk '/^Runtime:/ { sub(/s$/, "", $2); print $2 }')

ours_json=$("$newsgraph" eval-ner "$conll/test.txt" --json)
ours_f1=$(echo "$ours_json" | sed -E 's/^\{"overall": \{[^}]*"f1": ([0-9.]+).*/\1/')
ours_speed=$(echo "$ours_json" | sed -E 's/.*"tokens_per_second": ([0-9.]+).*/\1/')

printf '%-28s %12s %12s %10s\n' "CoNLL-2003 test" "newsgraph" "OpenNLP" "ratio"
printf '%-28s %12.2f %12.2f %+10.2f\n' "F1 (conlleval, %)" "$ours_f1" "$onlp_f1" \
  "$(awk -v a="$ours_f1" -v b="$onlp_f1" 'BEGIN { print a - b }')"
printf '%-28s %12.0f %12.0f %9.1fx\n' "tagging tokens/s (1 thread)" "$ours_speed" "$onlp_speed" \
  "$(awk -v a="$ours_speed" -v b="$onlp_speed" 'BEGIN { print a / b }')"
echo "(OpenNLP: $tokens tokens in ${full}s minus one sentence in ${one}s, best of 3 each;"
echo " its own Runtime line says ${onlp_runtime}s = $(awk -v n="$tokens" -v r="$onlp_runtime" \
  'BEGIN { if (r > 0) printf "%.0f", n / r }') tokens/s; F1 difference in points)"
