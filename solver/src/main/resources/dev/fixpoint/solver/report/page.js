(function () {
  "use strict";
  // Every text from the run reaches the DOM through textContent / createTextNode: never innerHTML.
  var errorsBox = document.getElementById("js-errors");
  function reportError(msg) {
    errorsBox.hidden = false;
    errorsBox.textContent += msg + "\n";
  }
  window.addEventListener("error", function (e) { reportError("error: " + (e.message || e.type)); });
  window.addEventListener("unhandledrejection", function (e) { reportError("unhandled rejection: " + e.reason); });

  function el(tag, attrs) {
    var n = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, k) || attrs[k] == null) continue;
        if (k === "text") n.textContent = attrs[k];
        else if (k === "cls") n.className = attrs[k];
        else n.setAttribute(k, attrs[k]);
      }
    }
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null) continue;
      n.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return n;
  }
  function badge(status) { return el("span", {cls: "badge st-" + String(status).replace(/[^a-z_]/g, ""), text: status}); }
  function secs(ms) { return ms == null ? "" : (ms / 1000).toFixed(1) + " s"; }
  function num(v, d) { return v == null ? "–" : Number(v).toFixed(d == null ? 3 : d); }

  // ---- table: filter and sort ----
  var table = document.getElementById("task-table");
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var filterBox = document.getElementById("filter");
  var statusBox = document.getElementById("status-filter");
  var shown = document.getElementById("shown");
  var searchText = rows.map(function (r) { return r.textContent.toLowerCase(); });

  function applyFilter() {
    var q = filterBox.value.trim().toLowerCase();
    var st = statusBox.value;
    var n = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = (!q || searchText[i].indexOf(q) >= 0) && (!st || rows[i].getAttribute("data-status") === st);
      rows[i].hidden = !ok;
      if (ok) n++;
    }
    shown.textContent = n + " of " + rows.length + " tasks";
  }
  filterBox.addEventListener("input", applyFilter);
  statusBox.addEventListener("change", applyFilter);

  var sortState = {col: -1, dir: 1};
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
    th.addEventListener("click", function () {
      var dir = sortState.col === col ? -sortState.dir : 1;
      sortState = {col: col, dir: dir};
      var numeric = th.classList.contains("num");
      var keyed = rows.map(function (r, i) {
        var c = r.cells[col];
        var v = c.getAttribute("data-v");
        if (v == null) v = c.textContent;
        return {r: r, i: i, v: numeric ? (v === "" ? -Infinity : parseFloat(v)) : v.toLowerCase()};
      });
      keyed.sort(function (a, b) { return a.v < b.v ? -dir : a.v > b.v ? dir : a.i - b.i; });
      var frag = document.createDocumentFragment();
      keyed.forEach(function (k) { frag.appendChild(k.r); });
      tbody.appendChild(frag);
      rows = keyed.map(function (k) { return k.r; });
      searchText = rows.map(function (r) { return r.textContent.toLowerCase(); });
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.classList.remove("sorted-asc", "sorted-desc"); });
      th.classList.add(dir > 0 ? "sorted-asc" : "sorted-desc");
    });
  });
  applyFilter();

  // ---- task detail, rendered from its JSON blob when opened ----
  var overview = document.getElementById("overview");
  var detail = document.getElementById("detail");
  var sharedTexts = null;
  function shared(i) {
    if (sharedTexts == null) sharedTexts = JSON.parse(document.getElementById("shared-texts").textContent);
    return sharedTexts[i];
  }

  // A task's blob is base64 of gzip of its JSON (see Blobs.java): inflated with the browser's DecompressionStream.
  function loadTask(id) {
    var node = document.getElementById(id);
    if (!node) return Promise.reject(new Error("no such task: " + id));
    if (typeof DecompressionStream === "undefined") return Promise.reject(new Error("this browser has no DecompressionStream: use a current Chromium, Firefox or Safari"));
    var bin = atob(node.textContent.trim());
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }

  var routeSeq = 0;
  var lastTask = null;
  function route() {
    var seq = ++routeSeq;
    var m = /^#task-(\d+)$/.exec(location.hash);
    if (!m) {
      var wasOpen = !detail.hidden;
      detail.hidden = true; detail.textContent = ""; overview.hidden = false;
      if (wasOpen && lastTask != null) { var back = rowOf(lastTask); if (back) { setCurrent(back); back.scrollIntoView({block: "center"}); } }
      return;
    }
    lastTask = "task-" + m[1];
    loadTask("task-" + m[1]).then(function (t) {
      if (seq !== routeSeq) return;
      renderTask(t);
      overview.hidden = true;
      detail.hidden = false;
      window.scrollTo(0, 0);
    }).catch(function (e) { reportError("cannot open " + location.hash + ": " + e.message); });
  }
  window.addEventListener("hashchange", route);

  function renderTask(t) {
    detail.textContent = "";
    detail.appendChild(el("div", {cls: "nav"}, el("a", {href: "#tasks", cls: "back", text: "← all tasks"}),
      el("span", {cls: "muted keys", text: "j / k: next / previous task · Esc: back to the list"})));
    detail.appendChild(el("h2", null, t.id + " ", badge(t.status)));
    var facts = el("p", {cls: "muted"});
    facts.appendChild(document.createTextNode("status from " + t.statusSource + "; selection " + t.selection
      + (t.chosen ? "; chose " + t.chosen : "") + (t.strategy ? " (" + t.strategy + ")" : "")
      + (t.cost ? "; cost " + t.cost : "") + (t.tokens != null ? "; " + t.tokens + " tokens" : "") + (t.wallMs ? "; " + secs(t.wallMs) : "")));
    detail.appendChild(facts);
    if (t.eval && t.eval.message) detail.appendChild(el("p", {cls: "muted", text: "eval: " + t.eval.message}));
    list(detail, "Why", t.reasons);
    if (t.adaptive) detail.appendChild(el("p", {cls: "muted", text: "adaptive stop: " + t.adaptive}));
    list(detail, "Selection notes", t.notes);
    list(detail, "Judge problems", t.judgeProblems);

    detail.appendChild(el("h3", {text: "Issue"}));
    detail.appendChild(el("pre", {cls: "issue", text: t.issue == null ? "(issue text not found: pass the task file with --tasks)" : t.issue}));

    if (t.candidates && t.candidates.length) {
      detail.appendChild(el("h3", {text: "Candidates"}));
      detail.appendChild(candidateTable(t.candidates));
      detail.appendChild(el("h3", {text: "Patches side by side (identical patches shown once)"}));
      detail.appendChild(diffs(t.candidates));
    }
    if (t.clusters && t.clusters.length) {
      detail.appendChild(el("h3", {text: "Clusters"}));
      var ul = el("ul");
      t.clusters.forEach(function (c) {
        ul.appendChild(el("li", {text: "cluster " + c.id + " (" + c.state + ", " + c.size + "): " + (c.members || []).join(", ")
          + ((c.files || []).length ? " — " + c.files.join(", ") : "")}));
      });
      detail.appendChild(ul);
    }
    detail.appendChild(el("h3", {text: "Test matrix (tests × candidates)"}));
    detail.appendChild(t.matrix ? matrix(t.matrix)
      : el("p", {cls: "muted", text: "No per-test results: the candidates were not graded (fixpoint report --grade) and no eval run was given (--eval)."}));
    if (t.verification) {
      detail.appendChild(el("h3", {text: "Verification tests × candidates (the run's own tests, as the selector saw them)"}));
      detail.appendChild(verificationMatrix(t.verification));
    }
    if (t.rollouts && t.rollouts.length) {
      detail.appendChild(el("h3", {text: "Trajectories"}));
      t.rollouts.forEach(function (r) { detail.appendChild(rollout(r)); });
    }
  }

  function list(parent, title, items) {
    if (!items || !items.length) return;
    parent.appendChild(el("h3", {text: title}));
    var ul = el("ul");
    items.forEach(function (s) { ul.appendChild(el("li", {text: s})); });
    parent.appendChild(ul);
  }

  function candidateTable(cs) {
    var head = ["candidate", "model", "temp", "variant", "outcome", "steps", "cluster", "patch", "repro passed", "regr. broken",
      "score", "judge p / l / rank", "grade", "cost", "tokens", "time"];
    var tb = el("tbody");
    cs.forEach(function (c) {
      var x = c.execution || {};
      var j = c.judge;
      tb.appendChild(el("tr", null,
        el("td", null, c.chosen ? el("strong", {text: c.id + " ✓"}) : c.id),
        el("td", {text: c.model}), el("td", {text: c.temperature == null ? "" : String(c.temperature)}), el("td", {text: c.variant}),
        el("td", {text: c.outcome + (c.error ? ": " + c.error : "")}), el("td", {text: String(c.steps)}),
        el("td", {text: c.cluster == null ? "" : c.cluster + (c.clusterSize ? " (" + c.clusterSize + ")" : "")}),
        el("td", {text: (c.patchState || c.patchStatus || "") + (c.patchStatus && c.patchStatus !== "CHANGED" ? ": " + c.patchMessage : ""),
          title: c.patchMessage}),
        el("td", {text: x.reproduction || ""}), el("td", {text: x.regressionBroken || ""}),
        el("td", {text: c.excluded ? "excluded: " + c.excluded : num(c.score)}),
        el("td", {text: j ? num(j.pointwise, 2) + " / " + num(j.listwise, 2) + " / " + num(j.meanRank, 1) : "–"}),
        el("td", null, c.grade ? badge(c.grade) : "–"),
        el("td", {text: c.cost}), el("td", {text: String(c.tokens)}), el("td", {text: secs(c.wallMs)})));
    });
    var thead = el("thead", null, el("tr", null));
    head.forEach(function (h) { thead.rows[0].appendChild(el("th", {text: h})); });
    return el("div", {style: "overflow-x:auto"}, el("table", {cls: "grid"}, thead, tb));
  }

  function diffs(cs) {
    var groups = [];
    var bySha = {};
    cs.forEach(function (c) {
      if (!bySha[c.sha]) { bySha[c.sha] = {c: c, ids: []}; groups.push(bySha[c.sha]); }
      bySha[c.sha].ids.push(c.id);
      if (c.chosen) bySha[c.sha].chosen = true;
    });
    var box = el("div", {cls: "diffs"});
    groups.forEach(function (g) {
      var c = g.c;
      var head = el("div", {cls: "h"}, el("strong", {text: g.ids.join(" = ")}), " ",
        c.cluster != null ? "cluster " + c.cluster + " " : "", g.chosen ? el("span", {cls: "badge st-resolved", text: "chosen"}) : null, " ",
        c.grade ? badge(c.grade) : null);
      var body = el("div", {cls: "body"});
      var pre = el("pre");
      if (!c.patch) pre.appendChild(el("div", {cls: "ln meta", text: "(empty patch)"}));
      c.patch.split("\n").forEach(function (line) {
        var cls = "ln";
        if (/^(\+\+\+|---|diff |index )/.test(line)) cls += " meta";
        else if (line.charAt(0) === "+") cls += " add";
        else if (line.charAt(0) === "-") cls += " del";
        else if (line.indexOf("@@") === 0) cls += " hunk";
        pre.appendChild(el("div", {cls: cls, text: line === "" ? " " : line}));
      });
      body.appendChild(pre);
      box.appendChild(el("div", {cls: "diff" + (g.chosen ? " chosen" : "")}, head, body));
    });
    return box;
  }

  function matrix(m) {
    var thead = el("thead", null, el("tr", null, el("th", {text: "test"}), el("th", {text: "list"})));
    m.columns.forEach(function (c, i) {
      thead.rows[0].appendChild(el("th", null, c, el("br"), m.status[i] ? badge(m.status[i]) : el("span", {cls: "muted", text: "not graded"})));
    });
    var tb = el("tbody");
    m.rows.forEach(function (r) {
      var tr = el("tr", null, el("td", null, el("code", {text: r.test})), el("td", {text: r.list}));
      r.cells.forEach(function (v) { tr.appendChild(el("td", {cls: v || "none", text: v === "pass" ? "✓" : v === "fail" ? "✗" : "·"})); });
      tb.appendChild(tr);
    });
    if (!m.rows.length) tb.appendChild(el("tr", null, el("td", {colspan: String(m.columns.length + 2), cls: "muted",
      text: "no listed test ran (see each column's status)"})));
    return el("div", {style: "overflow-x:auto"}, el("table", {cls: "grid"}, thead, tb));
  }

  function verificationMatrix(v) {
    var thead = el("thead", null, el("tr", null, el("th", {text: "test"}), el("th", {text: "kind"}), el("th", {text: "from"})));
    v.columns.forEach(function (c) { thead.rows[0].appendChild(el("th", {text: c})); });
    var tb = el("tbody");
    v.rows.forEach(function (r) {
      var tr = el("tr", null, el("td", {title: r.target}, el("code", {text: r.test})), el("td", {text: r.kind.toLowerCase()}), el("td", {text: r.origin}));
      r.cells.forEach(function (x) {
        var cls = x === "PASS" ? "pass" : x === "FAIL" || x === "ERROR" ? "fail" : "none";
        tr.appendChild(el("td", {cls: cls, text: x === "PASS" ? "✓" : x === "FAIL" ? "✗" : x == null ? "·" : x.toLowerCase()}));
      });
      tb.appendChild(tr);
    });
    var box = el("div", {style: "overflow-x:auto"}, el("table", {cls: "grid"}, thead, tb));
    (v.problems || []).forEach(function (p) { box.appendChild(el("p", {cls: "problem", text: p})); });
    return box;
  }

  var FOLD_CHARS = 1200, FOLD_LINES = 20;
  function folded(text, label, cls) {
    var lines = text.split("\n").length;
    var pre = el("pre", {text: text});
    if (text.length <= FOLD_CHARS && lines <= FOLD_LINES) return el("div", {cls: cls}, el("div", {cls: "muted", text: label}), pre);
    return el("div", {cls: cls}, el("details", null, el("summary", {text: label + " (" + lines + " lines, " + text.length + " chars)"}), pre));
  }

  // A tool call's arguments: each field on its own line; a string with line breaks (a command, a file's new text)
  // as a text block, not JSON with literal \n. Arguments that are not a JSON object are shown as they came.
  function argsView(name, s) {
    var parsed = null;
    try { parsed = JSON.parse(s); } catch (e) { parsed = null; }
    if (parsed == null || typeof parsed !== "object" || Array.isArray(parsed)) return folded(s, "→ " + name, "call");
    var box = el("div", {cls: "args"});
    var lines = 0, chars = 0;
    Object.keys(parsed).forEach(function (k) {
      var v = parsed[k];
      var text = typeof v === "string" ? v : JSON.stringify(v, null, 2);
      lines += text.split("\n").length;
      chars += text.length;
      if (typeof v === "string" && v.indexOf("\n") >= 0) {
        box.appendChild(el("div", {cls: "arg block"}, el("span", {cls: "k", text: k}), el("pre", {cls: "text", text: v})));
      } else {
        box.appendChild(el("div", {cls: "arg"}, el("span", {cls: "k", text: k}), " ", el("code", {text: text})));
      }
    });
    if (chars <= FOLD_CHARS && lines <= FOLD_LINES) return el("div", {cls: "call"}, el("div", {cls: "muted", text: "→ " + name}), box);
    return el("div", {cls: "call"}, el("details", null, el("summary", {text: "→ " + name + " (" + lines + " lines, " + chars + " chars)"}), box));
  }

  function rollout(r) {
    var d = el("details", {cls: "rollout", "data-rollout": r.id});
    d.appendChild(el("summary", null, el("strong", {text: r.id}), " · " + r.model + " · ", badge(r.outcome.toLowerCase()),
      " · " + r.steps + " steps" + (r.error ? " · " + r.error : "")));
    var done = false;
    d.addEventListener("toggle", function () {
      if (!d.open || done) return;
      done = true;
      var tr = r.trajectory;
      (tr.problems || []).forEach(function (p) { d.appendChild(el("p", {cls: "problem", text: p})); });
      (tr.messages || []).forEach(function (m) {
        d.appendChild(folded(m.ref != null ? shared(m.ref) : m.text, m.role + " message", "msg"));
      });
      (tr.steps || []).forEach(function (s) {
        var step = el("div", {cls: "step"}, el("div", {cls: "n", text: "step " + s.n + " · " + s.tokens + " tokens · " + secs(s.ms)}));
        if (s.text) step.appendChild(folded(s.text, "model", "msg"));
        (s.calls || []).forEach(function (c) { step.appendChild(argsView(c.name, c.args)); });
        (s.obs || []).forEach(function (o) {
          step.appendChild(folded(o.text, "← " + o.tool + (o.error ? " (error)" : "") + (o.submitted ? " (submitted)" : ""), "obs" + (o.error ? " err" : "")));
        });
        d.appendChild(step);
      });
      if (tr.end) d.appendChild(el("p", {cls: "muted", text: "end: " + tr.end.outcome + (tr.end.error ? " — " + tr.end.error : "")}));
    });
    return d;
  }

  // ---- keyboard: j / k (or arrow keys in the list) between tasks, in the table's current order and filter ----
  var current = null;
  function visibleRows() { return rows.filter(function (r) { return !r.hidden; }); }
  function rowOf(taskId) {
    var a = tbody.querySelector('a[href="#' + taskId + '"]');
    return a ? a.closest("tr") : null;
  }
  function setCurrent(r) {
    if (current) current.classList.remove("current");
    current = r;
    if (r) r.classList.add("current");
  }
  function step(delta) {
    var vis = visibleRows();
    if (!vis.length) return;
    var from = !detail.hidden && lastTask ? rowOf(lastTask) : current;
    var i = vis.indexOf(from);
    var next = vis[i < 0 ? (delta > 0 ? 0 : vis.length - 1) : Math.max(0, Math.min(vis.length - 1, i + delta))];
    setCurrent(next);
    if (!detail.hidden) location.hash = next.querySelector("a").getAttribute("href");
    else next.scrollIntoView({block: "nearest"});
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA")) {
      if (e.key === "Escape") t.blur();
      return;
    }
    var inList = detail.hidden;
    if (e.key === "j" || (inList && e.key === "ArrowDown")) { step(1); e.preventDefault(); }
    else if (e.key === "k" || (inList && e.key === "ArrowUp")) { step(-1); e.preventDefault(); }
    else if (e.key === "Enter" && inList && current) { location.hash = current.querySelector("a").getAttribute("href"); e.preventDefault(); }
    else if (e.key === "Escape" && !inList) { location.hash = "#tasks"; e.preventDefault(); }
  });

  route();
  document.documentElement.setAttribute("data-ready", "1");
})();
