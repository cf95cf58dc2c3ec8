//! What is injected into every HTML response: a `<style>` for the overlay,
//! the server-rendered overlay itself (only while problems are set, so it is
//! visible without JavaScript), and the live-reload script.

use super::Problem;

/// Element id of the overlay; the CSS and the script both rely on it.
pub(crate) const OVERLAY_ID: &str = "__planpub-overlay";

/// Heading of the overlay.
pub(crate) const HEADING: &str = "Siden kunne ikke bygges";

/// Explanation under the heading.
const NOTE: &str = "Du ser den seneste version af siden, der kunne bygges. \
Ret fejlene herunder – siden opdateres af sig selv, når de er rettet.";

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
#__planpub-overlay code{font-family:ui-monospace,Menlo,Consolas,monospace;\
background:#eee;padding:0 .25em}\
#__planpub-overlay button{float:right;margin:0 0 .5rem 1rem;\
padding:.25rem .75rem;border:2px solid #000;background:#fff;cursor:pointer}\
#__planpub-overlay button:focus-visible{outline:3px solid #1a5fb4;\
outline-offset:2px}";

/// The live-reload script. `__VERSION__` is replaced by the version the page
/// was rendered at; `__HEADING__`/`__NOTE__` by JSON strings.
const SCRIPT: &str = r#"(function () {
  'use strict';
  if (!window.EventSource) return;
  var version = '__VERSION__';
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
  function show(list) {
    var old = document.getElementById('__planpub-overlay');
    if (old && old.parentNode) old.parentNode.removeChild(old);
    if (!list.length) return;
    var box = el('div');
    box.id = '__planpub-overlay';
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', 'da');
    box.setAttribute('aria-labelledby', '__planpub-overlay-title');
    var close = el('button', 'Skjul');
    close.type = 'button';
    close.onclick = function () { if (box.parentNode) box.parentNode.removeChild(box); };
    box.appendChild(close);
    var h = el('h2', __HEADING__);
    h.id = '__planpub-overlay-title';
    box.appendChild(h);
    box.appendChild(el('p', __NOTE__));
    var ul = el('ul');
    list.forEach(function (p) {
      var li = el('li');
      var loc = String(p.file || '');
      if (p.line != null) { loc += ':' + p.line; if (p.column != null) loc += ':' + p.column; }
      li.appendChild(el('code', loc));
      if (p.field != null) {
        li.appendChild(document.createTextNode(' · felt '));
        li.appendChild(el('code', String(p.field)));
      }
      li.appendChild(document.createTextNode(': ' + String(p.message || '')));
      ul.appendChild(li);
    });
    box.appendChild(ul);
    (document.body || document.documentElement).appendChild(box);
  }
})();"#;

/// Insert the snippet before the last `</body>` (any case), or append it.
pub(crate) fn inject(html: &[u8], version: u64, problems: &[Problem]) -> Vec<u8> {
    let snippet = snippet(version, problems);
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
pub(crate) fn snippet(version: u64, problems: &[Problem]) -> String {
    let js = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned());
    let script = SCRIPT
        .replace("__VERSION__", &version.to_string())
        .replace("__HEADING__", &js(HEADING))
        .replace("__NOTE__", &js(NOTE));
    format!(
        "\n<style id=\"__planpub-style\">{STYLE}</style>\n{}<script id=\"__planpub-reload\">{script}</script>\n",
        overlay(problems)
    )
}

/// The server-rendered overlay; empty when there are no problems.
pub(crate) fn overlay(problems: &[Problem]) -> String {
    if problems.is_empty() {
        return String::new();
    }
    let mut items = String::new();
    for p in problems {
        items.push_str("<li><code>");
        items.push_str(&escape(&location(p)));
        items.push_str("</code>");
        if let Some(field) = &p.field {
            items.push_str(" · felt <code>");
            items.push_str(&escape(field));
            items.push_str("</code>");
        }
        items.push_str(": ");
        items.push_str(&escape(&p.message));
        items.push_str("</li>");
    }
    format!(
        "<div id=\"{OVERLAY_ID}\" role=\"alert\" lang=\"da\" aria-labelledby=\"{OVERLAY_ID}-title\">\
<button type=\"button\" onclick=\"this.parentNode.parentNode.removeChild(this.parentNode)\">Skjul</button>\
<h2 id=\"{OVERLAY_ID}-title\">{HEADING}</h2><p>{NOTE}</p><ul>{items}</ul></div>\n"
    )
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

/// Escape text for HTML element content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
