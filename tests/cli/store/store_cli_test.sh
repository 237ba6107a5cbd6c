#!/usr/bin/env bash
# Multi-step checks of the store commands, run by ctest: store_cli_test.sh NEWSGRAPH WORKDIR CASE
set -euo pipefail
ng=$1
work=$2
case_=$3
seeds="$(cd "$(dirname "$0")/../../../.." && pwd)/shared/corpus/seeds"
python=/usr/bin/python3
mkdir -p "$work"
cd "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }

case "$case_" in
  shards)  # two shards merged (in either order) export byte-identically to one build
    "$ng" -q build --force "$seeds" -o one.db
    "$ng" -q build --force "$seeds" --shard 1/2 -o s1.db
    "$ng" -q build --force "$seeds" --shard 2/2 -o s2.db
    "$ng" -q merge s2.db s1.db -o merged.db
    "$ng" -q merge s1.db s2.db -o merged2.db
    for format in graphml dot gexf json; do
      "$ng" export one.db --format "$format" -o "one.$format"
      "$ng" export merged.db --format "$format" -o "merged.$format"
      "$ng" export merged2.db --format "$format" -o "merged2.$format"
      cmp "one.$format" "merged.$format" || fail "$format differs after merge"
      cmp "one.$format" "merged2.$format" || fail "$format differs after merge in the other order"
    done
    "$ng" -q build --force "$seeds" -o direct.graphml
    cmp direct.graphml one.graphml || fail "store export differs from the direct build"
    echo "shards ok"
    ;;
  add-unchanged)  # adding documents already present changes nothing
    "$ng" -q build --force "$seeds" -o unchanged.db
    sqlite3 unchanged.db .dump > before.sql
    "$ng" add unchanged.db "$seeds" 2> add.log
    grep -q "0 documents added, 0 replaced, 5 unchanged" add.log || fail "$(cat add.log)"
    sqlite3 unchanged.db .dump > after.sql
    cmp before.sql after.sql || fail "the store changed"
    echo "add-unchanged ok"
    ;;
  kill9)  # kill -9 in the middle of a large add leaves the store as it was
    "$ng" -q build --force "$seeds" -o killed.db
    sqlite3 killed.db .dump > before.sql
    "$python" - "$seeds" > bulk.jsonl <<'PY'
import json, os, sys
texts = [open(os.path.join(sys.argv[1], f), encoding="utf-8").read() for f in sorted(os.listdir(sys.argv[1]))]
for i in range(3000):
    print(json.dumps({"id": "bulk_%05d" % i, "date": "2024-01-%02d" % (i % 28 + 1), "text": texts[i % len(texts)]}))
PY
    "$ng" -q add killed.db bulk.jsonl -j 1 &
    pid=$!
    # Wait until the uncommitted add has spilled pages from its cache into the write-ahead
    # log, check that readers still read meanwhile, then kill it.
    for _ in $(seq 1 6000); do
      [ -s killed.db-wal ] && [ "$(stat -c %s killed.db-wal)" -gt 100000 ] && break
      kill -0 "$pid" 2>/dev/null || fail "the add ended before it could be killed"
      sleep 0.005
    done
    [ -s killed.db-wal ] || fail "the add did not write its log in 30 s"
    timeout 20 "$ng" query killed.db --neighbors Lavrov > during.txt ||
      fail "query during the add failed or waited"
    grep -q Lavrov during.txt || fail "query during the add found nothing"
    kill -0 "$pid" 2>/dev/null || fail "the add ended before it could be killed"
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    [ "$(sqlite3 killed.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
    sqlite3 killed.db .dump > after.sql
    cmp before.sql after.sql || fail "the store changed"
    "$ng" export killed.db -o killed.graphml
    "$ng" -q build --force "$seeds" -o fresh.graphml
    cmp killed.graphml fresh.graphml || fail "export after the kill differs"
    echo "kill9 ok"
    ;;
  bad-files)  # each bad store gives one clear error line and exit status 1
    "$ng" -q build --force "$seeds" -o good.db
    check() {
      local file=$1 pattern=$2 out status=0
      out=$("$ng" export "$file" 2>&1 >/dev/null) || status=$?
      [ "$status" = 1 ] || fail "$file: exit status $status"
      echo "$out" | grep -q "^newsgraph: error: .*$pattern" || fail "$file: $out"
    }
    echo "not a database" > text.db
    check text.db "not a newsgraph store (not an SQLite database)"
    rm -f foreign.db && sqlite3 foreign.db "CREATE TABLE t(x)"
    check foreign.db "not a newsgraph store (an SQLite database of another application)"
    cp good.db future.db && sqlite3 future.db "PRAGMA user_version=7"
    check future.db "store schema version 7 is newer than this newsgraph supports"
    size=$(stat -c %s good.db)
    head -c $((size / 2)) good.db > truncated.db
    check truncated.db "the store is truncated"
    cp good.db corrupt.db
    "$python" -c "
import sys
with open('corrupt.db', 'r+b') as f:
    f.seek(4096); f.write(b'\x5a' * ($size - 4096))"
    check corrupt.db "corrupt"
    check missing.db "no such file"
    echo "bad-files ok"
    ;;
  identity)  # nested folders keep every document; build never replaces a store silently
    rm -rf news ./*.db
    mkdir -p news/day1 news/day2
    cp "$seeds/000_c20c7cfb17df6241.txt" news/day1/article1.txt
    cp "$seeds/001_14605752f0ba447f.txt" news/day2/article1.txt
    "$ng" -q build news -o nested.db
    [ "$(sqlite3 nested.db 'SELECT group_concat(name, " ") FROM (SELECT name FROM documents ORDER BY name)')" = \
      "day1/article1.txt day2/article1.txt" ] || fail "nested documents lost"
    # The same ids from two inputs: an error naming both files, the first one kept.
    if "$ng" build news/day1 news/day2 -o twice.db 2> twice.err; then fail "duplicate ids accepted"; fi
    grep -q "news/day2/article1.txt: document id 'article1.txt' is also the id of news/day1/article1.txt" \
      twice.err || fail "duplicate message: $(cat twice.err)"
    [ "$(sqlite3 twice.db 'SELECT count(*) FROM documents')" = 1 ] || fail "duplicate replaced"
    # build over an existing store refuses and leaves it alone; --force replaces it.
    before=$(cksum < nested.db)
    if "$ng" build news/day1 -o nested.db 2> refused.err; then fail "overwrite accepted"; fi
    grep -q "^newsgraph: error: nested.db: already exists; use \`newsgraph add nested.db" refused.err ||
      fail "refusal message: $(cat refused.err)"
    [ "$(cksum < nested.db)" = "$before" ] || fail "the refused build changed the store"
    "$ng" build --force news/day1 -o nested.db 2> forced.err
    grep -q "nested.db: created, 1 documents" forced.err || fail "created message: $(cat forced.err)"
    "$ng" add nested.db news/day1 2> added.err
    grep -q "nested.db: 0 documents added, 0 replaced, 1 unchanged" added.err ||
      fail "added message: $(cat added.err)"
    echo "identity ok"
    ;;
  query-dot)  # a query answer as DOT renders in Graphviz
    "$ng" query seeds.db --path Kazakhstan Taliban --no-cooccurrence --dot | dot -Tsvg > path.svg
    grep -q "<svg" path.svg || fail "no svg"
    echo "query-dot ok"
    ;;
  *)
    fail "unknown case $case_"
    ;;
esac
