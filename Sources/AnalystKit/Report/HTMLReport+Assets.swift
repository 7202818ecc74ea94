/// The report's constant style sheet and script. They are the only inline style and script the
/// page allows: its Content-Security-Policy names them by SHA-256 hash, so no other script
/// (none could be injected: every corpus string is escaped) would run, and nothing is fetched.
extension HTMLReport {
  static let styleSheet = #"""
    :root {
      --favor: #1e8a5a; --favor-bg: #e3f3ea; --favor-ink: #155c3d;
      --against: #c73a35; --against-bg: #fbe6e5; --against-ink: #8f231f;
      --neutral: #99a3b1; --neutral-bg: #eef0f3; --neutral-ink: #4b5563;
      --mention: #2f66d0; --mention-bg: #e2ebfd; --modifier: #b7791f;
      --ink: #1c2330; --muted: #5d6877; --line: #e2e6ec; --bg: #f5f6f8; --card: #ffffff;
    }
    * { box-sizing: border-box; }
    html { background: var(--bg); }
    body {
      margin: 0; color: var(--ink);
      font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
    }
    main { max-width: 1120px; margin: 0 auto; padding: 28px 24px 64px; }
    h1 { font-size: 26px; line-height: 1.2; margin: 0 0 6px; letter-spacing: -0.01em; }
    h2 { font-size: 18px; margin: 36px 0 4px; }
    .lede, .hint { color: var(--muted); margin: 0 0 14px; }
    .hint { font-size: 13px; }
    code, .mono { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace; font-size: 0.92em; }
    .stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 18px 0 0; padding: 0; list-style: none; }
    .stats li { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 8px 16px; color: var(--muted); font-size: 13px; }
    .stats b { display: block; color: var(--ink); font-size: 22px; line-height: 1.25; }
    .legend { display: flex; flex-wrap: wrap; gap: 14px; margin: 0 0 14px; padding: 0; list-style: none; font-size: 13px; color: var(--muted); }
    .legend li { display: flex; align-items: center; gap: 6px; }
    .swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; }
    .swatch.favor { background: var(--favor); }
    .swatch.neutral { background: radial-gradient(circle, rgba(255, 255, 255, 0.75) 1.2px, transparent 1.4px) 0 0 / 6px 6px, var(--neutral); }
    .swatch.against { background: repeating-linear-gradient(45deg, rgba(255, 255, 255, 0.6) 0 2px, transparent 2px 6px), var(--against); }
    .defs { position: absolute; width: 0; height: 0; }
    .pat-neutral { fill: var(--neutral); } .pat-against { fill: var(--against); } .pat-mark { fill: rgba(255, 255, 255, 0.6); }
    .swatch.mention { background: var(--mention-bg); box-shadow: inset 0 -2px 0 var(--mention); }
    .swatch.pos { background: var(--favor-bg); box-shadow: inset 0 -2px 0 var(--favor); }
    .swatch.neg { background: var(--against-bg); border-bottom: 2px dashed var(--against); border-radius: 0; }
    .swatch.mod { background: none; border-bottom: 2px dotted var(--modifier); border-radius: 0; }

    .entities { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 12px; }
    .entity { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px 8px; }
    .entity h3 { font-size: 15px; margin: 0; line-height: 1.3; }
    .entity .kind { color: var(--muted); font-size: 12px; }
    .entity h3 a { color: inherit; text-decoration: none; }
    .entity h3 a:hover { color: var(--mention); text-decoration: underline; }
    .more { margin: 12px 0 0; }
    .more summary { cursor: pointer; color: var(--mention); font-size: 14px; margin: 0 0 12px; }
    .chart { display: block; width: 100%; height: auto; margin: 8px 0 4px; overflow: visible; }
    .chart text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; fill: var(--muted); }
    .chart text.dim { fill: var(--ink); font-weight: 600; }
    .chart text.count { fill: #fff; font-weight: 600; paint-order: stroke; stroke: rgba(28, 35, 48, 0.55); stroke-width: 2.5px; }
    .chart text.mean.favor { fill: var(--favor-ink); } .chart text.mean.against { fill: var(--against-ink); }
    .chart .track { fill: var(--neutral-bg); }
    .chart .seg.favor { fill: var(--favor); } .chart .seg.neutral { fill: url(#fill-neutral); } .chart .seg.against { fill: url(#fill-against); }
    .chart .axis { stroke: #c9cfd8; stroke-width: 1; }
    .chart .tick { stroke: #9aa3af; stroke-width: 1; }
    .chart .dot { stroke: #fff; stroke-width: 1.5; }
    .chart .dot.favor { fill: var(--favor); } .chart .dot.neutral { fill: var(--neutral-ink); } .chart .dot.against { fill: var(--against); }

    .filters { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 10px 16px;
      background: var(--bg); padding: 10px 0; margin: 0 0 8px; border-bottom: 1px solid var(--line); }
    .filters[hidden] { display: none; }
    .filters label { font-size: 13px; color: var(--muted); display: flex; align-items: center; gap: 6px; }
    .filters select { font: inherit; font-size: 14px; color: var(--ink); padding: 4px 8px; border: 1px solid #cfd5de; border-radius: 6px; background: var(--card); }
    .filters input { font: inherit; font-size: 14px; color: var(--ink); padding: 4px 8px; border: 1px solid #cfd5de; border-radius: 6px; background: var(--card); }
    .filters output { margin-left: auto; font-size: 13px; color: var(--muted); }
    .pager { display: flex; align-items: center; gap: 8px; font-size: 13px; color: var(--muted); }
    .pager button, .entity-table th button { font: inherit; color: var(--ink); background: var(--card); border: 1px solid #cfd5de; border-radius: 6px; padding: 3px 10px; cursor: pointer; }
    .pager button:disabled { color: #aab2bd; cursor: default; }
    .note { background: #eef4ff; border: 1px solid #cddcf7; border-radius: 8px; padding: 8px 12px; font-size: 13.5px; margin: 0 0 12px; }
    .table-title { font-size: 15px; margin: 22px 0 8px; }
    .table-wrap { max-height: 420px; overflow: auto; border: 1px solid var(--line); border-radius: 10px; background: var(--card); }
    .entity-table { width: 100%; border-collapse: collapse; font-size: 13px; }
    .entity-table th, .entity-table td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); white-space: nowrap; }
    .entity-table th { position: sticky; top: 0; background: #fafbfc; z-index: 1; }
    .entity-table th button { border: none; background: none; padding: 0; font-weight: 600; color: var(--muted); }
    .entity-table th[aria-sort="ascending"] button::after { content: " ▲"; }
    .entity-table th[aria-sort="descending"] button::after { content: " ▼"; }
    .entity-table th.num { text-align: right; }
    .entity-table td.num { text-align: right; font-variant-numeric: tabular-nums; }
    .entity-table td a { color: inherit; }
    .entity-table td.mean.favor { color: var(--favor-ink); } .entity-table td.mean.against { color: var(--against-ink); }

    .doc { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 18px 12px; margin: 0 0 12px; }
    .doc[hidden] { display: none; }
    .doc header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; }
    .doc h3 { font-size: 15px; margin: 0; }
    .doc .meta { color: var(--muted); font-size: 12.5px; margin: 0; }
    .chips { list-style: none; margin: 8px 0 4px; padding: 0; display: flex; flex-wrap: wrap; gap: 6px; }
    .chip { border: 1px solid; border-radius: 999px; padding: 1px 10px; font-size: 12.5px; }
    .chip b { font-weight: 600; }
    .chip.favor { background: var(--favor-bg); border-color: #b5dcc6; color: var(--favor-ink); }
    .chip.against { background: var(--against-bg); border-color: #efbdbb; color: var(--against-ink); }
    .chip.neutral { background: var(--neutral-bg); border-color: #d6dbe2; color: var(--neutral-ink); }
    .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 10px 0 0; line-height: 2.25; }
    mark { color: inherit; background: none; }
    .hl { position: relative; border-radius: 3px; padding: 1px 1px; cursor: help; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
    .hl:focus { outline: 2px solid var(--mention); outline-offset: 1px; }
    .mention { background: var(--mention-bg); box-shadow: inset 0 -2px 0 var(--mention); }
    .hit.pos { background: var(--favor-bg); box-shadow: inset 0 -2px 0 var(--favor); }
    .hit.neg { background: var(--against-bg); text-decoration: underline wavy var(--against); text-decoration-thickness: 1.5px; text-underline-offset: 3px; }
    .hit.zero { background: var(--neutral-bg); box-shadow: inset 0 -3px 0 -1px var(--neutral), inset 0 -1px 0 var(--neutral); }
    .mention::before { content: attr(data-type); position: absolute; left: 1px; top: -1.1em; font-size: 9px; line-height: 1; font-weight: 600; letter-spacing: 0.04em; color: var(--type-ink, var(--mention)); pointer-events: none; }
    .mention.t1 { --type-ink: #7a3fb5; background: #f1e8fb; box-shadow: inset 0 -2px 0 #7a3fb5; }
    .mention.t2 { --type-ink: #0f7c86; background: #e0f4f5; box-shadow: inset 0 -2px 0 #0f7c86; }
    .mention.t3 { --type-ink: #a0522d; background: #f8ece4; box-shadow: inset 0 -2px 0 #a0522d; }
    .mention.t4 { --type-ink: #4b5563; background: #eceff3; box-shadow: inset 0 -2px 0 #4b5563; }
    .mention.t5 { --type-ink: #b0306e; background: #fbe7f1; box-shadow: inset 0 -2px 0 #b0306e; }
    .mod { border-bottom: 2px dotted var(--modifier); border-radius: 0; padding: 0; }
    .hl[data-tip]:hover::after, .hl[data-tip]:focus::after {
      content: attr(data-tip); position: absolute; left: 0; top: calc(100% + 6px); z-index: 20;
      width: max-content; max-width: 26rem; white-space: pre-line; overflow-wrap: anywhere;
      background: #1c2330; color: #fff; font-size: 12.5px; line-height: 1.5; font-weight: 400;
      padding: 8px 10px; border-radius: 6px; box-shadow: 0 6px 18px rgba(0, 0, 0, 0.22); pointer-events: none;
    }
    .docscore { color: var(--muted); font-size: 12.5px; margin: 10px 0 0; }
    .warn { color: #8a5a00; background: #fff6e0; border-radius: 6px; font-size: 12.5px; padding: 2px 8px; margin: 6px 0 0; }
    .none { color: var(--muted); font-style: italic; }

    .errors { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); font-size: 13px; }
    .errors th, .errors td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
    .errors th { color: var(--muted); font-weight: 600; background: #fafbfc; }
    footer { margin-top: 36px; color: var(--muted); font-size: 12.5px; }
    """#

  /// Pages the document list, filters it by a text search, entity, dimension and label, and
  /// sorts the entity table; the state is kept in the URL fragment
  /// (`#q=cancel&entity=e3&label=against&page=2&sort=documents-desc`), so a view can be shared
  /// or bookmarked. Without the script every listed document shows and the (hidden) filter bar
  /// stays hidden.
  static let script = #"""
    (function () {
      "use strict";
      var bar = document.getElementById("filters");
      if (!bar) return;
      var $ = function (id) { return document.getElementById(id); };
      var text = $("filter-text"), entity = $("filter-entity"), dimension = $("filter-dimension");
      var label = $("filter-label"), count = $("filter-count");
      var prev = $("page-prev"), next = $("page-next"), info = $("page-info");
      var section = $("documents");
      var pageSize = parseInt(section.getAttribute("data-page-size"), 10) || 50;
      var docs = Array.prototype.slice.call(document.querySelectorAll("article.doc"));
      var haystacks = docs.map(function (doc) { return doc.textContent.toLowerCase(); });
      var table = $("entity-table");
      var page = 1, sort = "";
      function matches(doc, e, d, l) {
        if (!e && !d && !l) return true;
        var tokens = (doc.getAttribute("data-stance") || "").split(" ");
        for (var i = 0; i < tokens.length; i++) {
          var p = tokens[i].split(".");
          if (p.length !== 3) continue;
          if ((!e || p[0] === e) && (!d || p[1] === d) && (!l || p[2] === l)) return true;
        }
        return false;
      }
      function state() {
        var s = [];
        function add(key, value) { if (value) s.push(key + "=" + encodeURIComponent(value)); }
        add("q", text.value.trim()); add("entity", entity.value);
        add("dimension", dimension ? dimension.value : ""); add("label", label.value);
        if (page > 1) add("page", String(page));
        add("sort", sort);
        return s.join("&");
      }
      function save() {
        var fragment = state();
        var url = location.href.split("#")[0] + (fragment ? "#" + fragment : "");
        if (url === location.href) return;
        try { history.replaceState(null, "", url); } catch (e) { location.replace(url); }
      }
      function select(control, value) {
        if (!control) return;
        control.value = value;
        if (control.value !== value) control.value = "";
      }
      function load() {
        var values = {};
        location.hash.replace(/^#/, "").split("&").forEach(function (part) {
          var i = part.indexOf("=");
          if (i > 0) {
            try { values[part.slice(0, i)] = decodeURIComponent(part.slice(i + 1)); } catch (e) {}
          }
        });
        text.value = values.q || "";
        select(entity, values.entity || ""); select(dimension, values.dimension || "");
        select(label, values.label || "");
        page = Math.max(1, parseInt(values.page, 10) || 1);
        sort = values.sort || "";
        sortTable();
        apply(false);
      }
      function apply(persist) {
        var e = entity.value, d = dimension ? dimension.value : "", l = label.value;
        var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
        var hits = [];
        docs.forEach(function (doc, i) {
          var ok = matches(doc, e, d, l) && words.every(function (w) {
            return haystacks[i].indexOf(w) >= 0;
          });
          if (ok) hits.push(doc); else doc.hidden = true;
        });
        var pages = Math.max(1, Math.ceil(hits.length / pageSize));
        if (page > pages) page = pages;
        var first = (page - 1) * pageSize;
        hits.forEach(function (doc, i) { doc.hidden = i < first || i >= first + pageSize; });
        var range = hits.length ? (first + 1) + "–" + Math.min(first + pageSize, hits.length) : "0";
        count.textContent = hits.length === docs.length
          ? "showing " + range + " of " + docs.length + " documents"
          : "showing " + range + " of " + hits.length + " matching (" + docs.length + " listed)";
        info.textContent = "page " + page + " of " + pages;
        prev.disabled = page <= 1;
        next.disabled = page >= pages;
        if (persist) save();
      }
      function filtered() { page = 1; apply(true); }
      [entity, dimension, label].forEach(function (c) { if (c) c.addEventListener("change", filtered); });
      text.addEventListener("input", filtered);
      prev.addEventListener("click", function () { page--; apply(true); section.scrollIntoView(); });
      next.addEventListener("click", function () { page++; apply(true); section.scrollIntoView(); });
      Array.prototype.forEach.call(document.querySelectorAll("[data-filter-entity]"), function (link) {
        link.addEventListener("click", function (event) {
          event.preventDefault();
          entity.value = link.getAttribute("data-filter-entity");
          label.value = ""; text.value = "";
          filtered();
          section.scrollIntoView();
        });
      });
      function sortTable() {
        if (!table) return;
        var m = /^(.+)-(asc|desc)$/.exec(sort);
        var heads = table.querySelectorAll("th");
        var column = -1;
        Array.prototype.forEach.call(heads, function (th, i) {
          var on = m && th.getAttribute("data-key") === m[1];
          if (on) column = i;
          if (on) th.setAttribute("aria-sort", m[2] === "asc" ? "ascending" : "descending");
          else th.removeAttribute("aria-sort");
        });
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.forEach(function (row, i) { if (!row.hasAttribute("data-order")) row.setAttribute("data-order", i); });
        var sign = m && m[2] === "asc" ? 1 : -1;
        rows.sort(function (a, b) {
          if (column < 0) return a.getAttribute("data-order") - b.getAttribute("data-order");
          var x = a.cells[column].getAttribute("data-value"), y = b.cells[column].getAttribute("data-value");
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
          return c !== 0 ? sign * c : a.getAttribute("data-order") - b.getAttribute("data-order");
        });
        rows.forEach(function (row) { body.appendChild(row); });
      }
      if (table) {
        Array.prototype.forEach.call(table.querySelectorAll("th button"), function (button) {
          button.addEventListener("click", function () {
            var key = button.getAttribute("data-sort");
            var numeric = key !== "name" && key !== "type";
            var first = numeric ? "desc" : "asc";
            sort = sort === key + "-" + first ? key + "-" + (first === "asc" ? "desc" : "asc") : key + "-" + first;
            sortTable();
            save();
          });
        });
      }
      window.addEventListener("hashchange", load);
      bar.hidden = false;
      document.documentElement.setAttribute("data-js", "on");
      load();
    })();
    """#
}
