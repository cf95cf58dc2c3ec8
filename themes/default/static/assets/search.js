// Site search over planpub's split index (search/index.js, search/w-*.js, search/d-*.js).
// Each index file is a script that hands its part to PLANPUB_SEARCH_LOAD, so the search
// also works from file://; only the files a query needs are loaded.
// Folding must match planpub's Rust side: lower case, æ→ae, ø→oe, å→aa, accents
// removed, anything else separates words.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var more = document.getElementById("search-more");
  if (!form || !list) return;
  var root = list.getAttribute("data-root") || "";
  var PREFIX = 2, PAGE = 20;
  var loaded = {}, waiting = {}, manifest = null, words = null;

  window.PLANPUB_SEARCH_LOAD = function (name, value) {
    loaded[name] = value;
    (waiting[name] || []).forEach(function (f) { f(value); });
    delete waiting[name];
  };

  // Loads search/<name>.js once; calls back with its value (undefined if it is missing).
  function load(name, done) {
    if (name in loaded) { done(loaded[name]); return; }
    if (waiting[name]) { waiting[name].push(done); return; }
    waiting[name] = [done];
    var s = document.createElement("script");
    s.src = root + "search/" + (name === "index" ? "index" : name) + ".js";
    s.onerror = function () { window.PLANPUB_SEARCH_LOAD(name, undefined); };
    document.head.appendChild(s);
  }

  function loadAll(names, done) {
    var left = names.length, out = {};
    if (!left) { done(out); return; }
    names.forEach(function (n) {
      load(n, function (v) { out[n] = v; if (--left === 0) done(out); });
    });
  }

  function fold(s) {
    s = s.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "oe").replace(/å/g, "aa")
      .replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
    if (s.normalize) s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    return s.replace(/[^a-z0-9/]+/g, " ").trim();
  }

  function prefixOf(term) {
    return term.slice(0, PREFIX).replace(/[^a-z0-9]/g, "_");
  }

  // Documents whose words begin with `term`: number → 10 if in the title, else 1.
  function matches(term, file) {
    var hits = {};
    if (!file) return hits;
    for (var w in file) {
      if (w.lastIndexOf(term, 0) !== 0) continue;
      var ps = file[w];
      for (var i = 0; i < ps.length; i++) {
        var n = ps[i] >> 1, score = (ps[i] & 1) ? 10 : 1;
        if (!hits[n] || hits[n] < score) hits[n] = score;
      }
    }
    return hits;
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  var current = [], shown = 0, runId = 0;

  var LETTER = { plan: "p", hearing: "h", decision: "d", page: "s" };

  function types() {
    var t = [], boxes = form.querySelectorAll("input[name=type]");
    for (var i = 0; i < boxes.length; i++) if (boxes[i].checked) t.push(LETTER[boxes[i].value]);
    return t;
  }

  function render(entries, id) {
    if (id !== runId) return;
    for (var k = 0; k < entries.length; k++) {
      var d = entries[k];
      var li = el("li", "doc-item");
      var kind = el("p", "doc-kind", d.l + (d.d ? " · " + d.d : ""));
      if (d.s) {
        kind.appendChild(document.createTextNode(" · "));
        kind.appendChild(el("span", "badge badge-" + d.s, d.sl));
      }
      li.appendChild(kind);
      var h = el("h2", "doc-title");
      var a = el("a", null, d.t);
      a.href = root + d.u;
      h.appendChild(a);
      li.appendChild(h);
      if (d.dl && d.s === "open") li.appendChild(el("p", "deadline", list.getAttribute("data-deadline") + ": " + d.dl));
      if (d.e) li.appendChild(el("p", "doc-summary", d.e));
      list.appendChild(li);
    }
  }

  // Shows the next page of results, loading the document files they are in.
  function showMore(id) {
    var batch = [], names = [];
    var chunk = manifest.chunk;
    while (shown < current.length && batch.length < PAGE) {
      var n = current[shown++];
      batch.push(n);
      var name = "d-" + Math.floor(n / chunk);
      if (names.indexOf(name) < 0) names.push(name);
    }
    loadAll(names, function (files) {
      var entries = batch.map(function (n) {
        var f = files["d-" + Math.floor(n / chunk)];
        return f ? f[n % chunk] : null;
      }).filter(Boolean);
      render(entries, id);
      if (more) more.hidden = shown >= current.length;
    });
  }

  function run() {
    var id = ++runId;
    var q = fold(form.q.value);
    list.textContent = "";
    if (more) more.hidden = true;
    var terms = q.split(" ").filter(function (t) { return t.length >= PREFIX; });
    if (!q) { status.textContent = ""; return; }
    load("index", function (m) {
      manifest = m;
      if (!m) return;
      var names = [];
      terms.forEach(function (t) {
        var n = "w-" + prefixOf(t);
        if (m.words.indexOf(prefixOf(t)) >= 0 && names.indexOf(n) < 0) names.push(n);
      });
      loadAll(names, function (files) {
        if (id !== runId) return;
        var scores = null;
        terms.forEach(function (t) {
          var hits = matches(t, files["w-" + prefixOf(t)]);
          if (scores === null) { scores = hits; return; }
          var both = {};
          for (var n in scores) if (hits[n]) both[n] = scores[n] + hits[n];
          scores = both;
        });
        scores = scores || {};
        var want = types();
        current = Object.keys(scores).map(Number).filter(function (n) {
          return want.indexOf(m.kinds.charAt(n)) >= 0;
        }).sort(function (a, b) {
          return scores[b] - scores[a] || a - b;
        });
        shown = 0;
        var c = current.length;
        status.textContent = c === 0 ? list.getAttribute("data-none")
          : (c === 1 ? list.getAttribute("data-one") : list.getAttribute("data-count").replace("{n}", String(c)));
        if (c) showMore(id);
      });
    });
  }

  document.documentElement.classList.add("js-search");
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
  if (more) more.addEventListener("click", function () { showMore(runId); });
  run();
})();
