// newsgraph view: the page's script. `newsgraph view` inlines it after d3 version 3 (Debian's
// libjs-d3) and the graph data (#newsgraph-data). A force layout on a canvas, search with
// completion, filters, a date range that re-weights edges from their dated evidence, the
// relations of a node, the evidence of an edge, a legend, and the view state in the URL
// fragment. Everything from the data goes into the page as text nodes, never as markup.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("newsgraph-data").textContent);
  var CO_OCCURS = "CO_OCCURS";
  var TYPE_STYLES = {
    PERSON: {shape: "circle", color: "#f28e2b"},
    ORG: {shape: "square", color: "#4e79a7"},
    GPE: {shape: "hexagon", color: "#59a14f"},
    LOC: {shape: "triangle", color: "#a0cbe8"},
    EVENT: {shape: "diamond", color: "#e15759"},
    FAC: {shape: "pentagon", color: "#b07aa1"}
  };
  // Cooperation in greens and blues, conflict in reds and oranges, structure in browns and
  // purples; co-occurrence grey.
  var RELATION_COLORS = {
    HOLDS_POSITION: "#6a3d9a", PART_OF: "#9e9ac8", MEMBER_OF: "#807dba", LOCATED_IN: "#8c6d31",
    BORDERS: "#bd9e39", CONTROLS: "#7f3b08", ALLIED_WITH: "#1b7837", MEETS: "#1f78b4",
    HOSTS: "#33a02c", VISITS: "#6baed6", COOPERATES_WITH: "#41ab5d", PROVIDES_AID: "#78c679",
    INVITES: "#41b6c4", RECOGNIZES: "#08519c", REMOVES_DESIGNATION: "#9ecae1",
    APPEALS_TO: "#fdae61", CRITICIZES: "#ff7f00", OPPOSES: "#f768a1", SANCTIONS: "#e31a1c",
    DESIGNATES_TERRORIST: "#67000d", FIGHTS: "#a50f15", WITHDRAWS_FROM: "#737373",
    CO_OCCURS: "#c7c7c7"
  };
  var SPARE_COLORS = ["#17becf", "#bcbd22", "#8c564b", "#e377c2", "#7f7f7f"];
  var MAX_LABELS = 150;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // ---- the model: nodes, edges, and what the filters leave of them ----

  var dates = data.dates;
  var relations = data.relations.map(function (r, i) {
    return {name: r.name, label: r.label, symmetric: r.symmetric,
            color: RELATION_COLORS[r.name] || SPARE_COLORS[i % SPARE_COLORS.length]};
  });
  var nodes = data.nodes.map(function (n) {
    return {id: n.id, label: n.label, type: data.types[n.type], aliases: n.aliases,
            mentions: n.mentions, documents: n.documents, first: n.first, last: n.last,
            radius: Math.min(22, 3 + 1.2 * Math.sqrt(n.mentions)),
            names: [fold(n.label)].concat(n.aliases.map(fold)), edges: [], degree: 0};
  });
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  var edges = data.edges.map(function (e, i) {
    var edge = {index: i, source: nodes[e.s], target: nodes[e.t], relation: relations[e.r],
                negated: e.negated, modality: e.modality || "asserted", weight: e.weight,
                confidence: e.confidence, documents: e.documents, date: e.date, shown: e.weight,
                evidence: e.evidence.map(function (x) {
                  return {document: x[0] >= 0 ? data.documents[x[0]] : "", date: x[1],
                          sentence: data.sentences[x[2]]};
                })};
    edge.source.edges.push(edge);
    edge.target.edges.push(edge);
    edge.key = edge.source.id + ">" + (edge.negated ? "!" : "") + edge.relation.name +
               (edge.modality !== "asserted" ? "~" + edge.modality : "") + ">" + edge.target.id;
    return edge;
  });
  // Edges by "subject>RELATION>object" ("!RELATION" when negated, "RELATION~planned" when
  // not asserted): a permalink names an edge so, and still finds it in a page made later
  // from a larger graph.
  var edgeByKey = {};
  edges.forEach(function (e) { edgeByKey[e.key] = e; });
  var hasTyped = relations.some(function (r) { return r.name !== CO_OCCURS; });

  function defaults() {
    var relationsOn = {};
    relations.forEach(function (r) { relationsOn[r.name] = r.name !== CO_OCCURS || !hasTyped; });
    var typesOn = {};
    data.types.forEach(function (t) { typesOn[t] = true; });
    return {shown: Math.min(data.start, nodes.length) || 1, minWeight: 1, from: 0,
            to: Math.max(0, dates.length - 1), types: typesOn, relations: relationsOn,
            expanded: [], selected: "", query: "", zoom: null};
  }
  var state = defaults();

  function fullRange() { return state.from <= 0 && state.to >= dates.length - 1; }

  // The weight an edge has in the date range: all its evidence over the full range, else the
  // sentences dated inside the range (undated ones drop out).
  function weightInRange(e) {
    if (fullRange()) return e.weight;
    var w = 0;
    e.evidence.forEach(function (x) { if (x.date >= state.from && x.date <= state.to) w++; });
    return w;
  }

  var active = [], shownNodes = [], shownEdges = [], isShown = {};

  function recompute() {
    active = edges.filter(function (e) {
      e.active = false;
      if (!state.types[e.source.type] || !state.types[e.target.type]) return false;
      if (!state.relations[e.relation.name]) return false;
      e.shown = weightInRange(e);
      e.active = e.shown > 0 && e.shown >= state.minWeight;
      return e.active;
    });
    nodes.forEach(function (n) { n.degree = 0; });
    active.forEach(function (e) { e.source.degree++; e.target.degree++; });
    var ranked = nodes.filter(function (n) { return state.types[n.type] && n.degree > 0; });
    if (!ranked.length) ranked = nodes.filter(function (n) { return state.types[n.type]; });
    ranked.sort(function (a, b) {
      return b.degree - a.degree || b.mentions - a.mentions || (a.id < b.id ? -1 : 1);
    });
    isShown = {};
    ranked.slice(0, state.shown).forEach(function (n) { isShown[n.id] = true; });
    state.expanded.forEach(function (id) {
      if (!byId[id]) return;
      isShown[id] = true;
      activeEdgesOf(byId[id]).forEach(function (e) {
        isShown[e.source.id] = true;
        isShown[e.target.id] = true;
      });
    });
    var selected = selectedItem();
    if (selected && selected.kind === "node") isShown[selected.node.id] = true;
    if (selected && selected.kind === "edge") {
      isShown[selected.edge.source.id] = true;
      isShown[selected.edge.target.id] = true;
    }
    shownNodes = nodes.filter(function (n) { return isShown[n.id]; });
    shownEdges = active.filter(function (e) { return isShown[e.source.id] && isShown[e.target.id]; });
    if (selected && selected.kind === "edge" && shownEdges.indexOf(selected.edge) < 0)
      shownEdges.push(selected.edge);
    // Parallel edges of one pair are drawn side by side.
    var pairs = {};
    shownEdges.forEach(function (e) {
      var key = e.source.id < e.target.id ? e.source.id + "\u0000" + e.target.id
                                          : e.target.id + "\u0000" + e.source.id;
      (pairs[key] = pairs[key] || []).push(e);
    });
    links = [];
    Object.keys(pairs).forEach(function (key) {
      var group = pairs[key];
      group.forEach(function (e, k) { e.lane = k - (group.length - 1) / 2; });
      links.push({source: group[0].source, target: group[0].target});
    });
  }

  function activeEdgesOf(n) {
    return n.edges.filter(function (e) { return e.active; });
  }

  function selectedItem() {
    var s = state.selected;
    if (s.slice(0, 2) === "n:" && byId[s.slice(2)]) return {kind: "node", node: byId[s.slice(2)]};
    if (s.slice(0, 2) === "e:" && edgeByKey[s.slice(2)]) return {kind: "edge", edge: edgeByKey[s.slice(2)]};
    return null;
  }

  // ---- the layout ----

  var canvas = document.getElementById("graph");
  var context = canvas.getContext("2d");
  var width = 0, height = 0, ratio = window.devicePixelRatio || 1;
  var links = [];
  var transform = {x: 0, y: 0, k: 1};
  var force = d3.layout.force()
      .charge(function (n) { return -60 - 8 * n.radius; })
      .linkDistance(function (l) { return 24 + l.source.radius + l.target.radius; })
      .linkStrength(0.6).gravity(0.05).friction(0.85).theta(0.9)
      .on("tick", requestDraw)
      .on("end", function () { if (!userZoomed) { fit(); draw(); } });
  var userZoomed = false;  // once the reader pans or zooms, the view stays where they put it

  function resize() {
    width = canvas.clientWidth || 800;
    height = canvas.clientHeight || 600;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    force.size([width, height]);
  }

  // New nodes start beside a placed neighbour, else on a spiral by rank: the layout is the
  // same on every load.
  function place() {
    var k = 0;
    shownNodes.forEach(function (n) {
      if (n.x !== undefined) return;
      var anchor = null;
      n.edges.forEach(function (e) {
        var other = e.source === n ? e.target : e.source;
        if (!anchor && other.x !== undefined && isShown[other.id]) anchor = other;
      });
      var angle = 2.39996 * (k + 1), distance = anchor ? 30 : 14 * Math.sqrt(k + 1);
      var cx = anchor ? anchor.x : width / 2, cy = anchor ? anchor.y : height / 2;
      n.x = n.px = cx + distance * Math.cos(angle);
      n.y = n.py = cy + distance * Math.sin(angle);
      k++;
    });
  }

  function relayout(warm) {
    force.stop();
    place();
    force.nodes(shownNodes).links(links).start();
    // Most of the settling happens before the first frame; the rest is animated.
    var ticks = warm ? Math.max(20, Math.min(300, Math.round(3e5 / (shownNodes.length + links.length + 1)))) : 0;
    for (var i = 0; i < ticks; i++) force.tick();
    if (!warm) force.alpha(0.05);
  }

  // ---- drawing ----

  function shapePath(shape, x, y, r) {
    var i, a, sides = {triangle: 3, diamond: 4, pentagon: 5, hexagon: 6}[shape];
    if (shape === "circle") {
      context.moveTo(x + r, y);
      context.arc(x, y, r, 0, 2 * Math.PI);
    } else if (shape === "square") {
      context.rect(x - r * 0.88, y - r * 0.88, r * 1.76, r * 1.76);
    } else {
      for (i = 0; i < sides; i++) {
        a = -Math.PI / 2 + 2 * Math.PI * i / sides;
        if (i === 0) context.moveTo(x + r * Math.cos(a), y + r * Math.sin(a));
        else context.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
      }
      context.closePath();
    }
  }

  function dashFor(e) {
    var unit = 1 / transform.k;
    if (e.negated) return [6 * unit, 4 * unit];
    if (e.modality !== "asserted") return [1.5 * unit, 3 * unit];
    return [];
  }

  function widthFor(e) { return (0.6 + Math.log(1 + e.shown) * 0.9) / transform.k; }

  // The segment of an edge, moved sideways by its lane among parallel edges.
  function segment(e) {
    var dx = e.target.x - e.source.x, dy = e.target.y - e.source.y;
    var length = Math.sqrt(dx * dx + dy * dy) || 1;
    var off = e.lane * 3 / transform.k;
    var ox = -dy / length * off, oy = dx / length * off;
    return {x1: e.source.x + ox, y1: e.source.y + oy, x2: e.target.x + ox, y2: e.target.y + oy,
            ux: dx / length, uy: dy / length};
  }

  var drawPending = false;
  function requestDraw() {
    if (drawPending) return;
    drawPending = true;
    window.requestAnimationFrame(function () { drawPending = false; draw(); });
  }

  function draw() {
    var selected = selectedItem();
    var focus = null;  // the selected node and its neighbours stay bright
    if (selected && selected.kind === "node") {
      focus = {};
      focus[selected.node.id] = true;
      activeEdgesOf(selected.node).forEach(function (e) {
        focus[e.source.id] = true;
        focus[e.target.id] = true;
      });
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    context.translate(transform.x, transform.y);
    context.scale(transform.k, transform.k);
    var arrows = shownEdges.length < 4000 || transform.k > 1;
    shownEdges.forEach(function (e) {
      var s = segment(e);
      var lit = !focus || (focus[e.source.id] && focus[e.target.id] &&
                           (e.source === selected.node || e.target === selected.node));
      var chosen = selected && selected.kind === "edge" && selected.edge === e;
      context.globalAlpha = chosen || lit ? (e.modality !== "asserted" ? 0.75 : 0.9) : 0.12;
      context.strokeStyle = e.relation.color;
      context.lineWidth = widthFor(e) * (chosen ? 2.5 : 1);
      context.setLineDash(dashFor(e));
      context.beginPath();
      context.moveTo(s.x1, s.y1);
      context.lineTo(s.x2, s.y2);
      context.stroke();
      if (arrows && !e.relation.symmetric) {
        var size = 5 / transform.k + context.lineWidth;
        var tipX = s.x2 - s.ux * e.target.radius, tipY = s.y2 - s.uy * e.target.radius;
        context.setLineDash([]);
        context.fillStyle = e.relation.color;
        context.beginPath();
        context.moveTo(tipX, tipY);
        context.lineTo(tipX - s.ux * size - s.uy * size * 0.5, tipY - s.uy * size + s.ux * size * 0.5);
        context.lineTo(tipX - s.ux * size + s.uy * size * 0.5, tipY - s.uy * size - s.ux * size * 0.5);
        context.closePath();
        context.fill();
      }
    });
    context.setLineDash([]);
    data.types.forEach(function (type) {
      var style = TYPE_STYLES[type];
      [true, false].forEach(function (bright) {
        context.beginPath();
        var any = false;
        shownNodes.forEach(function (n) {
          if (n.type !== type || (!focus || !!focus[n.id]) !== bright) return;
          shapePath(style.shape, n.x, n.y, n.radius);
          any = true;
        });
        if (!any) return;
        context.globalAlpha = bright ? 1 : 0.25;
        context.fillStyle = style.color;
        context.fill();
        context.lineWidth = 1 / transform.k;
        context.strokeStyle = "#fff";
        context.stroke();
      });
    });
    context.globalAlpha = 1;
    if (selected) {
      var ring = selected.kind === "node" ? [selected.node] : [selected.edge.source, selected.edge.target];
      context.beginPath();
      ring.forEach(function (n) { shapePath(TYPE_STYLES[n.type].shape, n.x, n.y, n.radius + 2 / transform.k); });
      context.lineWidth = 2.5 / transform.k;
      context.strokeStyle = "#111";
      context.stroke();
    }
    drawLabels(focus);
    document.body.setAttribute("data-drawn-nodes", String(shownNodes.length));
    document.body.setAttribute("data-drawn-edges", String(shownEdges.length));
  }

  function drawLabels(focus) {
    var candidates = shownNodes.filter(function (n) {
      return focus ? focus[n.id] : n.radius * transform.k >= 5 || shownNodes.length <= MAX_LABELS;
    });
    candidates.sort(function (a, b) { return b.degree - a.degree || b.mentions - a.mentions; });
    context.font = 11 / transform.k + "px system-ui, sans-serif";
    context.textAlign = "center";
    context.textBaseline = "top";
    context.lineJoin = "round";
    // Greedy, in rank order: a label that would overlap one already drawn is left out.
    var placed = [], pad = 2 / transform.k, lineHeight = 12 / transform.k;
    candidates.slice(0, focus ? 400 : MAX_LABELS).forEach(function (n) {
      var y = n.y + n.radius + 2 / transform.k;
      var half = context.measureText(n.label).width / 2 + pad;
      var box = {x0: n.x - half, x1: n.x + half, y0: y, y1: y + lineHeight};
      if (placed.some(function (b) { return b.x0 < box.x1 && box.x0 < b.x1 && b.y0 < box.y1 && box.y0 < b.y1; }))
        return;
      placed.push(box);
      context.lineWidth = 3 / transform.k;
      context.strokeStyle = "rgba(255,255,255,0.9)";
      context.strokeText(n.label, n.x, y);
      context.fillStyle = "#222";
      context.fillText(n.label, n.x, y);
    });
  }

  // ---- pointing: nodes first, then edges ----

  function toGraph(event) {
    var box = canvas.getBoundingClientRect();
    return {x: (event.clientX - box.left - transform.x) / transform.k,
            y: (event.clientY - box.top - transform.y) / transform.k};
  }

  function nodeAt(p) {
    var best = null, bestDistance = Infinity;
    shownNodes.forEach(function (n) {
      var d = Math.sqrt((n.x - p.x) * (n.x - p.x) + (n.y - p.y) * (n.y - p.y));
      if (d <= n.radius + 3 / transform.k && d < bestDistance) { best = n; bestDistance = d; }
    });
    return best;
  }

  function edgeAt(p) {
    var best = null, bestDistance = 5 / transform.k;
    shownEdges.forEach(function (e) {
      var s = segment(e), dx = s.x2 - s.x1, dy = s.y2 - s.y1;
      var t = Math.max(0, Math.min(1, ((p.x - s.x1) * dx + (p.y - s.y1) * dy) / (dx * dx + dy * dy || 1)));
      var x = s.x1 + t * dx - p.x, y = s.y1 + t * dy - p.y, d = Math.sqrt(x * x + y * y);
      if (d < bestDistance) { best = e; bestDistance = d; }
    });
    return best;
  }

  canvas.addEventListener("click", function (event) {
    var p = toGraph(event), n = nodeAt(p), e = n ? null : edgeAt(p);
    select(n ? "n:" + n.id : e ? "e:" + e.key : "");
  });
  canvas.addEventListener("mousemove", function (event) {
    var p = toGraph(event);
    canvas.style.cursor = nodeAt(p) || edgeAt(p) ? "pointer" : "grab";
  });

  var zoom = d3.behavior.zoom().scaleExtent([0.02, 12]).on("zoom", function () {
    transform = {x: d3.event.translate[0], y: d3.event.translate[1], k: d3.event.scale};
    userZoomed = true;
    requestDraw();
    savePermalink();
  });
  d3.select(canvas).call(zoom);

  function setTransform(t) {
    transform = t;
    zoom.translate([t.x, t.y]).scale(t.k);
  }

  function fit() {
    if (!shownNodes.length) return setTransform({x: 0, y: 0, k: 1});
    // The box of all but the outermost 2% on each side: small components pushed far out
    // would otherwise shrink the rest to a dot.
    var xs = shownNodes.map(function (n) { return n.x; }).sort(function (a, b) { return a - b; });
    var ys = shownNodes.map(function (n) { return n.y; }).sort(function (a, b) { return a - b; });
    var cut = shownNodes.length > 50 ? Math.floor(shownNodes.length * 0.02) : 0;
    var x0 = xs[cut] - 20, x1 = xs[xs.length - 1 - cut] + 20;
    var y0 = ys[cut] - 20, y1 = ys[ys.length - 1 - cut] + 30;
    var k = Math.min(4, 0.92 * Math.min(width / (x1 - x0 || 1), height / (y1 - y0 || 1)));
    setTransform({x: width / 2 - k * (x0 + x1) / 2, y: height / 2 - k * (y0 + y1) / 2, k: k});
  }

  function centreOn(n) {
    var k = Math.max(transform.k, 1);
    userZoomed = true;
    setTransform({x: width / 2 - k * n.x, y: height / 2 - k * n.y, k: k});
  }

  // ---- the side panel ----

  function element(tag, attributes, children) {
    var el = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { el.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }

  function link(text, onClick) {
    var a = element("a", {role: "button", tabindex: "0"}, [text]);
    a.addEventListener("click", onClick);
    a.addEventListener("keydown", function (event) { if (event.key === "Enter") onClick(); });
    return a;
  }

  function icon(draw) {
    var c = element("canvas", {width: 36, height: 16, "class": "swatch"});
    var g = c.getContext("2d");
    draw(g);
    return c;
  }

  function typeIcon(type) {
    return icon(function (g) {
      var saved = context;
      context = g;
      g.beginPath();
      shapePath(TYPE_STYLES[type].shape, 18, 8, 6);
      g.fillStyle = TYPE_STYLES[type].color;
      g.fill();
      context = saved;
    });
  }

  function lineIcon(color, dash) {
    return icon(function (g) {
      g.strokeStyle = color;
      g.lineWidth = 2;
      g.setLineDash(dash);
      g.beginPath();
      g.moveTo(2, 8);
      g.lineTo(34, 8);
      g.stroke();
    });
  }

  function dateText(index) { return index >= 0 ? dates[index] : "undated"; }

  function relationText(e) {
    return (e.negated ? "not " : "") + e.relation.label +
           (e.modality !== "asserted" ? " (" + e.modality + ")" : "");
  }

  function buildFilters() {
    var typeBox = document.getElementById("type-filter");
    data.types.forEach(function (type) {
      var count = nodes.filter(function (n) { return n.type === type; }).length;
      if (!count) return;
      var box = element("input", {type: "checkbox", "data-type": type});
      box.addEventListener("change", function () { state.types[type] = box.checked; changed(); });
      typeBox.appendChild(element("label", {}, [box, typeIcon(type), type + " (" + count + ")"]));
    });
    var relationBox = document.getElementById("relation-filter");
    relations.forEach(function (r) {
      var count = edges.filter(function (e) { return e.relation === r; }).length;
      var box = element("input", {type: "checkbox", "data-relation": r.name});
      box.addEventListener("change", function () { state.relations[r.name] = box.checked; changed(); });
      relationBox.appendChild(element("label", {}, [box, lineIcon(r.color, []), r.name + " (" + count + ")"]));
    });
    var shown = document.getElementById("shown");
    shown.max = String(nodes.length);
    shown.addEventListener("change", function () {
      state.shown = Math.max(1, Math.round(+shown.value) || 1);
      changed();
    });
    var minWeight = document.getElementById("min-weight");
    minWeight.addEventListener("change", function () {
      state.minWeight = Math.max(1, +minWeight.value || 1);
      changed();
    });
    var from = document.getElementById("date-from"), to = document.getElementById("date-to");
    if (!dates.length) {
      document.getElementById("dates").replaceChildren(element("p", {"class": "note"}, ["No dated evidence."]));
    } else {
      from.max = to.max = String(dates.length - 1);
      from.addEventListener("input", function () {
        state.from = Math.min(+from.value, state.to);
        changed();
      });
      to.addEventListener("input", function () {
        state.to = Math.max(+to.value, state.from);
        changed();
      });
    }
    document.getElementById("reset").addEventListener("click", function () {
      state = defaults();
      userZoomed = false;
      changed();
      fit();
      draw();
    });
  }

  function showFilters() {
    document.querySelectorAll("#type-filter input").forEach(function (box) {
      box.checked = !!state.types[box.getAttribute("data-type")];
    });
    document.querySelectorAll("#relation-filter input").forEach(function (box) {
      box.checked = !!state.relations[box.getAttribute("data-relation")];
    });
    document.getElementById("shown").value = String(state.shown);
    document.getElementById("min-weight").value = String(state.minWeight);
    if (dates.length) {
      document.getElementById("date-from").value = String(state.from);
      document.getElementById("date-to").value = String(state.to);
      document.getElementById("date-label").textContent = dates[state.from] + " to " + dates[state.to] +
          (fullRange() ? ": weights count all evidence" : ": weights count the evidence dated in this range");
    }
  }

  function buildLegend() {
    var legend = document.getElementById("legend");
    data.types.forEach(function (type) {
      if (nodes.some(function (n) { return n.type === type; }))
        legend.appendChild(element("div", {}, [typeIcon(type), type]));
    });
    relations.forEach(function (r) {
      legend.appendChild(element("div", {}, [lineIcon(r.color, []), r.label + " (" + r.name + ")"]));
    });
    legend.appendChild(element("div", {}, [lineIcon("#555", []), "asserted"]));
    legend.appendChild(element("div", {}, [lineIcon("#555", [6, 4]), "negated: the text denies it"]));
    legend.appendChild(element("div", {}, [lineIcon("#555", [1.5, 3]),
        "planned, hypothetical, demanded or threatened"]));
    legend.appendChild(element("p", {"class": "note"}, [
        "Node size: mentions. Line width: weight (evidence sentences). Arrows point from " +
        "subject to object; symmetric relations have none."]));
  }

  function showDetails() {
    var box = document.getElementById("details");
    var selected = selectedItem();
    if (!selected) {
      box.replaceChildren(element("p", {"class": "note"}, ["Click a node for its relations, an edge for its evidence."]));
    } else if (selected.kind === "node") {
      box.replaceChildren.apply(box, nodeDetails(selected.node));
    } else {
      box.replaceChildren.apply(box, edgeDetails(selected.edge));
    }
  }

  function nodeDetails(n) {
    var out = [element("h2", {}, [n.label])];
    var facts = n.type + ", " + n.mentions + " mentions in " + n.documents + " documents";
    if (n.first) facts += ", " + (n.first === n.last ? n.first : n.first + " to " + n.last);
    out.push(element("p", {}, [facts]));
    if (n.aliases.length) out.push(element("p", {}, ["Also: " + n.aliases.join("; ")]));
    var own = activeEdgesOf(n);
    var hidden = own.filter(function (e) {
      var other = e.source === n ? e.target : e.source;
      return !isShown[other.id];
    }).length;
    var expanded = state.expanded.indexOf(n.id) >= 0;
    out.push(element("p", {}, [
      link(expanded ? "Collapse neighbours" : "Expand neighbours" + (hidden ? " (" + hidden + " hidden)" : ""),
           function () { toggleExpanded(n); }),
      " \u00b7 ",
      link("Centre", function () { centreOn(n); draw(); savePermalink(); })]));
    own.sort(function (a, b) { return b.shown - a.shown || a.relation.name.localeCompare(b.relation.name); });
    out.push(element("h2", {}, [own.length + " relations"]));
    var list = element("ul", {"id": "node-relations"});
    own.forEach(function (e) {
      var outgoing = e.source === n, other = outgoing ? e.target : e.source;
      var arrow = e.relation.symmetric ? "\u2014 " : outgoing ? "\u2192 " : "\u2190 ";
      // "→ hosts Taliban", "← Sergey Lavrov holds position in", "— meets Kabul"
      var text = outgoing || e.relation.symmetric ? relationText(e) + " " + other.label
                                                  : other.label + " " + relationText(e);
      list.appendChild(element("li", {}, [
        arrow, link(text, function () { select("e:" + e.key); }), " (" + e.shown + ")"]));
    });
    out.push(list);
    var filteredOut = n.edges.length - own.length;
    if (filteredOut) out.push(element("p", {"class": "note"}, [filteredOut + " more hidden by the filters."]));
    return out;
  }

  function edgeDetails(e) {
    var title = element("h2", {}, [
      link(e.source.label, function () { select("n:" + e.source.id); }),
      " " + relationText(e) + " ",
      link(e.target.label, function () { select("n:" + e.target.id); })]);
    var facts = "Weight " + e.weight + (fullRange() ? "" : " (" + e.shown + " in the date range)") +
                ", confidence " + e.confidence + ", " + e.documents + " documents" +
                (e.date >= 0 ? ", first " + dates[e.date] : "");
    var out = [title, element("p", {}, [facts]),
               element("h2", {}, ["Evidence (" + e.evidence.length + " of " + e.weight + " sentences)"])];
    var list = element("div", {"id": "edge-evidence"});
    e.evidence.forEach(function (x) {
      var inside = fullRange() || (x.date >= state.from && x.date <= state.to);
      list.appendChild(element("blockquote", inside ? {} : {"class": "outside", style: "opacity: 0.5"}, [
        x.sentence,
        element("div", {"class": "source"}, [(x.document || "document unknown") + " \u00b7 " + dateText(x.date)])]));
    });
    out.push(list);
    if (e.evidence.length < e.weight)
      out.push(element("p", {"class": "note"}, [
          "The graph keeps the first " + e.evidence.length + " sentences by date; the store has all of them."]));
    return out;
  }

  function showStatus() {
    document.getElementById("status").textContent =
        shownNodes.length + " of " + nodes.length + " entities, " + shownEdges.length + " of " +
        edges.length + " relations shown";
  }

  // ---- search with completion ----

  var search = document.getElementById("search");
  var suggestions = document.getElementById("suggestions");
  var matches = [], current = -1;

  function suggest() {
    var q = fold(search.value.trim());
    matches = [];
    if (q) {
      nodes.forEach(function (n) {
        var score = Infinity, name = "";
        n.names.forEach(function (candidate, i) {
          var at = candidate.indexOf(q);
          if (at < 0) return;
          var s = (at === 0 ? 0 : candidate.charAt(at - 1) === " " ? 1 : 2) + (i ? 0.5 : 0);
          if (s < score) { score = s; name = i ? n.aliases[i - 1] : ""; }
        });
        if (score < Infinity) matches.push({node: n, score: score, alias: name});
      });
      matches.sort(function (a, b) {
        return a.score - b.score || b.node.edges.length - a.node.edges.length ||
               a.node.label.localeCompare(b.node.label);
      });
      matches = matches.slice(0, 12);
    }
    current = matches.length ? 0 : -1;
    showSuggestions();
  }

  function showSuggestions() {
    suggestions.replaceChildren.apply(suggestions, matches.map(function (m, i) {
      var li = element("li", {role: "option", "class": i === current ? "active" : ""}, [
        m.node.label, element("span", {"class": "alias"}, [
          (m.alias ? " (" + m.alias + ")" : "") + " " + m.node.type])]);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(m.node); });
      return li;
    }));
  }

  function choose(n) {
    search.value = n.label;
    matches = [];
    showSuggestions();
    select("n:" + n.id);
    centreOn(n);
    draw();
    savePermalink();
  }

  search.addEventListener("input", function () { suggest(); savePermalink(); });
  search.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!matches.length) return;
      current = (current + (event.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length;
      showSuggestions();
      event.preventDefault();
    } else if (event.key === "Enter" && current >= 0) {
      choose(matches[current].node);
    } else if (event.key === "Escape") {
      matches = [];
      showSuggestions();
    }
  });
  search.addEventListener("blur", function () { matches = []; showSuggestions(); });

  // ---- the view state in the URL fragment ----

  function encodeState() {
    var on = function (table) {
      return Object.keys(table).filter(function (k) { return table[k]; }).join(",");
    };
    var parts = ["shown=" + state.shown, "weight=" + state.minWeight,
                 "types=" + on(state.types), "relations=" + on(state.relations)];
    if (dates.length && !fullRange()) parts.push("from=" + dates[state.from], "to=" + dates[state.to]);
    if (state.expanded.length) parts.push("expand=" + state.expanded.map(encodeURIComponent).join(","));
    if (state.selected) parts.push("select=" + encodeURIComponent(state.selected));
    if (search.value) parts.push("q=" + encodeURIComponent(search.value));
    parts.push("zoom=" + [transform.x, transform.y, transform.k].map(function (v) { return +v.toFixed(3); }).join(","));
    return parts.join("&");
  }

  // Reads a fragment written by encodeState; what it does not name keeps its default.
  function decodeState(fragment) {
    var s = defaults(), query = "";
    fragment.replace(/^#/, "").split("&").forEach(function (part) {
      var at = part.indexOf("="), key = part.slice(0, at), value = part.slice(at + 1);
      if (at < 0) return;
      var list = function () { return value ? value.split(",").map(decodeURIComponent) : []; };
      var dateIndex = function (date, fallback) {
        var i = dates.indexOf(date);
        if (i >= 0) return i;
        // A date the page does not hold: the nearest one inside the range.
        for (i = 0; i < dates.length && dates[i] < date; i++) {}
        return dates.length ? Math.min(i, dates.length - 1) : fallback;
      };
      if (key === "shown") s.shown = Math.max(1, parseInt(value, 10) || s.shown);
      else if (key === "weight") s.minWeight = Math.max(1, +value || 1);
      else if (key === "types" || key === "relations") {
        var table = s[key], names = list();
        Object.keys(table).forEach(function (k) { table[k] = names.indexOf(k) >= 0; });
      } else if (key === "from") s.from = dateIndex(decodeURIComponent(value), 0);
      else if (key === "to") s.to = dateIndex(decodeURIComponent(value), 0);
      else if (key === "expand") s.expanded = list().filter(function (id) { return byId[id]; });
      else if (key === "select") s.selected = decodeURIComponent(value);
      else if (key === "q") query = decodeURIComponent(value);
      else if (key === "zoom") {
        var z = value.split(",").map(Number);
        if (z.length === 3 && z.every(isFinite) && z[2] > 0) s.zoom = {x: z[0], y: z[1], k: z[2]};
      }
    });
    if (s.from > s.to) s.to = s.from;
    s.query = query;
    return s;
  }

  var lastFragment = "", saveTimer = null;
  function savePermalink() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(function () {
      lastFragment = "#" + encodeState();
      try {
        history.replaceState(null, "", lastFragment);
      } catch (error) {
        location.hash = lastFragment;
      }
    }, 250);
  }

  window.addEventListener("hashchange", function () {
    if (location.hash === lastFragment) return;
    apply(decodeState(location.hash));
  });

  // ---- changes ----

  function select(id) {
    state.selected = id;
    var before = shownNodes.length;
    recompute();
    if (shownNodes.length !== before) relayout(false);
    showDetails();
    draw();
    savePermalink();
  }

  function toggleExpanded(n) {
    var at = state.expanded.indexOf(n.id);
    if (at >= 0) state.expanded.splice(at, 1);
    else state.expanded.push(n.id);
    changed();
  }

  function changed() {
    recompute();
    relayout(false);
    showFilters();
    showDetails();
    showStatus();
    draw();
    savePermalink();
  }

  function apply(s) {
    state = s;
    search.value = s.query;
    recompute();
    relayout(true);
    userZoomed = !!s.zoom;
    if (s.zoom) setTransform(s.zoom);
    else fit();
    showFilters();
    showDetails();
    showStatus();
    if (s.query) suggest();
    draw();
  }

  document.getElementById("title").textContent = data.title;
  document.getElementById("summary").textContent =
      nodes.length + " entities and " + edges.length + " relations" +
      (dates.length ? ", evidence from " + dates[0] + " to " + dates[dates.length - 1] : "") +
      (data.cooccurrencesLeftOut ? "; " + data.cooccurrencesLeftOut + " lighter co-occurrences left out" : "");
  resize();
  buildFilters();
  buildLegend();
  window.addEventListener("resize", function () {
    resize();
    if (!userZoomed) fit();
    draw();
  });
  apply(decodeState(location.hash));
})();
