// Searches the index in search-index.js. Folding must match planpub's Rust side:
// lower case, æ→ae, ø→oe, å→aa, accents removed, anything else separates words.
(function () {
  "use strict";
  var data = window.PLANPUB_SEARCH;
  var form = document.querySelector(".search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!data || !form || !list) return;
  document.documentElement.classList.add("js-search");
  var root = list.getAttribute("data-root") || "";

  function fold(s) {
    s = s.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
    if (s.normalize) s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return s.replace(/[^a-z0-9/]+/g, " ").trim();
  }

  function search(q, types) {
    var terms = fold(q).split(" ").filter(Boolean);
    if (!terms.length) return [];
    var hits = [];
    for (var i = 0; i < data.length; i++) {
      var doc = data[i];
      if (types.indexOf(doc.k) < 0) continue;
      var hay = " " + doc.x + " ";
      var title = " " + fold(doc.t) + " ";
      var score = 0, ok = true;
      for (var j = 0; j < terms.length; j++) {
        var needle = " " + terms[j];
        if (hay.indexOf(needle) < 0) { ok = false; break; }
        score += title.indexOf(needle) >= 0 ? 10 : 1;
      }
      if (ok) hits.push({ doc: doc, score: score });
    }
    hits.sort(function (a, b) { return b.score - a.score || (a.doc.t < b.doc.t ? -1 : 1); });
    return hits;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function run() {
    var q = form.q.value;
    var types = [];
    var boxes = form.querySelectorAll("input[name=type]");
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) types.push(boxes[i].value);
    var hits = search(q, types);
    list.textContent = "";
    if (!fold(q)) { status.textContent = ""; return; }
    var n = hits.length;
    status.textContent = n === 0 ? list.getAttribute("data-none")
      : (n === 1 ? list.getAttribute("data-one") : list.getAttribute("data-count").replace("{n}", String(n)));
    for (var k = 0; k < hits.length && k < 100; k++) {
      var d = hits[k].doc;
      var li = el("li", "doc-item");
      li.appendChild(el("p", "doc-kind", d.l + (d.d ? " · " + d.d : "")));
      var h = el("h2", "doc-title");
      var a = el("a", null, d.t);
      a.href = root + d.u;
      h.appendChild(a);
      li.appendChild(h);
      if (d.e) li.appendChild(el("p", "doc-summary", d.e));
      list.appendChild(li);
    }
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) form.q.value = params.get("q");
  var wanted = params.getAll("type");
  if (wanted.length) {
    var boxes = form.querySelectorAll("input[name=type]");
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = wanted.indexOf(boxes[i].value) >= 0;
  }
  form.addEventListener("submit", function (e) { e.preventDefault(); run(); });
  form.addEventListener("input", run);
  form.addEventListener("change", run);
  run();
})();
