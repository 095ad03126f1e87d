// factcheck report: the provenance graph as SVG, filters and highlights.
// Everything from the desk is set as text (textContent), never parsed as HTML.
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var svg = document.getElementById("graph");
  var details = document.getElementById("details");
  var COLUMN = { source: 0, article: 1, claim: 2, derived: 3, finding: 3 };
  var positions = {};
  var nodes = {};

  function element(name, attributes) {
    var node = document.createElementNS(NS, name);
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    return node;
  }

  function shorten(text, size) {
    text = String(text == null ? "" : text);
    return text.length > size ? text.slice(0, size - 1) + "…" : text;
  }

  // layout: one column per kind, nodes stacked in the order given (conflicts first)
  var ROW = 28, COLUMN_WIDTH = 260, LABEL = 13;  // px at scale 1: labels of 13 px
  var counts = [0, 0, 0, 0];
  data.nodes.forEach(function (item) {
    var column = COLUMN[item.kind] === undefined ? 2 : COLUMN[item.kind];
    counts[column] += 1;
    positions[item.id] = { x: 20 + column * COLUMN_WIDTH, y: counts[column] * ROW };
  });
  var content = {
    width: 20 + 3 * COLUMN_WIDTH + 240,
    height: Math.max.apply(null, counts) * ROW + ROW
  };
  // the scale the page opens at: the graph's width fills the box, but a label is never
  // drawn under 12 px (LABEL x MIN_SCALE: 11 px still when a scroll bar narrows the box
  // afterwards), nor blown up past MAX_SCALE times its size
  var MIN_SCALE = 12 / LABEL, MAX_SCALE = 1.4;
  var view = { x: 0, y: 0, width: 1, height: 1 };
  var scale = 1;
  svg.setAttribute("preserveAspectRatio", "xMinYMin meet");

  var scene = element("g", { "class": "scene" });
  var edges = element("g", { "class": "edges" });
  var dots = element("g", { "class": "nodes" });
  scene.appendChild(edges);
  scene.appendChild(dots);
  svg.appendChild(scene);

  data.links.forEach(function (link) {
    var a = positions[link.source], b = positions[link.target];
    if (!a || !b) { return; }
    edges.appendChild(element("line", {
      x1: a.x, y1: a.y, x2: b.x, y2: b.y, "class": "edge " + link.relation
    }));
  });

  data.nodes.forEach(function (item) {
    var spot = positions[item.id];
    var group = element("g", {
      "class": "node " + item.kind, transform: "translate(" + spot.x + "," + spot.y + ")",
      tabindex: "0"
    });
    group.setAttribute("data-id", item.id);
    group.appendChild(element("circle", { r: 7 }));
    var label = element("text", { x: 12, y: 5 });
    label.textContent = shorten(item.label || item.id, 30);
    group.appendChild(label);
    var title = element("title");
    title.textContent = item.title || item.id;
    group.appendChild(title);
    group.addEventListener("click", function () { show(item.id); });
    group.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { show(item.id); }
    });
    dots.appendChild(group);
    nodes[item.id] = group;
  });

  function show(id) {
    // a node in words: what it is and what it says, never its raw attributes
    var item = data.nodes.filter(function (n) { return n.id === id; })[0] || {};
    Object.keys(nodes).forEach(function (key) { nodes[key].classList.remove("selected"); });
    if (nodes[id]) { nodes[id].classList.add("selected"); }
    while (details.firstChild) { details.removeChild(details.firstChild); }
    var heading = document.createElement("h3");
    heading.textContent = item.title || id;
    details.appendChild(heading);
    var lines = item.details || [];
    if (lines.length) {
      var first = document.createElement("p");
      first.textContent = lines[0];
      details.appendChild(first);
    }
    if (lines.length > 1) {
      var list = document.createElement("ul");
      lines.slice(1).forEach(function (line) {
        var entry = document.createElement("li");
        entry.textContent = line;
        list.appendChild(entry);
      });
      details.appendChild(list);
    }
  }

  function apply() {
    svg.setAttribute("viewBox", [view.x, view.y, view.width, view.height].join(" "));
  }

  function size() {
    var rect = svg.getBoundingClientRect();
    return { width: rect.width || 800, height: rect.height || 500 };
  }

  function fit() {
    // the box is as tall as the graph needs at the opening scale, up to 70% of the window
    scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, size().width / content.width));
    var wanted = Math.min(window.innerHeight * 0.7, content.height * scale + 16);
    svg.style.height = Math.max(240, wanted) + "px";
    var now = size();
    view = { x: 0, y: 0, width: now.width / scale, height: now.height / scale };
    apply();
  }
  fit();
  window.addEventListener("resize", function () {
    var now = size();
    view.width = now.width / scale;
    view.height = now.height / scale;
    apply();
  });

  function zoom(factor, clientX, clientY) {
    // zoom by ``factor`` (above 1: out) about a point of the screen
    var rect = svg.getBoundingClientRect();
    var px = view.x + (clientX - rect.left) / rect.width * view.width;
    var py = view.y + (clientY - rect.top) / rect.height * view.height;
    scale /= factor;
    view.width *= factor;
    view.height *= factor;
    view.x = px - (px - view.x) * factor;
    view.y = py - (py - view.y) * factor;
    apply();
  }

  // pan with one pointer (a mouse or a finger), pinch with two fingers, zoom with the wheel
  var pointers = {};
  var pinch = null;
  function spread() {
    var ids = Object.keys(pointers);
    var a = pointers[ids[0]], b = pointers[ids[1]];
    return {
      distance: Math.max(1, Math.hypot(a.x - b.x, a.y - b.y)),
      x: (a.x + b.x) / 2, y: (a.y + b.y) / 2
    };
  }
  svg.addEventListener("pointerdown", function (event) {
    var onNode = event.target.closest && event.target.closest(".node");
    if (onNode && event.pointerType === "mouse") { return; }  // a click on a node
    pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
    pinch = Object.keys(pointers).length === 2 ? spread() : null;
  });
  window.addEventListener("pointermove", function (event) {
    var last = pointers[event.pointerId];
    if (!last) { return; }
    pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
    if (pinch) {
      var now = spread();
      zoom(pinch.distance / now.distance, now.x, now.y);
      pinch = now;
      return;
    }
    if (Object.keys(pointers).length > 1) { return; }
    var rect = svg.getBoundingClientRect();
    view.x -= (event.clientX - last.x) * view.width / rect.width;
    view.y -= (event.clientY - last.y) * view.height / rect.height;
    apply();
  });
  function release(event) {
    delete pointers[event.pointerId];
    pinch = Object.keys(pointers).length === 2 ? spread() : null;
  }
  window.addEventListener("pointerup", release);
  window.addEventListener("pointercancel", release);
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    zoom(event.deltaY > 0 ? 1.15 : 1 / 1.15, event.clientX, event.clientY);
  }, { passive: false });

  // a conflict's button highlights its claims (and the finding) in the graph
  Array.prototype.forEach.call(document.querySelectorAll("button[data-highlight]"), function (button) {
    button.addEventListener("click", function () {
      var card = button.closest(".card");
      var wanted = (card.getAttribute("data-claims") || "").split(" ").filter(Boolean);
      wanted.push(button.getAttribute("data-highlight"));
      Object.keys(nodes).forEach(function (key) {
        nodes[key].classList.toggle("hl", wanted.indexOf(key) >= 0);
      });
      var first = positions[wanted[0]];
      if (first) {
        view.x = first.x - view.width / 3;
        view.y = first.y - view.height / 3;
        apply();
      }
      show(button.getAttribute("data-highlight"));
      document.getElementById("graph-section").scrollIntoView();
    });
  });

  // filters: by source (origin) and by kind of finding
  var source = document.getElementById("filter-source");
  var kinds = document.getElementById("filter-kind");
  function filter() {
    var wanted = source.value;
    var shown = {};
    Array.prototype.forEach.call(kinds.querySelectorAll("input"), function (box) {
      shown[box.value] = box.checked;
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-kind]"), function (item) {
      var origins = (item.getAttribute("data-origins") || "").split(" ");
      var visible = shown[item.getAttribute("data-kind")] !== false &&
        (!wanted || origins.indexOf(wanted) >= 0);
      item.classList.toggle("hidden", !visible);
    });
  }
  source.addEventListener("change", filter);
  kinds.addEventListener("change", filter);
}());
