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
  var counts = [0, 0, 0, 0];
  data.nodes.forEach(function (item) {
    var column = COLUMN[item.kind] === undefined ? 2 : COLUMN[item.kind];
    counts[column] += 1;
    positions[item.id] = { x: 40 + column * 280, y: counts[column] * 26 };
  });
  var height = Math.max.apply(null, counts) * 26 + 40;
  var view = { x: 0, y: 0, width: 1160, height: Math.max(400, Math.min(height, 900)) };

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
    var label = element("text", { x: 11, y: 4 });
    label.textContent = shorten(item.label || item.id, 34);
    group.appendChild(label);
    var title = element("title");
    title.textContent = item.id;
    group.appendChild(title);
    group.addEventListener("click", function () { show(item.id); });
    group.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { show(item.id); }
    });
    dots.appendChild(group);
    nodes[item.id] = group;
  });

  function show(id) {
    var item = data.nodes.filter(function (n) { return n.id === id; })[0];
    Object.keys(nodes).forEach(function (key) { nodes[key].classList.remove("selected"); });
    if (nodes[id]) { nodes[id].classList.add("selected"); }
    while (details.firstChild) { details.removeChild(details.firstChild); }
    var list = document.createElement("dl");
    var heading = document.createElement("h3");
    heading.textContent = id;
    details.appendChild(heading);
    Object.keys(item || {}).forEach(function (key) {
      if (key === "id" || item[key] === "") { return; }
      var term = document.createElement("dt");
      term.textContent = key;
      var value = document.createElement("dd");
      value.textContent = String(item[key]);
      list.appendChild(term);
      list.appendChild(value);
    });
    details.appendChild(list);
  }

  function apply() {
    svg.setAttribute("viewBox", [view.x, view.y, view.width, view.height].join(" "));
  }
  apply();

  // pan with a pointer, zoom with the wheel
  var drag = null;
  svg.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest(".node")) { return; }  // a click on a node
    drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", function (event) {
    if (!drag) { return; }
    var scale = view.width / svg.clientWidth;
    view.x = drag.vx - (event.clientX - drag.x) * scale;
    view.y = drag.vy - (event.clientY - drag.y) * scale;
    apply();
  });
  svg.addEventListener("pointerup", function () { drag = null; });
  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var factor = event.deltaY > 0 ? 1.15 : 1 / 1.15;
    var box = svg.getBoundingClientRect();
    var px = view.x + (event.clientX - box.left) / box.width * view.width;
    var py = view.y + (event.clientY - box.top) / box.height * view.height;
    view.width *= factor;
    view.height *= factor;
    view.x = px - (px - view.x) * factor;
    view.y = py - (py - view.y) * factor;
    apply();
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
