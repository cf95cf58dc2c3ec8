#!/usr/bin/env python3
"""Adversarial run: throws broken sites, wrong types for every field, injection payloads,
huge inputs and hostile clients at the release binary, and counts the outcomes.

    python3 tests/adversarial/run.py            # builds target/release/planpub first
    python3 tests/adversarial/run.py --quick    # fewer huge inputs and date strings

Every case says what must happen: "refuse" (exit 1 with an error), "build" (exit 0) or
"either" (both are acceptable, e.g. an empty optional field). Outcomes:

* clear error: exit 1, every error line names its file and, for a content file or
  site.yaml, its line or field, in plain words (no serde or parser jargon);
* vague error: exit 1 with an error line that lacks them or contains jargon;
* panic: exit 101, or "panicked" printed;
* silent success: exit 0 for a case that must be refused, or a built site in which an
  injected payload is live (a script, an event handler, a `javascript:` link, a forged
  calendar line, a leaked draft) or a warning that the case needs is missing.

It prints the figures and the vague, panicking and silent cases, and exits 1 if there
are any panics or silent successes. It is a report, not part of `cargo test`.
"""

import html.parser
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("PLANPUB_BIN", ROOT / "target" / "release" / "planpub"))
QUICK = "--quick" in sys.argv
SITE = "title: Adversarial\nbase_url: https://planer.test.dk/\nlanguage: da\n"
JARGON = ["Value::", "u128", "i128", "invalid type", "invalid value", "struct ", "cannot start any token",
          "expected any YAML value", "untagged", "did not match any variant", "IO error", "os error"]
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data):", re.I)


class Live(html.parser.HTMLParser):
    """Finds what a browser would run in a page: script elements the theme did not put
    there, event-handler attributes, script URLs in links and sources, frames, objects,
    base and refresh elements. Text (escaped payloads) is not looked at."""

    THEME_SCRIPTS = ("assets/hearing.js", "assets/search.js", "search-index.js")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.in_script = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "script":
            src = a.get("src", "")
            if a.get("type") == "application/ld+json" or any(src.endswith(t) for t in self.THEME_SCRIPTS):
                self.in_script = "ok"
            else:
                self.found.append(f"<script {src}>")
        if tag in ("iframe", "object", "embed", "base", "frame", "applet"):
            self.found.append(f"<{tag}>")
        if tag == "meta" and "refresh" in a.get("http-equiv", "").lower():
            self.found.append("<meta refresh>")
        for k, v in a.items():
            if k.startswith("on"):
                self.found.append(f"{tag} {k}=")
            if k in ("href", "src", "action", "formaction", "data", "xlink:href") and BAD_SCHEME.match(v):
                self.found.append(f"{tag} {k}={v[:20]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self.in_script = None

    def handle_data(self, data):
        if self.in_script == "ok" and "</script" in data.lower():
            self.found.append("script data breaks out")



results = []  # (category, name, detail)


def run(args, cwd=None, timeout=120, env=None):
    e = dict(os.environ)
    e.pop("SOURCE_DATE_EPOCH", None)
    if env:
        e.update(env)
    t = time.time()
    try:
        p = subprocess.run([str(BIN)] + args, cwd=cwd, capture_output=True, timeout=timeout, env=e)
        return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace"), time.time() - t
    except subprocess.TimeoutExpired:
        return None, "", "timed out", time.time() - t


def error_lines(stderr):
    return [l for l in stderr.splitlines() if l.startswith("error: ")]


def is_vague(line):
    if any(j in line for j in JARGON):
        return True
    if "there is no `" in line:  # a missing file or folder has no line to name
        return False
    m = re.match(r"error: ([^:]+?)(:(\d+))?(:\d+)?: (field `[^`]+`: )?", line)
    if not m:
        return True
    file, has_line, has_field = m.group(1), m.group(3), m.group(5)
    if file.endswith(".md") or file == "site.yaml":
        return not (has_line or has_field)
    return False


def live_payloads(out):
    found = []
    for p in Path(out).rglob("*"):
        if not p.is_file():
            continue
        if p.suffix in (".html", ".htm"):
            parser = Live()
            parser.feed(p.read_text("utf-8", "replace"))
            found += [f"{p.relative_to(out)}: {f}" for f in parser.found]
        elif p.suffix == ".ics":
            text = p.read_text("utf-8", "replace")
            if re.search(r"^(X-INJECTED|ATTENDEE)", text, re.M):
                found.append(f"{p.name}: forged calendar line")
        elif p.name == "search-index.js" and "</script" in p.read_text("utf-8", "replace").lower():
            found.append("search-index.js: </script")
    return found


def site_case(name, files, expect, needs=None, forbid=None, args=None, raw_site=None):
    """Builds a site made of `files` ({path: text or bytes}) and records the outcome."""
    tmp = Path(tempfile.mkdtemp(prefix="planpub-adv-"))
    root = tmp / "site"
    (root / "content").mkdir(parents=True)
    if raw_site is not False:
        (root / "site.yaml").write_text(raw_site if raw_site is not None else SITE)
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            p.write_bytes(data)
        elif data is None:
            pass
        else:
            p.write_text(data)
    out = tmp / "out"
    code, _, err, secs = run(["build", "--root", str(root), "--out", str(out), "--now", "2008-06-01"] + (args or []))
    record(name, code, err, expect, out, needs, forbid, secs)
    shutil.rmtree(tmp, ignore_errors=True)


def record(name, code, err, expect, out=None, needs=None, forbid=None, secs=0.0):
    if code is None:
        results.append(("silent success", name, f"no answer within the time limit ({secs:.0f} s)"))
        return
    if code == 101 or "panicked" in err:
        results.append(("panic", name, err[-400:]))
        return
    if code == 0:
        problems = []
        if expect == "refuse":
            problems.append("built although it must be refused")
        if out is not None and Path(out).exists():
            problems += live_payloads(out)
            for f in forbid or []:
                hits = [str(p) for p in Path(out).rglob("*") if p.is_file() and f.encode() in p.read_bytes()]
                if hits:
                    problems.append(f"{f!r} published in {hits[0]}")
        if needs and needs not in err:
            problems.append(f"no warning containing {needs!r}")
        if problems:
            results.append(("silent success", name, "; ".join(problems)))
        else:
            results.append(("built as expected", name, f"{secs:.2f} s"))
        return
    lines = error_lines(err)
    if expect == "build":
        results.append(("wrongly refused", name, (lines or [err])[0][:300]))
        return
    if not lines:
        results.append(("vague error", name, err.strip()[:300] or f"exit {code} without a message"))
        return
    vague = [l for l in lines if is_vague(l)]
    if vague:
        results.append(("vague error", name, vague[0][:300]))
    else:
        results.append(("clear error", name, lines[0][:160]))


def page(front, body="Tekst.\n"):
    return f"---\n{front}---\n\n{body}"


# ----------------------------------------------------------------------------- cases

HEARING = "type: hearing\ntitle: Høring\nopens: 2008-05-22\ncloses: 2008-06-20 12:00\nrespond:\n  email: svar@kommune.dk\n"
DECISION = "type: decision\ntitle: Beslutning\nbody: Byrådet\nmeeting: 2008-05-12\nitem: 3\n"
PLAN = "type: plan\ntitle: Plan\n"
PAGE = "type: page\ntitle: Side\n"

# field → (base document, kind)
FIELDS = {
    "title": (PAGE, "text!"), "slug": (PAGE, "slug"), "summary": (PAGE, "text"),
    "published": (PAGE, "date"), "updated": (PAGE, "date"), "publish_at": (PAGE, "date"),
    "draft": (PAGE, "bool"), "tags": (PAGE, "list"), "area": (PAGE, "text"),
    "attachments": (PAGE, "filelist"), "menu": (PAGE, "int"),
    "status": (PLAN, "enum"), "owner": (PLAN, "text"), "contact": (PLAN, "map"),
    "case_number": (PLAN, "textnum"), "document_number": (PLAN, "textnum"), "parent": (PLAN, "ref"),
    "timeline": (PLAN, "rowlist"), "tracks": (PLAN, "rowlist"),
    "plan": (HEARING, "ref"), "authority": (HEARING, "text"), "opens": (HEARING, "date!"),
    "closes": (HEARING, "date!"), "respond": (HEARING, "map!"), "documents": (HEARING, "filelist"),
    "meetings": (HEARING, "rowlist"), "responses": (HEARING, "rowlist"), "summary_note": (HEARING, "map"),
    "decision": (HEARING, "ref"), "min_days": (HEARING, "int"),
    "body": (DECISION, "text!"), "meeting": (DECISION, "date!"), "item": (DECISION, "int!"),
    "access": (DECISION, "enum"), "recommendations": (DECISION, "rowlist"), "absent": (DECISION, "list"),
    "plans": (DECISION, "reflist"), "hearings": (DECISION, "reflist"), "corrections": (DECISION, "rowlist"),
}
VALUES = {
    "list": "[a, b]", "map": "{a: 1}", "number": "5", "negative": "-3", "bool": "true", "empty": "",
    "float": "1.5", "tag": "!!binary aGVsbG8=", "custom tag": "!ref x", "huge number": "9" * 30,
    "text": "noget tekst",
}


def expectation(kind, value):
    required = kind.endswith("!")
    kind = kind.rstrip("!")
    if value in ("tag", "custom tag", "huge number"):
        return "refuse"
    if value == "empty":
        return "refuse" if required else "either"
    ok = {
        "text": {"text"}, "slug": {"number", "negative"}, "date": {"number", "float", "negative"},
        "bool": {"bool"}, "list": {"list"}, "reflist": set(), "filelist": set(), "int": {"number"}, "enum": set(),
        "map": set(), "ref": set(), "textnum": {"number", "float", "negative", "text"}, "rowlist": set(),
    }[kind]
    if kind == "text" and value in ("number", "float", "negative", "bool"):
        return "refuse"
    if kind in ("text", "textnum") and value == "text":
        return "build"
    return "either" if value in ok else "refuse"


def wrong_types():
    for field, (base, kind) in FIELDS.items():
        for vname, v in VALUES.items():
            lines = [l for l in base.splitlines(True) if not l.startswith(f"{field}:")]
            # nested lines of a removed map (respond:) go too
            if field == "respond" and base is HEARING:
                lines = [l for l in lines if not l.startswith("  email")]
            front = "".join(lines) + f"{field}: {v}\n"
            if field != "respond" and base is HEARING and "respond" not in front:
                front += "respond: {email: a@kommune.dk}\n"
            site_case(f"wrong type: {field} = {vname}", {"content/x.md": page(front)}, expectation(kind, vname))


def broken_sites():
    ok = {"content/a.md": page(PAGE)}
    site_case("no site.yaml", ok, "refuse", raw_site=False)
    for name, text in [
        ("empty site.yaml", ""), ("site.yaml is a list", "- a\n- b\n"), ("site.yaml is text", "hej\n"),
        ("no title", "base_url: https://x.dk/\n"), ("empty title", "title: \"\"\nbase_url: https://x.dk/\n"),
        ("no base_url", "title: T\n"), ("base_url https://", "title: T\nbase_url: \"https://\"\n"),
        ("base_url with space", "title: T\nbase_url: \"https://x .dk/\"\n"),
        ("base_url with quote", "title: T\nbase_url: 'https://x.dk/\"'\n"),
        ("base_url with query", "title: T\nbase_url: \"https://x.dk/?a=1\"\n"),
        ("base_url with fragment", "title: T\nbase_url: \"https://x.dk/#a\"\n"),
        ("base_url javascript", "title: T\nbase_url: \"javascript:alert(1)//\"\n"),
        ("base_url ftp", "title: T\nbase_url: ftp://x.dk/\n"),
        ("base_url path only", "title: T\nbase_url: /planer/\n"),
        ("base_url with user", "title: T\nbase_url: https://kommune.dk@evil.example/\n"),
        ("unknown setting", SITE + "titel: X\n"), ("language xx", SITE.replace("da", "xx")),
        ("timezone wrong", SITE + "timezone: Mars/Olympus\n"), ("theme ..", SITE + "theme: ../../outside\n"),
        ("theme absolute", SITE + "theme: /etc\n"), ("theme missing", SITE + "theme: themes/nope\n"),
        ("min_hearing_days text", SITE + "min_hearing_days: mange\n"),
        ("dates wrong length", SITE + "dates:\n  year_parts:\n    primo: [1]\n"),
        ("dates danish season", SITE + "dates:\n  seasons:\n    vinter: [11, 2]\n"),
        ("accessibility_page missing", SITE + "accessibility_page: findes-ikke\n"),
        ("site contact email bcc", SITE + "contact:\n  email: \"a@b.dk?bcc=x@y.dk\"\n"),
        ("site contact url javascript", SITE + "contact:\n  url: javascript:alert(1)\n"),
        ("site yaml tab", SITE + "contact:\n\tname: x\n"), ("site yaml tag", SITE.replace("Adversarial", "!!binary QQ==")),
        ("site yaml duplicate key", SITE + "title: Igen\n"), ("allow_active_attachments text", SITE + "allow_active_attachments: svg\n"),
    ]:
        site_case(f"site.yaml: {name}", ok, "refuse", raw_site=text)
    tmp_bytes = {"content/a.md": page(PAGE)}
    site_case("site.yaml not UTF-8", {**tmp_bytes, "site.yaml": b"title: K\xf8ge\nbase_url: https://x.dk/\n"}, "refuse", raw_site=False)
    site_case("site.yaml with BOM", {**tmp_bytes, "site.yaml": b"\xef\xbb\xbf" + SITE.encode()}, "build", raw_site=False)
    site_case("CRLF line endings", {"content/a.md": page(PAGE).replace("\n", "\r\n")}, "build")
    for name, text in [
        ("no front matter", "Bare tekst\n"), ("front matter never closed", "---\ntype: page\ntitle: A\n"),
        ("empty file", ""), ("front matter is a list", "---\n- a\n---\n"), ("front matter is text", "---\nhej\n---\n"),
        ("no type", "---\ntitle: A\n---\n"), ("type unknown", "---\ntype: side\ntitle: A\n---\n"),
        ("type danish", "---\ntype: høring\ntitle: A\n---\n"), ("title empty", "---\ntype: page\ntitle: \"\"\n---\n"),
        ("title whitespace", "---\ntype: page\ntitle: \"   \"\n---\n"), ("misspelt field", "---\ntype: page\ntitel: A\n---\n"),
        ("nbsp in field name", "---\ntype: page\ntitle\u00a0: A\n---\n"), ("tab indentation", "---\ntype: page\ntitle: A\ncontact:\n\tname: x\n---\n"),
        ("duplicate field", "---\ntype: page\ntitle: A\ntitle: B\n---\n"), ("unbalanced bracket", "---\ntype: page\ntitle: [A\n---\n"),
        ("slug with slash", "---\ntype: page\ntitle: A\nslug: a/b\n---\n"), ("slug ..", "---\ntype: page\ntitle: A\nslug: ..\n---\n"),
        ("slug 300 chars", "---\ntype: page\ntitle: A\nslug: " + "a" * 300 + "\n---\n"),
        ("reserved slug", "---\ntype: page\ntitle: A\nslug: api\n---\n"),
        ("hearing closes before opens", "---\n" + HEARING.replace("2008-05-22", "2008-07-01") + "---\n"),
        ("hearing opens fuzzy", "---\n" + HEARING.replace("2008-05-22", "primo maj 2008") + "---\n"),
        ("hearing no way to respond", "---\n" + HEARING.replace("respond:\n  email: svar@kommune.dk\n", "") + "---\n"),
        ("hearing missing opens and closes", "---\ntype: hearing\ntitle: H\nrespond: {email: a@kommune.dk}\n---\n"),
        ("meeting without when", "---\n" + HEARING + "meetings:\n  - where: Rådhuset\n---\n"),
        ("decision missing everything", "---\ntype: decision\ntitle: D\n---\n"),
        ("decision meeting fuzzy", "---\n" + DECISION.replace("2008-05-12", "maj 2008") + "---\n"),
        ("decision body cyrillic", "---\n" + DECISION.replace("Byrådet", "Совет") + "---\n"),
        ("timeline row without date", "---\n" + PLAN + "timeline:\n  - what: x\n---\n"),
        ("timeline when and undated", "---\n" + PLAN + "timeline:\n  - when: 2024\n    undated: nej\n    what: x\n---\n"),
        ("unknown date", "---\n" + PLAN + "timeline:\n  - when: næste forår\n    what: x\n---\n"),
        ("parent loop", "---\n" + PLAN + "parent: x\n---\n"),
        ("reference to nothing", "---\n" + HEARING + "plan: findes-ikke\n---\n"),
        ("attachment missing", "---\n" + PAGE + "attachments:\n  - title: A\n    file: nope.pdf\n---\n"),
        ("attachment ..", "---\n" + PAGE + "attachments:\n  - title: A\n    file: ../../etc/passwd\n---\n"),
        ("attachment absolute", "---\n" + PAGE + "attachments:\n  - title: A\n    file: /etc/passwd\n---\n"),
        ("attachment backslash", "---\n" + PAGE + "attachments:\n  - title: A\n    file: ..\\\\x.pdf\n---\n"),
        ("huge number", "---\n" + DECISION.replace("item: 3", "item: " + "9" * 40) + "---\n"),
    ]:
        site_case(f"content: {name}", {"content/x.md": text}, "refuse")
    site_case("content: not UTF-8", {"content/x.md": b"---\ntype: page\ntitle: K\xf8ge\n---\n"}, "refuse")
    site_case("content: binary garbage", {"content/x.md": bytes(random.Random(1).randrange(256) for _ in range(4000))}, "refuse")
    tmp = Path(tempfile.mkdtemp(prefix="planpub-adv-"))
    (tmp / "site").mkdir()
    (tmp / "site" / "site.yaml").write_text(SITE)
    (tmp / "site" / "content").write_text("---\ntype: page\ntitle: A\n---\n")
    code, _, err, secs = run(["build", "--root", str(tmp / "site"), "--out", str(tmp / "out"), "--now", "2008-06-01"])
    record("content is a file", code, err, "refuse", tmp / "out", secs=secs)
    (tmp / "site" / "content").unlink()
    code, _, err, secs = run(["build", "--root", str(tmp / "site"), "--out", str(tmp / "out"), "--now", "2008-06-01"])
    record("no content folder", code, err, "refuse", tmp / "out", secs=secs)
    shutil.rmtree(tmp, ignore_errors=True)
    # Symbolic links out of the site, to folders and to nothing: a warning naming the file.
    outside = Path(tempfile.mkdtemp(prefix="planpub-adv-outside-"))
    (outside / "hemmelig.md").write_text(page(PAGE.replace("Side", "HEMMELIG-LINK")))
    for name, target in [("link out", outside / "hemmelig.md"), ("link to folder", outside), ("broken link", outside / "nope.md")]:
        tmp = Path(tempfile.mkdtemp(prefix="planpub-adv-"))
        (tmp / "site" / "content").mkdir(parents=True)
        (tmp / "site" / "site.yaml").write_text(SITE)
        (tmp / "site" / "content" / "a.md").write_text(page(PAGE))
        os.symlink(target, tmp / "site" / "content" / "l.md")
        code, _, err, secs = run(["build", "--root", str(tmp / "site"), "--out", str(tmp / "out"), "--now", "2008-06-01"])
        record(f"content: {name}", code, err, "build", tmp / "out", needs="this is a link to", forbid=["HEMMELIG-LINK"], secs=secs)
        shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(outside, ignore_errors=True)
    # Output folders that must be refused, for build and snapshot.
    tmp = Path(tempfile.mkdtemp(prefix="planpub-adv-"))
    (tmp / "site" / "content").mkdir(parents=True)
    (tmp / "site" / "site.yaml").write_text(SITE)
    (tmp / "site" / "content" / "a.md").write_text(page(PAGE))
    for verb in ["build", "snapshot"]:
        for name, out in [("/", "/"), ("$HOME", str(tmp)), ("site root", str(tmp / "site")), ("content/", str(tmp / "site" / "content"))]:
            code, _, err, secs = run([verb, "--root", str(tmp / "site"), "--out", out, "--now", "2008-06-01"], env={"HOME": str(tmp)})
            record(f"{verb} --out {name}", code, err, "refuse", secs=secs)
    code, _, err, secs = run(["build", "--root", str(tmp / "site"), "--out", str(tmp / "o"), "--base-url", "javascript:alert(1)//"])
    record("build --base-url javascript", code, err, "refuse", secs=secs)
    shutil.rmtree(tmp, ignore_errors=True)


PAYLOADS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
    "<iframe src=javascript:alert(1)>", "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"&#106;avascript:alert(1)\">x</a>", "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x]( javascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)", "![x](javascript:alert(1))", "<meta http-equiv=refresh content=0;url=//evil>",
    "<base href=//evil.example/>", "<form action=javascript:alert(1)><button>x</button></form>", "<object data=x.swf>",
    "<embed src=x.swf>", "<style>body{background:url(javascript:alert(1))}</style>", "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "\"><script>alert(1)</script>", "'><img src=x onerror=alert(1)>", "</title><script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}x{% endraw %}",
    "]]></title><x>", "\u2028\u2029", "\x00\x01\x02", "line1\nX-INJECTED:1", "a\r\nATTENDEE:mailto:x@evil.example", "</script><script>alert(1)</script>",
    "<!--", "<![CDATA[x]]>", "<?php echo 1 ?>", "<textarea>", "<plaintext>", "<xmp>", "<template><img src=x onerror=alert(1)></template>",
    "%3Cscript%3Ealert(1)%3C/script%3E", "&lt;script&gt;alert(1)&lt;/script&gt;", "<a href=\"vbscript:msgbox(1)\">x</a>",
    "<details open ontoggle=alert(1)>", "<video><source onerror=alert(1)>", "<body onload=alert(1)>", "<input autofocus onfocus=alert(1)>",
]


def injections():
    for i, p in enumerate(PAYLOADS):
        q = p.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\x00", "").replace("\x01", "").replace("\x02", "")
        q = q.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
        front = f"type: plan\ntitle: \"Plan {q}\"\nsummary: \"{q}\"\ntags: [\"{q}\"]\narea: \"{q}\"\ncase_number: \"{q}\"\npublished: 2008-01-01\ntimeline:\n  - when: primo 2008\n    what: \"{q}\"\n"
        site_case(f"injection {i} in fields: {p[:40]!r}", {"content/x.md": page(front, f"Før {p} efter.\n\nSidste afsnit.\n")}, "either")
        site_case(f"injection {i} in body only: {p[:40]!r}", {"content/x.md": page(PAGE, f"{p}\n\nSidste afsnit.\n")}, "either")
    for name, value, expect in [
        ("respond.url javascript", "url: javascript:alert(1)", "refuse"), ("respond.url upper", "url: JAVASCRIPT:alert(1)", "refuse"),
        ("respond.url spaces", "url: \"   javascript:alert(1)\"", "refuse"), ("respond.url tab", "url: \"java\\tscript:alert(1)\"", "refuse"),
        ("respond.url data", "url: \"data:text/html,<script>alert(1)</script>\"", "refuse"), ("respond.url vbscript", "url: vbscript:x", "refuse"),
        ("respond.url relative", "url: /svar", "refuse"), ("respond.url protocol-relative", "url: //evil.example/", "refuse"),
        ("respond.url quote", "url: 'https://x.dk/\"onmouseover=alert(1)'", "refuse"), ("respond.url user", "url: https://kommune.dk@evil.example/", "refuse"),
        ("respond.email bcc", "email: \"a@b.dk?bcc=x@y.dk\"", "refuse"), ("respond.email crlf", "email: \"a@b.dk\\r\\nBcc: x@y.dk\"", "refuse"),
        ("respond.email words", "email: ikke en adresse", "refuse"), ("respond.email display", "email: \"Navn <a@b.dk>\"", "refuse"),
        ("respond.email no domain dot", "email: a@b", "refuse"), ("respond.email percent", "email: \"a%0a@b.dk\"", "refuse"),
    ]:
        front = HEARING.replace("  email: svar@kommune.dk\n", f"  {value}\n")
        site_case(f"injection: {name}", {"content/x.md": page(front)}, expect)
    site_case("injection: plan contact.email bcc", {"content/x.md": page(PLAN + "contact:\n  email: \"a@b.dk?bcc=x@y.dk\"\n")}, "refuse")
    for ext, body in [("svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"), ("html", b"<script>alert(1)</script>"),
                      ("htm", b"<script>alert(1)</script>"), ("xhtml", b"<html xmlns='http://www.w3.org/1999/xhtml'><script>alert(1)</script></html>"),
                      ("xml", b"<x:script xmlns:x='http://www.w3.org/1999/xhtml'>alert(1)</x:script>"), ("js", b"alert(1)"), ("mjs", b"alert(1)"), ("SVG", b"<svg/>")]:
        site_case(f"active attachment .{ext}", {"content/x.md": page(PAGE + f"attachments:\n  - title: A\n    file: a.{ext}\n"), f"content/a.{ext}": body}, "refuse")
    site_case("active attachment allowed svg", {"content/x.md": page(PAGE + "attachments:\n  - title: A\n    file: a.svg\n"), "content/a.svg": b"<svg/>"}, "build",
              raw_site=SITE + "allow_active_attachments: [svg]\n")
    # Drafts and embargoes must not leak through links, feeds, search or the sitemap.
    secret = {"content/kladde.md": page("type: plan\ntitle: HEMMELIG-KLADDE\ndraft: true\n", "HEMMELIG-TEKST\n"),
              "content/embargo.md": page("type: plan\ntitle: HEMMELIG-EMBARGO\npublish_at: 2009-01-01\n", "HEMMELIG-TEKST\n")}
    site_case("links to a draft and an embargo", {**secret, "content/x.md": page(PAGE, "[a](/planer/kladde/) [b](../planer/embargo/) <https://planer.test.dk/planer/kladde/>\n")},
              "build", needs="is a draft or not yet published", forbid=["HEMMELIG", "planer/kladde", "planer/embargo"])
    site_case("unclosed script keeps the text", {"content/x.md": page(PAGE, "Om <script> i tekst. SYNLIG-EFTER.\n")}, "build", needs="would hide the text after it")


def huge():
    big = "Ord " * (250_000 if not QUICK else 50_000)
    tags = "".join(f"  - emne {i}\n" for i in range(100_000 if not QUICK else 20_000))
    for name, front, body, expect in [
        ("1 MB title", f"type: plan\ntitle: \"{big}\"\npublished: 2008-01-01\n", "x\n", "build"),
        ("100,000 tags", f"type: plan\ntitle: P\npublished: 2008-01-01\ntags:\n{tags}", "x\n", "build"),
        ("1 MB title and 100,000 tags", f"type: plan\ntitle: \"{big}\"\npublished: 2008-01-01\ntags:\n{tags}", "x\n", "build"),
        ("200,000 nested brackets", "type: page\ntitle: A\ntags: " + "[" * 200_000 + "]" * 200_000 + "\n", "x\n", "refuse"),
        ("200,000 nested maps", "type: page\ntitle: A\ntags: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", "x\n", "refuse"),
        ("100,001 tags", f"type: page\ntitle: A\ntags:\n{tags}" + "".join(f"  - x{i}\n" for i in range(100_001 - tags.count(chr(10)))), "x\n", "refuse"),
        ("5 MB front matter", "type: page\ntitle: \"" + "x" * (5 << 20) + "\"\n", "x\n", "refuse"),
        ("10 MB body", PAGE, "Ord og flere ord.\n\n" * 500_000, "build"),
        ("100,000 links", PAGE, "[a](/planer/x/) " * 100_000, "build"),
        ("50,000 headings", PAGE, "".join(f"## Afsnit {i}\n\n" for i in range(50_000)), "build"),
        ("deep block quote", PAGE, ">" * 10_000 + " x\n", "build"),
        ("deep list", PAGE, "".join("  " * i + "- x\n" for i in range(2_000)), "build"),
        ("billion laughs", "type: page\ntitle: A\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n", "x\n", "refuse"),
    ]:
        t = time.time()
        site_case(f"huge: {name}", {"content/x.md": page(front, body)}, expect)
        results[-1] = (results[-1][0], results[-1][1], results[-1][2] + f" [{time.time() - t:.1f} s]")
    many = {f"content/p{i}.md": page(f"type: page\ntitle: Side {i}\n") for i in range(2_000 if not QUICK else 300)}
    site_case("huge: 2,000 files", many, "build")


def dates():
    rnd = random.Random(14)
    words = ["primo", "medio", "ultimo", "uge", "kvartal", "halvår", "til", "–", "-", "/", "maj", "dec.", "2024", "31.", "1.",
             "Q2", "fra", "og frem", "kl. 25.99", "løbende", "senest", "9999999999", "0", "februar", "forår", "H1", "early", "-", "29.", "feb"]
    n = 300 if QUICK else 2_000
    for i in range(n):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randrange(1, 6))) if i % 2 else "".join(
            chr(rnd.randrange(32, 0x250)) for _ in range(rnd.randrange(0, 20)))
        code, out, err, _ = run(["date", "--", text])
        if code == 101 or "panicked" in err:
            results.append(("panic", f"date {text!r}", err[-300:]))
        elif code == 0:
            results.append(("date read", f"date {text!r}", out.splitlines()[0] if out else ""))
        elif code == 1 and err.startswith("error") or "is not a date" in err:
            results.append(("date refused plainly", f"date {text!r}", err.splitlines()[0][:120] if err else ""))
        else:
            results.append(("vague error", f"date {text!r}", f"exit {code}: {err[:200]}"))


def server():
    tmp = Path(tempfile.mkdtemp(prefix="planpub-adv-serve-"))
    root = tmp / "site"
    (root / "content").mkdir(parents=True)
    (root / "site.yaml").write_text(SITE)
    (root / "content" / "a.md").write_text(page(PAGE + "attachments:\n  - title: Stor\n    file: stor.pdf\n"))
    (root / "content" / "stor.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * (64 << 20))
    (tmp / "hemmelig.txt").write_text("HEMMELIG-FIL")
    port = free_port()
    proc = subprocess.Popen([str(BIN), "serve", "--root", str(root), "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.time() + 60
        while time.time() < deadline and not answer(port, "/", 1.0)[0]:
            time.sleep(0.2)
        stalled = []
        for _ in range(4):
            # A small receive window, set before connecting, and never a read.
            s = socket.socket()
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            s.connect(("127.0.0.1", port))
            s.sendall(b"GET /a/stor.pdf HTTP/1.1\r\nHost: x\r\n\r\n")
            stalled.append(s)
        time.sleep(2)
        ok, status, took = answer(port, "/", 3.0)
        results.append(("server answered" if ok and status == 200 else "silent success", "serve: GET / while 4 clients stall",
                        f"status {status} in {took * 1000:.1f} ms"))
        # Keep-alive: 200 small requests on one connection.
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            t = time.time()
            for _ in range(200):
                s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
                read_reply(s)
            per = (time.time() - t) / 200 * 1000
            results.append(("server answered" if per < 5 else "silent success", "serve: keep-alive request", f"{per:.2f} ms each (mean of 200)"))
            s.close()
        except OSError as e:
            results.append(("silent success", "serve: keep-alive request", f"no answer: {e}"))
        for s in stalled:
            s.close()
        time.sleep(1)
        for target in ["/../hemmelig.txt", "/%2e%2e/hemmelig.txt", "/side/..%2f..%2f..%2fhemmelig.txt", "//etc/passwd", "/%00", "/side/%c0%ae%c0%ae/hemmelig.txt"]:
            data = b""
            try:
                c = socket.create_connection(("127.0.0.1", port), timeout=5)
                c.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
                while True:
                    chunk = c.recv(65536)
                    if not chunk:
                        break
                    data += chunk
            except OSError:
                pass
            leaked = b"HEMMELIG-FIL" in data or b"root:" in data
            results.append(("silent success" if leaked else "server refused", f"serve: traversal {target}", data[:12].decode("latin1")))
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answer(port, target, timeout):
    t = time.time()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            data = s.recv(64)
            status = int(data.split(b" ")[1]) if data.startswith(b"HTTP/") else None
            return True, status, time.time() - t
    except OSError:
        return False, None, time.time() - t


def read_reply(s):
    data = b""
    while b"\r\n\r\n" not in data:
        data += s.recv(4096)
    head, rest = data.split(b"\r\n\r\n", 1)
    m = re.search(rb"content-length:\s*(\d+)", head, re.I)
    n = int(m.group(1)) if m else 0
    while len(rest) < n:
        rest += s.recv(4096)


def main():
    if "--no-build" not in sys.argv and "PLANPUB_BIN" not in os.environ:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    started = time.time()
    parts = (broken_sites, wrong_types, injections, huge, dates, server)
    only = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--only=")]
    for part in [p for p in parts if not only or p.__name__ in only]:
        n = len(results)
        part()
        print(f"{part.__name__:<14} {len(results) - n:>5} cases", file=sys.stderr)
    counts = {}
    for cat, _, _ in results:
        counts[cat] = counts.get(cat, 0) + 1
    print(f"\nAdversarial run: {len(results)} cases in {time.time() - started:.0f} s")
    for cat in ["clear error", "vague error", "panic", "silent success", "wrongly refused", "built as expected",
                "date read", "date refused plainly", "server answered", "server refused"]:
        print(f"  {cat:<22} {counts.get(cat, 0)}")
    for cat in ["vague error", "panic", "silent success", "wrongly refused"]:
        items = [(n, d) for c, n, d in results if c == cat]
        if items:
            print(f"\n{cat}:")
            for n, d in items[:60]:
                print(f"  - {n}: {d}")
    for c, n, d in results:
        if c.startswith("server"):
            print(f"  {c}: {n}: {d}")
    for c, n, d in results:
        if n in ("huge: billion laughs", "huge: 200,000 nested brackets", "huge: 5 MB front matter", "content: binary garbage"):
            print(f"  {n}: {d}")
    slow = sorted(((float(m.group(1)), n) for c, n, d in results if (m := re.search(r"\[(\d+\.\d) s\]", d))), reverse=True)
    if slow:
        print("\nhuge inputs, wall time: " + ", ".join(f"{n.removeprefix('huge: ')} {t:.1f} s" for t, n in slow))
    sys.exit(1 if counts.get("panic") or counts.get("silent success") else 0)


if __name__ == "__main__":
    main()
