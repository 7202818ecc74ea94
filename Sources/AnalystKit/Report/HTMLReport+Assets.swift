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
    .swatch.favor { background: var(--favor); } .swatch.neutral { background: var(--neutral); } .swatch.against { background: var(--against); }
    .swatch.mention { background: var(--mention-bg); box-shadow: inset 0 -2px 0 var(--mention); }
    .swatch.pos { background: var(--favor-bg); box-shadow: inset 0 -2px 0 var(--favor); }
    .swatch.neg { background: var(--against-bg); box-shadow: inset 0 -2px 0 var(--against); }
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
    .chart text.count { fill: #fff; font-weight: 600; }
    .chart text.mean.favor { fill: var(--favor-ink); } .chart text.mean.against { fill: var(--against-ink); }
    .chart .track { fill: var(--neutral-bg); }
    .chart .seg.favor { fill: var(--favor); } .chart .seg.neutral { fill: var(--neutral); } .chart .seg.against { fill: var(--against); }
    .chart .axis { stroke: #c9cfd8; stroke-width: 1; }
    .chart .tick { stroke: #9aa3af; stroke-width: 1; }
    .chart .dot { stroke: #fff; stroke-width: 1.5; }
    .chart .dot.favor { fill: var(--favor); } .chart .dot.neutral { fill: var(--neutral-ink); } .chart .dot.against { fill: var(--against); }

    .filters { position: sticky; top: 0; z-index: 5; display: flex; flex-wrap: wrap; align-items: center; gap: 10px 16px;
      background: var(--bg); padding: 10px 0; margin: 0 0 8px; border-bottom: 1px solid var(--line); }
    .filters[hidden] { display: none; }
    .filters label { font-size: 13px; color: var(--muted); display: flex; align-items: center; gap: 6px; }
    .filters select { font: inherit; font-size: 14px; color: var(--ink); padding: 4px 8px; border: 1px solid #cfd5de; border-radius: 6px; background: var(--card); }
    .filters output { margin-left: auto; font-size: 13px; color: var(--muted); }

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
    .text { white-space: pre-wrap; overflow-wrap: anywhere; margin: 8px 0 0; line-height: 1.75; }
    mark { color: inherit; background: none; }
    .hl { position: relative; border-radius: 3px; padding: 1px 1px; cursor: help; -webkit-box-decoration-break: clone; box-decoration-break: clone; }
    .hl:focus { outline: 2px solid var(--mention); outline-offset: 1px; }
    .mention { background: var(--mention-bg); box-shadow: inset 0 -2px 0 var(--mention); }
    .hit.pos { background: var(--favor-bg); box-shadow: inset 0 -2px 0 var(--favor); }
    .hit.neg { background: var(--against-bg); box-shadow: inset 0 -2px 0 var(--against); }
    .hit.zero { background: var(--neutral-bg); box-shadow: inset 0 -2px 0 var(--neutral); }
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

  /// Filters the document list by entity, dimension and label. Without it every document shows
  /// and the (hidden) filter bar stays hidden.
  static let script = #"""
    (function () {
      "use strict";
      var bar = document.getElementById("filters");
      if (!bar) return;
      var entity = document.getElementById("filter-entity");
      var dimension = document.getElementById("filter-dimension");
      var label = document.getElementById("filter-label");
      var count = document.getElementById("filter-count");
      var docs = Array.prototype.slice.call(document.querySelectorAll("article.doc"));
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
      function apply() {
        var e = entity.value, d = dimension ? dimension.value : "", l = label.value, shown = 0;
        docs.forEach(function (doc) {
          var ok = matches(doc, e, d, l);
          doc.hidden = !ok;
          if (ok) shown++;
        });
        count.textContent = shown === docs.length
          ? "showing all " + docs.length + " documents"
          : "showing " + shown + " of " + docs.length + " documents";
      }
      [entity, dimension, label].forEach(function (select) {
        if (select) select.addEventListener("change", apply);
      });
      Array.prototype.forEach.call(document.querySelectorAll("[data-filter-entity]"), function (link) {
        link.addEventListener("click", function () {
          entity.value = link.getAttribute("data-filter-entity");
          label.value = "";
          apply();
        });
      });
      bar.hidden = false;
      document.documentElement.setAttribute("data-js", "on");
      apply();
    })();
    """#
}
