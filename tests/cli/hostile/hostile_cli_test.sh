#!/usr/bin/env bash
# Hostile and unlucky use of the built binary, run by ctest: hostile_cli_test.sh NEWSGRAPH WORKDIR CASE
set -euo pipefail
ng=$1
work=$2
case_=$3
shared="$(cd "$(dirname "$0")/../../../.." && pwd)/shared"
seeds=$shared/corpus/seeds
schemas=$shared/schemas
python=/usr/bin/python3
rm -rf "$work"
mkdir -p "$work"
cd "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }

case "$case_" in
  hostile-text)  # every format of a corpus full of hostile text loads in its reader
    "$python" - > hostile.jsonl <<'PY'
import json
evil = "\ufffe\uffff\u0000\u001f\u001e\u001b[2J\u0007\u009b31m<&\">"
print(json.dumps({"id": "doc" + evil, "date": "2023-09-29",
                  "text": "Russia" + evil + " hosted Taliban" + evil + " leaders in Kazan. "
                          "Sergey Lavrov met Taliban officials in Moscow" + evil + "."}))
print('{"id": "deep", "text": "Kabul.", "x": ' + "[" * 200000 + "]" * 200000 + "}")
print('{"id": "unclosed", "x": ' + "{\"a\":" * 100000)
PY
    "$ng" build hostile.jsonl "$seeds" -o h.db --no-progress 2> build.err && fail "a malformed record went unreported"
    grep -q "hostile.jsonl:3: malformed JSONL record" build.err || fail "no message for line 3"
    "$ng" export h.db -o h.graphml
    xmllint --nonet --noout --schema "$schemas/graphml/graphml.xsd" h.graphml 2>/dev/null || fail "GraphML"
    "$python" -c 'import networkx as nx; g = nx.read_graphml("h.graphml"); assert g.number_of_nodes() > 3'
    "$ng" export h.db -o h.gexf
    xmllint --nonet --noout --relaxng "$schemas/gexf/1.3/gexf.rng" h.gexf 2>/dev/null || fail "GEXF"
    "$ng" export h.db --format dot | dot -Tsvg > /dev/null || fail "dot"
    "$ng" export h.db -o h.json
    "$python" -c 'import json, networkx as nx; nx.node_link_graph(json.load(open("h.json")))'
    "$ng" export h.db -o h.csv --csv-safe
    "$python" -c 'import csv; rows = list(csv.DictReader(open("h_relationships.csv", newline=""))); assert rows'
    "$ng" query h.db --neighbors Russia --evidence > q.txt
    grep -q Kazan q.txt || fail "no evidence printed"
    ! LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' q.txt || fail "control characters on the terminal"
    sqlite3 h.db "SELECT id FROM documents" | LC_ALL=C grep -qP '[\x1e\x1f]' && fail "separator in an id"
    echo "hostile-text ok"
    ;;
  limits)  # too large documents are skipped with file and line; the rest is built
    "$python" -c 'print("Russia hosted the Taliban. " * 80000)' > big.txt
    cp "$seeds"/000_*.txt small.txt
    "$ng" build big.txt small.txt -o l.graphml --max-document-mb 1 2> err.txt && fail "exit 0"
    grep -q "big.txt: document larger than 1 MiB (--max-document-mb), skipped" err.txt || fail "message"
    grep -q "1 documents extracted" err.txt || fail "small.txt not built"
    echo "limits ok"
    ;;
  gzip-bomb)  # a bomb made here stops at the inflate bound, in bounded memory
    "$python" -c '
import gzip
with gzip.open("bomb.jsonl.gz", "wb", 9) as f:
    block = b" " * (1 << 20)
    for _ in range(1024): f.write(block)'
    cp "$seeds"/000_*.txt small.txt
    /usr/bin/time -f "peak %M KB" "$ng" build bomb.jsonl.gz small.txt -o b.graphml 2> err.txt && fail "exit 0"
    grep -q "decompression bomb" err.txt || fail "no bomb message"
    peak=$(sed -n 's/^peak \([0-9]*\) KB$/\1/p' err.txt)
    [ "$peak" -lt 1000000 ] || fail "peak RSS $peak KB"
    echo "gzip-bomb ok (peak RSS $peak KB)"
    ;;
  jobs)  # -j far past the machine is capped with a message, not an abort
    "$ng" build "$seeds" -o j.graphml -j 100000 2> err.txt
    grep -q -- "-j 100000: this machine runs at most" err.txt || fail "no cap message"
    echo "jobs ok"
    ;;
  options)  # invalid filter values get their own message
    "$ng" -q build "$seeds" -o o.db
    for bad in "--since banana" "--until 2023-13-45" "--min-weight nan" "--min-weight -1"; do
      # shellcheck disable=SC2086
      "$ng" query o.db --neighbors Lavrov $bad 2> err.txt && fail "$bad accepted"
      grep -qE "not a (date|weight)" err.txt || fail "$bad: $(cat err.txt)"
    done
    "$ng" query o.db --neighbors Lavrov --since 2024-01-01 --until 2023-01-01 2> err.txt && fail "empty range"
    grep -q "the range is empty" err.txt || fail "empty range message"
    "$ng" query o.db 'Erdoğan -[NOPE]-> ?x' 2> err.txt && fail "bad relation accepted"
    grep -q "column 11" err.txt || fail "column by characters: $(cat err.txt)"
    grep -qx "            ^" err.txt || fail "caret by characters: $(cat err.txt)"
    echo "options ok"
    ;;
  stale-temp)  # the temporary file of a killed export is removed by the next one
    "$ng" -q build "$seeds" -o s.db
    sh -c 'exit 0' & dead=$!
    wait $dead
    echo partial > s.graphml.tmp.$dead
    "$ng" export s.db -o s.graphml 2> err.txt
    [ ! -e s.graphml.tmp.$dead ] || fail "stale temporary file left"
    grep -q "removed .*s.graphml.tmp.$dead" err.txt || fail "not reported"
    echo "stale-temp ok"
    ;;
  zeroed-page)  # a zeroed page of the aliases table is reported by read commands
    "$ng" -q build "$seeds" -o z.db
    # A leaf page of the table when it has several, else its only page.
    page=$(sqlite3 z.db "SELECT coalesce((SELECT max(pageno) FROM dbstat WHERE name = 'aliases' AND pagetype = 'leaf'), (SELECT rootpage FROM sqlite_master WHERE name = 'aliases'))")
    size=$(sqlite3 z.db "PRAGMA page_size")
    dd if=/dev/zero of=z.db bs="$size" seek=$((page - 1)) count=1 conv=notrunc 2>/dev/null
    "$ng" export z.db -o z.graphml 2> err.txt && fail "exit 0 on a damaged store"
    grep -q "corrupted" err.txt || fail "message: $(cat err.txt)"
    [ ! -e z.graphml ] || fail "output written"
    echo "zeroed-page ok"
    ;;
  fifo)  # a named pipe without a writer does not hold up Ctrl-C
    mkfifo pipe.txt
    "$ng" build pipe.txt -o f.graphml --no-progress 2> err.txt & pid=$!
    sleep 1
    kill -INT $pid
    for _ in $(seq 1 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
    kill -0 $pid 2>/dev/null && { kill -9 $pid; fail "still running 5 s after Ctrl-C"; }
    rc=0; wait $pid || rc=$?
    [ "$rc" = 130 ] || fail "exit status $rc"
    echo "fifo ok"
    ;;
  *) fail "unknown case $case_" ;;
esac
