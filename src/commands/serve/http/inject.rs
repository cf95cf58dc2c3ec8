//! What is injected into every HTML response: a `<style>` for the overlay,
//! the server-rendered overlay itself (only while problems are set, so it is
//! visible without JavaScript), and the live-reload script.

use super::Problem;
use serde::Serialize;

/// Element id of the overlay; the CSS and the script both rely on it.
pub(crate) const OVERLAY_ID: &str = "__planpub-overlay";

/// The overlay's own words, in the site's language (from `crate::messages`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverlayLabels {
    /// The `lang` attribute: `da` or `en`.
    pub lang: String,
    pub heading: String,
    /// Explanation under the heading.
    pub note: String,
    pub hide: String,
    /// The word before a field name.
    pub field: String,
    /// The heading of a problem's help.
    pub help: String,
    /// The text of the link that opens the file in the editor.
    pub open: String,
    /// "1 problem" / "n problems", as `[one, other]` with `{n}` for the number.
    pub count: [String; 2],
}

impl OverlayLabels {
    /// The labels in `lang`.
    pub fn new(lang: crate::model::config::Language) -> OverlayLabels {
        use crate::messages::Key;
        let m = crate::messages::of(lang);
        let count = |n| {
            m.text(&Key::new("overlay-count").num("n", n))
                .replace(&n.to_string(), "{n}")
        };
        OverlayLabels {
            lang: lang.code().to_string(),
            heading: m.get("overlay-heading"),
            note: m.get("overlay-note"),
            hide: m.get("overlay-hide"),
            field: m.get("overlay-field"),
            help: m.get("overlay-help"),
            open: m.get("overlay-open"),
            count: [count(1), count(7)],
        }
    }

    fn count(&self, n: usize) -> String {
        self.count[usize::from(n != 1)].replace("{n}", &n.to_string())
    }
}

impl Default for OverlayLabels {
    fn default() -> Self {
        OverlayLabels::new(crate::model::config::Language::Da)
    }
}

/// Styles scoped to the overlay: black on white with a red bar (contrast
/// 21:1 for text), large type, fixed to the bottom above everything.
const STYLE: &str = "#__planpub-overlay{all:initial;display:block;position:fixed;\
left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;\
box-sizing:border-box;padding:1rem 1.25rem;background:#fff;color:#000;\
border-top:.5rem solid #b00020;box-shadow:0 -.25rem 1rem rgba(0,0,0,.45);\
font:1rem/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;text-align:left}\
#__planpub-overlay *{box-sizing:border-box;color:#000;font:inherit;\
letter-spacing:normal;text-transform:none}\
#__planpub-overlay h2{display:block;margin:0 0 .5rem;font-size:1.3rem;\
font-weight:700;color:#8a0015}\
#__planpub-overlay p{display:block;margin:0 0 .5rem}\
#__planpub-overlay ul{display:block;margin:0;padding:0 0 0 1.25rem;\
list-style:disc}\
#__planpub-overlay li{display:list-item;margin:.25rem 0}\
#__planpub-overlay ol>li{margin:0 0 .75rem}\
#__planpub-overlay .__pp-help{margin:.25rem 0 0;padding:.25rem .5rem;\
border-left:.25rem solid #1a5fb4;background:#f3f6fb}\
#__planpub-overlay .__pp-help strong{font-weight:700}\
#__planpub-overlay a{color:#0b4a9e;text-decoration:underline}\
#__planpub-overlay a:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}\
#__planpub-overlay ol{display:block;margin:0;padding:0 0 0 1.5rem;\
list-style:decimal}\
#__planpub-overlay code{font-family:ui-monospace,Menlo,Consolas,monospace;\
background:#eee;padding:0 .25em}\
#__planpub-overlay button{float:right;margin:0 0 .5rem 1rem;\
padding:.25rem .75rem;border:2px solid #000;background:#fff;cursor:pointer}\
#__planpub-overlay button:focus-visible{outline:3px solid #1a5fb4;\
outline-offset:2px}";

/// The live-reload script. `__VERSION__` is replaced by the version the page
/// was rendered at; `__LABELS__` by the [`OverlayLabels`] as JSON. It draws the
/// same overlay as [`overlay`] when a `problems` event arrives.
const SCRIPT: &str = r#"(function () {
  'use strict';
  if (!window.EventSource) return;
  var version = '__VERSION__';
  var L = __LABELS__;
  var es = new EventSource('/__planpub/events');
  es.addEventListener('hello', function (e) {
    if (e.lastEventId !== version) { es.close(); location.reload(); }
  });
  es.addEventListener('reload', function () { es.close(); location.reload(); });
  es.addEventListener('problems', function (e) {
    var list;
    try { list = JSON.parse(e.data); } catch (err) { return; }
    version = e.lastEventId;
    show(Array.isArray(list) ? list : []);
  });
  function el(tag, text) {
    var n = document.createElement(tag);
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function code(parent, text) {
    parent.appendChild(el('code', text));
  }
  // Text with its `code` spans shown as code (as the server renders it).
  function inline(parent, text) {
    var parts = String(text).split('`');
    if (parts.length % 2 === 0) { parent.appendChild(document.createTextNode(text)); return parent; }
    parts.forEach(function (p, i) {
      if (i % 2) code(parent, p); else if (p) parent.appendChild(document.createTextNode(p));
    });
    return parent;
  }
  // The help's lines: a line starting with "- " is a list item, others paragraphs.
  function help(text) {
    var box = el('div');
    box.className = '__pp-help';
    var head = el('strong', L.help + ':');
    box.appendChild(head);
    var ul = null;
    String(text).split('\n').forEach(function (line) {
      var item = /^\s*[-*] (.*)$/.exec(line);
      if (item) {
        if (!ul) { ul = el('ul'); box.appendChild(ul); }
        ul.appendChild(inline(el('li'), item[1]));
      } else if (line.trim()) {
        ul = null;
        box.appendChild(inline(el('p'), line.trim()));
      }
    });
    return box;
  }
  function show(list) {
    var old = document.getElementById('__planpub-overlay');
    if (old && old.parentNode) old.parentNode.removeChild(old);
    if (!list.length) return;
    var box = el('div');
    box.id = '__planpub-overlay';
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', L.lang);
    box.setAttribute('aria-labelledby', '__planpub-overlay-title');
    var close = el('button', L.hide);
    close.type = 'button';
    close.onclick = function () { if (box.parentNode) box.parentNode.removeChild(box); };
    box.appendChild(close);
    var h = el('h2', L.heading + ' (' + L.count[list.length === 1 ? 0 : 1].replace('{n}', list.length) + ')');
    h.id = '__planpub-overlay-title';
    box.appendChild(h);
    box.appendChild(el('p', L.note));
    var ol = el('ol');
    list.forEach(function (p) {
      var li = el('li');
      var loc = String(p.file || '');
      if (p.line != null) { loc += ':' + p.line; if (p.column != null) loc += ':' + p.column; }
      code(li, loc);
      if (p.field != null) {
        li.appendChild(document.createTextNode(' · ' + L.field + ' '));
        code(li, String(p.field));
      }
      li.appendChild(document.createTextNode(': '));
      inline(li, String(p.message || ''));
      if (p.editor) {
        var a = el('a', L.open);
        a.href = p.editor;
        li.appendChild(document.createTextNode(' '));
        li.appendChild(a);
      }
      if (p.help) li.appendChild(help(p.help));
      ol.appendChild(li);
    });
    box.appendChild(ol);
    (document.body || document.documentElement).appendChild(box);
  }
})();"#;

/// Insert the snippet before the last `</body>` (any case), or append it.
pub(crate) fn inject(
    html: &[u8],
    version: u64,
    problems: &[Problem],
    labels: &OverlayLabels,
) -> Vec<u8> {
    let snippet = snippet(version, problems, labels);
    let at = find_body_close(html).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + snippet.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(snippet.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn find_body_close(html: &[u8]) -> Option<usize> {
    const NEEDLE: &[u8] = b"</body";
    html.windows(NEEDLE.len())
        .rposition(|w| w.eq_ignore_ascii_case(NEEDLE))
}

/// Style, overlay (if any problems) and script, as one HTML fragment.
pub(crate) fn snippet(version: u64, problems: &[Problem], labels: &OverlayLabels) -> String {
    // `</` never appears in JSON strings of serde_json; escape it anyway so that no
    // label can end the script element.
    let json = serde_json::to_string(labels)
        .unwrap_or_else(|_| "{}".to_owned())
        .replace("</", "<\\/");
    let script = SCRIPT
        .replace("__VERSION__", &version.to_string())
        .replace("__LABELS__", &json);
    format!(
        "\n<style id=\"__planpub-style\">{STYLE}</style>\n{}<script id=\"__planpub-reload\">{script}</script>\n",
        overlay(problems, labels)
    )
}

/// The server-rendered overlay; empty when there are no problems. Each problem shows
/// where it is, the message, a link that opens the file in the editor, and its help
/// with lists kept as lists.
pub(crate) fn overlay(problems: &[Problem], labels: &OverlayLabels) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut items = String::new();
    for p in problems {
        items.push_str("<li><code>");
        items.push_str(&escape(&location(p)));
        items.push_str("</code>");
        if let Some(field) = &p.field {
            items.push_str(&format!(" · {} <code>", escape(&labels.field)));
            items.push_str(&escape(field));
            items.push_str("</code>");
        }
        items.push_str(": ");
        items.push_str(&inline(&p.message));
        if let Some(url) = &p.editor {
            items.push_str(&format!(
                " <a href=\"{}\">{}</a>",
                escape(url),
                escape(&labels.open)
            ));
        }
        if let Some(help) = &p.help {
            items.push_str(&help_html(help, &labels.help));
        }
        items.push_str("</li>");
    }
    let id = OVERLAY_ID;
    format!(
        "<div id=\"{id}\" role=\"alert\" lang=\"{lang}\" aria-labelledby=\"{id}-title\">\
<button type=\"button\" onclick=\"this.parentNode.parentNode.removeChild(this.parentNode)\">{hide}</button>\
<h2 id=\"{id}-title\">{heading} ({count})</h2><p>{note}</p><ol>{items}</ol></div>\n",
        lang = escape(&labels.lang),
        hide = escape(&labels.hide),
        heading = escape(&labels.heading),
        count = escape(&labels.count(problems.len())),
        note = escape(&labels.note),
    )
}

/// A help text as HTML: lines starting with `- ` become a list, others paragraphs.
fn help_html(help: &str, label: &str) -> String {
    let mut out = format!(
        "<div class=\"__pp-help\"><strong>{}:</strong>",
        escape(label)
    );
    let mut in_list = false;
    for line in help.lines() {
        let item = line
            .trim_start()
            .strip_prefix("- ")
            .or_else(|| line.trim_start().strip_prefix("* "));
        match item {
            Some(item) => {
                if !in_list {
                    out.push_str("<ul>");
                    in_list = true;
                }
                out.push_str(&format!("<li>{}</li>", inline(item)));
            }
            None if line.trim().is_empty() => {}
            None => {
                if in_list {
                    out.push_str("</ul>");
                    in_list = false;
                }
                out.push_str(&format!("<p>{}</p>", inline(line.trim())));
            }
        }
    }
    if in_list {
        out.push_str("</ul>");
    }
    out.push_str("</div>");
    out
}

/// Text with its `code` spans (field names, values to write) shown as code.
fn inline(text: &str) -> String {
    let parts: Vec<&str> = text.split('`').collect();
    // An odd number of backticks: show them as they are.
    if parts.len().is_multiple_of(2) {
        return escape(text);
    }
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if !i.is_multiple_of(2) {
                format!("<code>{}</code>", escape(p))
            } else {
                escape(p)
            }
        })
        .collect()
}

/// `file:line:column`, leaving out what is unknown.
pub(crate) fn location(p: &Problem) -> String {
    let mut s = p.file.clone();
    if let Some(line) = p.line {
        s.push_str(&format!(":{line}"));
        if let Some(col) = p.column {
            s.push_str(&format!(":{col}"));
        }
    }
    s
}

pub(crate) use crate::formats::escape::markup as escape;
