#!/usr/bin/env bash
# Store and export benchmark on a synthetic 100k-entity / 1M-relation graph, with networkx
# and igraph writing GraphML for the same graph in the same run.
#   bench/store_vs_networkx.sh [BUILD_DIR]       (default: build; needs bench/store_bench)
# Environment: NEWSGRAPH_BENCH_ENTITIES, NEWSGRAPH_BENCH_EDGES, NEWSGRAPH_BENCH_DIR.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
bench="$build/bench/store_bench"
[ -x "$bench" ] || { echo "store_vs_networkx.sh: build $bench first" >&2; exit 1; }
export NEWSGRAPH_BENCH_DIR="${NEWSGRAPH_BENCH_DIR:-/tmp/newsgraph_store_bench}"
mkdir -p "$NEWSGRAPH_BENCH_DIR"
out="$NEWSGRAPH_BENCH_DIR"

echo "== newsgraph (store_bench) =="
/usr/bin/time -v "$bench" --benchmark_format=json --benchmark_out="$out/store_bench.json" \
  --benchmark_out_format=json > /dev/null 2> "$out/store_bench.time"
peak=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2 / 1024}' "$out/store_bench.time")

# networkx and igraph build the same graph from the store (not timed), then write GraphML.
/usr/bin/python3 - "$out" "$peak" <<'PY'
import json, resource, sqlite3, sys, time
out, peak = sys.argv[1], sys.argv[2]
import networkx as nx
import igraph

runs = {b["name"]: b for b in json.load(open(f"{out}/store_bench.json"))["benchmarks"]}
def ms(name): return runs[name]["real_time"]  # the benchmarks report milliseconds

db = sqlite3.connect(f"{out}/synthetic.db")
US, RS = "\x1f", "\x1e"
entities = {}
for id_, key, name, type_, mentions, first, last, docs in db.execute(
        "SELECT id, key, name, type, mentions, first_seen, last_seen, documents FROM entities"):
    entities[id_] = dict(key=key, label=name, type=type_, mentions=mentions, documents=docs.replace(US, ";"),
                         first_seen=first, last_seen=last, aliases="")
for id_, alias in db.execute("SELECT entity_id, alias FROM aliases"):
    e = entities[id_]
    e["aliases"] = alias if not e["aliases"] else e["aliases"] + ";" + alias
edges = []
for s, o, rel, neg, w, c, date, docs, ev in db.execute(
        "SELECT subject_id, object_id, relation, negated, weight, confidence, date, documents, evidence FROM relations"):
    edges.append((entities[s]["key"], entities[o]["key"], dict(
        relation=rel, label=rel.lower(), negated=bool(neg), weight=w, confidence=c,
        documents=docs.replace(US, ";"), date=date,
        evidence=" | ".join(item.split(US)[2] for item in ev.split(RS)))))

g = nx.MultiDiGraph()
g.add_nodes_from((e["key"], {k: v for k, v in e.items() if k != "key"}) for e in entities.values())
g.add_edges_from(edges)
t = time.perf_counter()
nx.write_graphml(g, f"{out}/networkx.graphml")
networkx_s = time.perf_counter() - t

index = {e["key"]: i for i, e in enumerate(entities.values())}
ig = igraph.Graph(directed=True)
ig.add_vertices(len(entities))
for attr in ("label", "type", "aliases", "mentions", "documents", "first_seen", "last_seen"):
    ig.vs[attr] = [e[attr] for e in entities.values()]
ig.add_edges([(index[s], index[o]) for s, o, _ in edges])
for attr in ("relation", "label", "negated", "weight", "confidence", "documents", "date", "evidence"):
    ig.es[attr] = [d[attr] for _, _, d in edges]
t = time.perf_counter()
ig.write_graphml(f"{out}/igraph.graphml")
igraph_s = time.perf_counter() - t
python_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

def counter(name, key): return runs[name][key]
graphml_s = ms("BM_Export/graphml/iterations:1") / 1000
print(f"graph: {len(entities)} entities, {len(edges)} relations")
print(f"store write           {ms('BM_StoreWrite/iterations:1') / 1000:8.2f} s   ({counter('BM_StoreWrite/iterations:1', 'MB'):.0f} MB)")
print(f"store load            {ms('BM_StoreLoad/iterations:3') / 1000:8.2f} s   (target <= 1 s)")
for q in ("Neighbors", "Pattern"):
    n = f"BM_Query{q}/iterations:1"
    print(f"{q.lower():9} query p50 {counter(n, 'p50_us') / 1000:8.3f} ms  p99 {counter(n, 'p99_us') / 1000:.3f} ms  (target p99 <= 10 ms)")
for f in ("graphml", "dot", "gexf", "json", "csv"):
    n = f"BM_Export/{f}/iterations:1"
    print(f"export {f:8}       {ms(n) / 1000:8.2f} s   {counter(n, 'MB') / (ms(n) / 1000):7.1f} MB/s  {counter(n, 'edges_per_s') / 1e6:.2f} M edges/s")
print(f"networkx write_graphml {networkx_s:7.2f} s   newsgraph is {networkx_s / graphml_s:.1f}x faster (target >= 10x)")
print(f"igraph write_graphml   {igraph_s:7.2f} s   newsgraph is {igraph_s / graphml_s:.1f}x faster (target >= 1x)")
print(f"peak RSS: store_bench {peak} MB, python (networkx + igraph) {python_peak:.0f} MB")
PY
