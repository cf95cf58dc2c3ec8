//! Hostile and careless input (issue 14): no script gets in, no text is lost, every
//! mistake gets a plain answer naming file, line and field. Each test reproduces one
//! defect found by the adversarial pass and asserts what the user sees.

mod common;

use common::{Run, SITE_YAML, Site};

const NOW: &str = "2008-06-01";

fn hearing(respond: &str) -> String {
    format!(
        "---\ntype: hearing\ntitle: Høring over lokalplan\nopens: 2008-05-22\ncloses: 2008-06-20 12:00\nrespond:\n{respond}\n---\n\nTekst.\n"
    )
}

/// The failed build's first `error:` line about `needle`, after checking the summary.
#[track_caller]
fn refused(site: &Site, needle: &str) -> String {
    let r = site.build();
    r.assert_failed();
    assert!(
        r.stderr.contains("The site was not built"),
        "no summary line:\n{}",
        r.stderr
    );
    assert!(
        !site.out().join("index.html").exists(),
        "a refused build wrote a site"
    );
    r.error_about(needle)
}

fn site_yaml(extra: &str) -> String {
    format!("{SITE_YAML}{extra}")
}

// ------------------------------------------------------------------ 1. URLs and e-mail

#[test]
fn javascript_respond_url_is_refused_in_every_spelling() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "\"   javascript:alert(1)\"",
        "\"java\\tscript:alert(1)\"",
        "\"\\u0001javascript:alert(1)\"",
        "data:text/html;base64,PHNjcmlwdD4=",
    ] {
        let site = Site::new().file("content/hoeringer/h.md", &hearing(&format!("  url: {url}")));
        let line = refused(&site, "respond.url");
        assert!(
            line.starts_with("error: content/hoeringer/h.md:7:3: field `respond.url`: "),
            "{url}: {line}"
        );
        assert!(
            line.contains("must start with https:// or http://")
                || line.contains("control character"),
            "{url}: {line}"
        );
    }
}

#[test]
fn a_good_respond_url_is_published_as_given() {
    let site = Site::new().file(
        "content/hoeringer/h.md",
        &hearing("  url: https://www.kommune.dk/svar?id=12"),
    );
    let out = site.built();
    let page = out.html("hoeringer/h/index.html");
    assert!(
        page.attrs("section.respond a", "href")
            .contains(&"https://www.kommune.dk/svar?id=12".to_string())
    );
}

#[test]
fn base_url_must_be_an_absolute_http_address_without_query_or_fragment() {
    for (value, words) in [
        ("\"https://\"", "is not a complete web address"),
        ("\"https://planer test.dk/\"", "contains a space"),
        ("'https://planer.test.dk/\"x'", "a quote"),
        ("\"https://planer.test.dk/?a=1\"", "has a query"),
        (
            "\"https://planer.test.dk/#top\"",
            "has a query (`?…`) or a fragment",
        ),
        ("\"javascript:alert(1)//\"", "must start with https://"),
        ("planer.test.dk", "is not a complete web address"),
    ] {
        let site = Site::new()
            .file("site.yaml", &format!("title: Planer\nbase_url: {value}\n"))
            .file("content/a.md", "---\ntype: page\ntitle: A\n---\n");
        let line = refused(&site, "base_url");
        assert!(
            line.starts_with("error: site.yaml:2:1: field `base_url`: "),
            "{value}: {line}"
        );
        assert!(line.contains(words), "{value}: {line}");
    }
}

#[test]
fn base_url_flag_is_checked_like_the_setting() {
    let site = Site::new().file("content/a.md", "---\ntype: page\ntitle: A\n---\n");
    let r = site.build_with(&["--base-url", "javascript:alert(1)//"]);
    r.assert_failed();
    let line = r.error_about("--base-url");
    assert!(
        line.contains("must start with https:// or http://"),
        "{line}"
    );
    assert!(!site.out().exists());
    // A good one is used everywhere, with its slash added.
    site.build_with(&["--base-url", "https://test.kommune.dk/planer"])
        .assert_ok();
    let sitemap = std::fs::read_to_string(site.out().join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("<loc>https://test.kommune.dk/planer/a/</loc>"));
}

#[test]
fn email_fields_refuse_hidden_recipients_line_breaks_and_non_addresses() {
    let cases = [
        ("\"a@b.dk?bcc=someone@else.example\"", "does not accept"),
        ("\"a@b.dk\\r\\nBcc: x@y.dk\"", "line break"),
        ("ikke en adresse", "line break"),
        ("ikke-en-adresse", "is not an e-mail address"),
    ];
    for (value, words) in cases {
        let site = Site::new().file(
            "content/hoeringer/h.md",
            &hearing(&format!("  email: {value}")),
        );
        let line = refused(&site, "respond.email");
        assert!(
            line.starts_with("error: content/hoeringer/h.md:7:3: field `respond.email`: "),
            "{value}: {line}"
        );
        assert!(line.contains(words), "{value}: {line}");

        let plan = Site::new().file(
            "content/p.md",
            &format!("---\ntype: plan\ntitle: P\ncontact:\n  name: Jens\n  email: {value}\n---\n"),
        );
        let line = refused(&plan, "contact.email");
        assert!(
            line.starts_with("error: content/p.md:6:3: field `contact.email`"),
            "{line}"
        );

        let cfg = Site::new()
            .file(
                "site.yaml",
                &site_yaml(&format!("contact:\n  email: {value}\n")),
            )
            .file("content/a.md", "---\ntype: page\ntitle: A\n---\n");
        let line = refused(&cfg, "contact.email");
        assert!(
            line.starts_with("error: site.yaml:6:3: field `contact.email`"),
            "{line}"
        );
    }
}

#[test]
fn mailto_links_percent_encode_address_and_subject() {
    let site = Site::new()
        .file(
            "site.yaml",
            &site_yaml("contact:\n  email: kontakt+web@kommune.dk\n"),
        )
        .file(
            "content/hoeringer/h.md",
            &hearing("  email: svar+plan@kommune.dk").replace(
                "title: Høring over lokalplan",
                "title: Høring over plan & budget?",
            ),
        )
        .file(
            "content/p.md",
            "---\ntype: plan\ntitle: P\ncontact:\n  email: plan+x@kommune.dk\n---\n",
        );
    let out = site.built();
    let h = out.html("hoeringer/h/index.html");
    let href = h.href_of("section.respond a", "svar+plan@kommune.dk");
    assert!(
        href.starts_with("mailto:svar%2Bplan@kommune.dk?subject="),
        "{href}"
    );
    assert!(
        href.contains("H%C3%B8ring%20over%20plan%20%26%20budget%3F"),
        "{href}"
    );
    assert!(!href.contains(['\r', '\n', ' ', '&']), "{href}");
    let plan = out.html("planer/p/index.html");
    assert_eq!(
        plan.href_of("a", "plan+x@kommune.dk"),
        "mailto:plan%2Bx@kommune.dk"
    );
    assert_eq!(
        plan.href_of("footer a", "kontakt+web@kommune.dk"),
        "mailto:kontakt%2Bweb@kommune.dk"
    );
}

#[test]
fn empty_site_title_is_refused() {
    let site = Site::new()
        .file(
            "site.yaml",
            "title: \"\"\nbase_url: https://planer.test.dk/\n",
        )
        .file("content/a.md", "---\ntype: page\ntitle: A\n---\n");
    let line = refused(&site, "site.yaml");
    assert_eq!(
        line,
        "error: site.yaml:1:1: field `title`: the site has no title: `title` is empty"
    );
}

#[allow(dead_code)]
fn check_at(site: &Site) -> Run {
    site.check(&["--now", NOW])
}

// ------------------------------------------------------------- 3. YAML tags; 5. limits

#[test]
fn yaml_tags_are_an_error_naming_the_field() {
    let site = Site::new().file(
        "content/hoeringer/h.md",
        &hearing("  address: Rådhuset\n  url: !foo https://x.dk/")
            .replace("title: Høring over lokalplan", "title: !!binary aGVsbG8="),
    );
    let r = site.build();
    r.assert_failed();
    assert_eq!(
        r.error_about("!!binary"),
        "error: content/hoeringer/h.md:3: field `title`: `!!binary` is a YAML tag, which planpub does not read: the value would not mean what it seems to"
    );
    let url = r.error_about("!foo");
    assert!(
        url.starts_with(
            "error: content/hoeringer/h.md:8: field `respond.url`: `!foo` is a YAML tag"
        ),
        "{url}"
    );
    assert!(!r.stderr.contains("Tagged"), "{}", r.stderr);
}

#[test]
fn deeply_nested_brackets_are_refused_before_the_yaml_parser() {
    let n = 200_000;
    let site = Site::new().file(
        "content/a.md",
        &format!(
            "---\ntype: page\ntitle: A\ntags: {}{}\n---\n",
            "[".repeat(n),
            "]".repeat(n)
        ),
    );
    let line = refused(&site, "content/a.md");
    assert_eq!(
        line,
        "error: content/a.md:4: the fields are nested more than 32 levels deep here, more than planpub reads"
    );
}

#[test]
fn oversized_front_matter_and_overlong_lists_are_refused_plainly() {
    let big = Site::new().file(
        "content/a.md",
        &format!("---\ntype: page\ntitle: \"{}\"\n---\n", "x".repeat(5 << 20)),
    );
    let line = refused(&big, "content/a.md");
    assert!(
        line.starts_with("error: content/a.md:2: the front matter is 5242901 bytes long, more than planpub reads (4194304 bytes, 4 MiB)"),
        "{line}"
    );
    let tags: String = (0..100_001).map(|i| format!("  - t{i}\n")).collect();
    let long = Site::new().file(
        "content/a.md",
        &format!("---\ntype: page\ntitle: A\ntags:\n{tags}---\n"),
    );
    let line = refused(&long, "content/a.md");
    assert_eq!(
        line,
        "error: content/a.md:4:1: field `tags`: this has 100001 items, more than planpub reads (100000)"
    );
}

#[test]
fn a_one_megabyte_title_and_100000_tags_still_build() {
    let tags: String = (0..100_000).map(|i| format!("  - emne {i}\n")).collect();
    let title = "Lang titel ".repeat(100_000);
    let site = Site::new().file(
        "content/planer/stor.md",
        &format!("---\ntype: plan\ntitle: \"{title}\"\npublished: 2008-01-01\ntags:\n{tags}timeline:\n  - when: primo 2008\n    what: Start\n---\n\nTekst.\n"),
    );
    let out = site.built();
    let ics = out.read("planer/stor/kalender.ics");
    assert!(ics.lines().all(|l| l.len() <= 75), "an unfolded line");
    let feed = out.read("feeds/planer.atom");
    assert!(feed.contains("term=\"emne 99999\""));
}

// ------------------------------------------------------- 2. executable attachments

#[test]
fn attachments_a_browser_runs_are_refused_unless_allowed() {
    let page = "---\ntype: page\ntitle: Kort\nattachments:\n  - title: Kort\n    file: kort.svg\n  - title: Side\n    file: side.HTML\n  - title: Notat\n    file: notat.pdf\n---\n";
    let svg =
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.domain)</script></svg>";
    let site = Site::new()
        .file("content/sider/kort.md", page)
        .bytes("content/sider/kort.svg", svg)
        .bytes("content/sider/side.HTML", b"<script>alert(1)</script>")
        .bytes("content/sider/notat.pdf", b"%PDF-1.4\n");
    let r = site.build();
    r.assert_failed();
    assert_eq!(
        r.error_about("kort.svg"),
        "error: content/sider/kort.md:6:5: field `attachments[0].file`: the attachment \"kort.svg\" is an SVG image, a type of file a browser runs scripts in; published on the site's own address it could change the site's pages or read what visitors type, so planpub does not publish it"
    );
    assert!(
        r.stderr
            .contains("allow the type in site.yaml: `allow_active_attachments: [svg]`")
    );
    assert!(r.error_about("side.HTML").contains("is an HTML page"));
    assert!(!r.stderr.contains("notat.pdf"), "{}", r.stderr);
    assert!(!site.out().exists());

    // Allowed explicitly, SVG is published; HTML still is not.
    site.write(
        "site.yaml",
        format!("{SITE_YAML}allow_active_attachments: [svg]\n").as_bytes(),
    );
    let r = site.build();
    r.assert_failed();
    assert!(r.error_about("side.HTML").contains("HTML page"));
    assert!(!r.stderr.contains("kort.svg"), "{}", r.stderr);
    site.write(
        "content/sider/kort.md",
        page.replace("  - title: Side\n    file: side.HTML\n", "")
            .as_bytes(),
    );
    let out = site.built();
    assert_eq!(std::fs::read(out.dir.join("kort/kort.svg")).unwrap(), svg);
}

// ------------------------------------------------- 3. theme, content folder, links

#[test]
fn theme_folder_must_lie_inside_the_site() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(outside.path().join("static")).unwrap();
    std::fs::write(outside.path().join("static/hemmelig.txt"), "hemmelig").unwrap();
    let abs = outside.path().display().to_string();
    for (theme, words) in [
        (
            "../../outside",
            "uses `..`, which would point outside its folder",
        ),
        (abs.as_str(), "is an absolute path"),
    ] {
        let site = Site::new()
            .file("site.yaml", &site_yaml(&format!("theme: \"{theme}\"\n")))
            .file("content/a.md", "---\ntype: page\ntitle: A\n---\n");
        let line = refused(&site, "theme");
        assert!(
            line.starts_with(&format!(
                "error: site.yaml:5:1: field `theme`: the theme folder \"{theme}\" {words}"
            )),
            "{line}"
        );
    }
    #[cfg(unix)]
    {
        let site = Site::new()
            .file("site.yaml", &site_yaml("theme: themes/ude\n"))
            .file("content/a.md", "---\ntype: page\ntitle: A\n---\n");
        std::fs::create_dir_all(site.root().join("themes")).unwrap();
        std::os::unix::fs::symlink(outside.path(), site.root().join("themes/ude")).unwrap();
        let line = refused(&site, "theme");
        assert!(
            line.contains("is a link to a folder outside the site folder"),
            "{line}"
        );
    }
}

#[test]
fn content_that_is_a_file_is_an_error_not_an_empty_site() {
    let site = Site::new();
    std::fs::remove_dir(site.root().join("content")).unwrap();
    site.write("content", b"---\ntype: page\ntitle: A\n---\n");
    let line = refused(&site, "content");
    assert_eq!(
        line,
        "error: content: cannot read the content folder: `content` is a file, not a folder, so there is nothing to publish"
    );
}

#[cfg(unix)]
#[test]
fn links_in_content_pointing_outside_are_named_in_a_warning() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("hemmelig.md"),
        "---\ntype: page\ntitle: Hemmelig\n---\nHEMMELIG-TEKST\n",
    )
    .unwrap();
    let site = Site::new().file("content/a.md", "---\ntype: page\ntitle: A\n---\n");
    let link = |name: &str, to: &std::path::Path| {
        std::os::unix::fs::symlink(to, site.root().join("content").join(name)).unwrap()
    };
    link("ude.md", &outside.path().join("hemmelig.md"));
    link("mappe", outside.path());
    link("brudt.md", &outside.path().join("findes-ikke.md"));
    link("inde.md", &site.root().join("site.yaml.md"));
    site.write(
        "site.yaml.md",
        b"---\ntype: page\ntitle: Inde\n---\nINDE-TEKST\n",
    );
    let r = site.build();
    r.assert_ok();
    for (file, what) in [
        ("content/ude.md", "a file or folder outside the site folder"),
        ("content/mappe", "a file or folder outside the site folder"),
        ("content/brudt.md", "something that does not exist"),
    ] {
        assert!(
            r.stderr.contains(&format!("warning: {file}: this is a link to {what}, so planpub does not read it and the page is not published")),
            "{file}:\n{}",
            r.stderr
        );
    }
    let out = site.output();
    assert!(out.files_containing("HEMMELIG-TEKST").is_empty());
    assert!(!out.files_containing("INDE-TEKST").is_empty());
}

#[test]
fn links_to_drafts_and_embargoed_pages_are_left_out_with_a_warning() {
    let site = Site::new()
        .file(
            "content/sider/offentlig.md",
            "---\ntype: page\ntitle: Offentlig\n---\n\nSe [kladden](/planer/hemmelig-kladde/) og\n[embargoen](../../hoeringer/kommende-hoering/index.html).\n\nOgså <https://planer.test.dk/planer/hemmelig-kladde/> og [alt andet](/planer/aaben/).\n",
        )
        .file("content/planer/hemmelig-kladde.md", "---\ntype: plan\ntitle: Kladde\ndraft: true\n---\n")
        .file("content/planer/aaben.md", "---\ntype: plan\ntitle: Åben\n---\n")
        .file(
            "content/hoeringer/kommende-hoering.md",
            &hearing("  email: a@kommune.dk").replace("---\n\nTekst", "publish_at: 2009-01-01\n---\n\nTekst"),
        );
    let r = site.build();
    r.assert_ok();
    assert!(r.stderr.contains("warning: content/sider/offentlig.md:6: the link to \"/planer/hemmelig-kladde/\" points at content/planer/hemmelig-kladde.md (Kladde), which is a draft or not yet published, so the link is left out and its text shown plain"), "{}", r.stderr);
    assert!(r.stderr.contains("warning: content/sider/offentlig.md:7: the link to \"../../hoeringer/kommende-hoering/index.html\""), "{}", r.stderr);
    assert!(r.stderr.contains("warning: content/sider/offentlig.md:9: the link to \"https://planer.test.dk/planer/hemmelig-kladde/\""), "{}", r.stderr);
    let out = site.output();
    assert!(
        out.files_containing("hemmelig-kladde").is_empty(),
        "{:?}",
        out.files_containing("hemmelig-kladde")
    );
    assert!(out.files_containing("kommende-hoering").is_empty());
    let page = out.html("offentlig/index.html");
    let text = page.text("main");
    assert!(text.contains("Se kladden og embargoen."), "{text}");
    assert_eq!(page.href_of("main a", "alt andet"), "../planer/aaben/");
    // With --drafts (a preview) the links are kept and nothing is said.
    let r = site.build_with(&["--drafts"]);
    r.assert_ok();
    assert!(!r.stderr.contains("left out"), "{}", r.stderr);
}

// ------------------------------------------------------------ 4. no silent loss of text

#[test]
fn an_unclosed_script_or_style_keeps_the_text_after_it_visible_and_searchable() {
    let site = Site::new()
        .file(
            "content/sider/om.md",
            "---\ntype: page\ntitle: Om\n---\n\nOm <script> i tekst. Vigtig sætning efter.\n\n<style>\n\nSidste afsnit med ORDET-TIL-SIDST.\n",
        )
        .file(
            "content/sider/kommentar.md",
            "---\ntype: page\ntitle: Kommentar\n---\n\nEt <b>fedt</b> ord.\n\n<!-- en kommentar\n\nskjult? Nej: SYNLIG-EFTER-KOMMENTAR.\n",
        );
    let r = site.check(&[]);
    r.assert_ok();
    for (file, line, what) in [
        ("om", 6, "<script>"),
        ("om", 8, "<style>"),
        ("kommentar", 8, "<!--"),
    ] {
        assert!(
            r.stderr.contains(&format!("warning: content/sider/{file}.md:{line}: the HTML `{what}` would hide the text after it, so it is shown on the page as text, just as written")),
            "{line} {what}:\n{}",
            r.stderr
        );
    }
    let out = site.built();
    let page = out.html("om/index.html");
    let text = page.text("main");
    for words in [
        "Om <script> i tekst. Vigtig sætning efter.",
        "<style>",
        "ORDET-TIL-SIDST",
    ] {
        assert!(
            text.contains(words),
            "{words:?} missing from the page: {text}"
        );
    }
    assert_eq!(page.count("main script"), 0);
    assert_eq!(page.count("main style"), 0);
    let other = out.html("kommentar/index.html").text("main");
    assert!(other.contains("Et fedt ord. <!-- en kommentar"), "{other}");
    assert!(other.contains("SYNLIG-EFTER-KOMMENTAR"), "{other}");
    // The search index holds the same text as the page, and not less.
    let index: String = out
        .files()
        .into_iter()
        .filter(|f| f.starts_with("search/"))
        .map(|f| out.read(&f))
        .collect();
    for word in ["vigtig", "ordet", "synlig", "efter", "kommentar"] {
        assert!(index.contains(word), "{word} not in the search index");
    }
}

// ------------------------------------------------------------- 8. snapshot --out

#[test]
fn snapshot_out_refuses_what_build_out_refuses() {
    let site = Site::new().file("content/a.md", "---\ntype: page\ntitle: A\n---\n");
    let home = tempfile::tempdir().unwrap();
    let root = site.root();
    let cases = [
        ("/".to_string(), "the whole disk or your home folder"),
        (
            home.path().display().to_string(),
            "the whole disk or your home folder",
        ),
        (root.display().to_string(), "the site root"),
        (
            root.join("content").display().to_string(),
            "the content folder",
        ),
        (
            root.join("content/arkiv").display().to_string(),
            "the content folder",
        ),
    ];
    for (out, what) in cases {
        for verb in ["snapshot", "build"] {
            let mut c = common::planpub();
            c.env("HOME", home.path())
                .args([verb, "--root"])
                .arg(&root)
                .args(["--out", &out, "--now", NOW]);
            let r = common::run(&mut c);
            r.assert_failed();
            assert!(
                r.stderr
                    .contains(&format!("would contain or replace {what}")),
                "{verb} --out {out}:\n{}",
                r.stderr
            );
        }
    }
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0);
    assert_eq!(std::fs::read_dir(root.join("content")).unwrap().count(), 1);
}

// ------------------------------------------------------------------------- 6. messages

/// Each broken file gives this exact first line (and no serde or parser jargon).
#[test]
fn vague_messages_are_plain_with_field_and_line() {
    let h = "type: hearing\ntitle: H\nrespond: {email: a@kommune.dk}\n";
    let d = "type: decision\ntitle: D\n";
    let cases: Vec<(String, &str)> = vec![
        (format!("{h}closes: 2008-06-20\n"), "error: content/x.md:2: field `opens`: the required field `opens` is missing"),
        (format!("{h}opens:\ncloses: 2008-06-20\n"), "error: content/x.md:5:1: field `opens`: expected text or a number, but found nothing (the field is empty)"),
        (format!("{h}opens: 2008-05-22\ncloses: [1]\n"), "error: content/x.md:6:1: field `closes`: expected text or a number, but found a list"),
        (format!("{h}opens: 2008-05-22\ncloses: 2008-06-20\nmeetings:\n  - where: Rådhuset\n"), "error: content/x.md:8:3: field `meetings[0].when`: the required field `when` is missing"),
        ("type: plan\ntitle: P\nstatus: [draft]\n".into(), "error: content/x.md:4:1: field `status`: expected one of the values draft, hearing, adopted, archived, but found a list"),
        ("type: plan\ntitle: P\ntracks:\n  - name: T\n    actions:\n      - what: a\n        level: {a: 1}\n".into(), "error: content/x.md:8:9: field `tracks[0].actions[0].level`: expected one of the values central, local, but found a group of fields"),
        (format!("{d}body: Byrådet\nmeeting: 2023-09-12\nitem: 99999999999999999999999999\n"), "error: content/x.md:6:7: field `item`: the number 99999999999999999999999999 is too large: planpub reads whole numbers of up to 19 digits"),
        ("type: [plan]\ntitle: P\n".into(), "error: content/x.md:2:1: field `type`: `type` must be one word (plan, hearing, decision or page), but it is a list"),
        (format!("{d}body: Совет\nmeeting: 2023-09-12\nitem: 1\n"), "error: content/x.md:4:1: field `body`: planpub makes the decision's permanent web address from the committee's name, and \"Совет\" has no letters or digits that a web address can hold (a–z, 0–9, æ, ø, å and accented Latin letters)"),
        (format!("{d}committee: Совет\nmeeting: 2023-09-12\nitem: 1\n"), "error: content/x.md:4:1: field `committee`: planpub makes the decision's permanent web address from the committee's name, and \"Совет\" has no letters or digits that a web address can hold (a–z, 0–9, æ, ø, å and accented Latin letters)"),
        (format!("{d}committee:\nmeeting: 2023-09-12\nitem: 1\n"), "error: content/x.md:4:1: field `committee`: expected text, but found nothing (the field is empty)"),
        (format!("type: page\ntitle: P\nslug: {}\n", "a".repeat(300)), "error: content/x.md:4:1: field `slug`: the web address made from this would be 300 characters long, more than the 200 a web address part may have"),
        ("type: plan\ntitle: P\ntimeline:\n  - when: true\n    what: x\n".into(), "error: content/x.md:5:5: field `timeline[0].when`: expected text or a number, but found `true`"),
        (format!("{d}body: B\nmeeting: 2023-09-12\nitem: 1\ncorrections:\n  - note: x\n"), "error: content/x.md:8:3: field `corrections[0].date`: the required field `date` is missing"),
        ("type: page\ntitle: P\ntitle: Q\n".into(), "error: content/x.md:4: field `title`: the field `title` is written twice"),
        ("type: page\ntitle: P\ncontact:\n\tname: x\n".into(), "error: content/x.md:5: this line is indented with a tab character; YAML allows only spaces"),
        ("type: page\ntitle\u{a0}: P\n".into(), "error: content/x.md:3:1: field `title\u{a0}`: \"title\\u{a0}\" is not a known field here: its name contains an invisible character, such as a non-breaking space"),
    ];
    for (front, expected) in &cases {
        let site = Site::new().file("content/x.md", &format!("---\n{front}---\n\nTekst.\n"));
        let r = site.check(&[]);
        r.assert_failed();
        let first = r.error_lines()[0].to_string();
        assert_eq!(&first, expected, "for:\n{front}");
        for jargon in [
            "Value::",
            "u128",
            "invalid type",
            "struct ",
            "cannot start any token",
        ] {
            assert!(!r.stderr.contains(jargon), "{jargon} in:\n{}", r.stderr);
        }
    }
    // Every missing field at once, not one per run.
    let site = Site::new().file("content/x.md", &format!("---\n{d}---\n"));
    let r = site.check(&[]);
    for f in ["committee", "meeting", "item"] {
        r.error_about(&format!("field `{f}`: the required field `{f}` is missing"));
    }
}

#[test]
fn site_yaml_messages_are_plain() {
    let cases = [
        (
            "dates:\n  year_parts:\n    primo: [1]\n",
            "error: site.yaml:7:5: field `dates.year_parts.primo`: expected two numbers, such as `[1, 3]`, but found 1",
        ),
        (
            "dates:\n  seasons:\n    vinter: [11, 2]\n",
            "error: site.yaml:7:5: field `dates.seasons.vinter`: `vinter` is not a known field here",
        ),
    ];
    for (extra, expected) in cases {
        let site = Site::new()
            .file("site.yaml", &site_yaml(extra))
            .file("content/a.md", "---\ntype: page\ntitle: A\n---\n");
        let r = site.check(&[]);
        assert_eq!(r.error_lines()[0], expected);
    }
    let r = Site::new()
        .file(
            "site.yaml",
            &site_yaml("dates:\n  seasons:\n    vinter: [11, 2]\n"),
        )
        .check(&[]);
    assert!(
        r.stderr.contains("help: did you mean `winter`?"),
        "{}",
        r.stderr
    );
    let site = Site::new().bytes(
        "site.yaml",
        b"title: Planer\nbase_url: https://planer.test.dk/\norganisation: K\xf8benhavns Kommune\n",
    );
    let r = site.check(&[]);
    assert_eq!(
        r.error_lines()[0],
        "error: site.yaml:3: the file is not saved as UTF-8 text, so its letters (such as æ, ø and å) cannot be read"
    );
    assert!(r.stderr.contains(
        "help: open the file in your editor and save it again with the encoding \"UTF-8\""
    ));
}

#[test]
fn two_things_at_one_address_are_both_named() {
    let site = Site::new()
        .file("content/sider/om.md", "---\ntype: page\ntitle: Om\n---\n")
        .file("static/om/index.html", "<p>gammel side</p>");
    let r = site.build();
    r.assert_failed();
    let line = r.error_about("om/index.html");
    assert!(line.starts_with("error: om/index.html: two different things would be published at this address: the page of content/sider/om.md and the file "), "{line}");
    assert!(line.ends_with("static/om/index.html"), "{line}");
}

#[test]
fn a_follow_on_error_comes_after_its_cause_and_names_it() {
    let site = Site::new()
        .file(
            "content/a-plan.md",
            "---\ntype: plan\ntitle: Plan\ntimeline:\n  - when: 2008\n    what: Høring\n    hearing: hoering-x\n---\n",
        )
        .file(
            "content/hoeringer/hoering-x.md",
            "---\ntype: hearing\ntitle: H\nopens: næste forår\ncloses: 2008-06-20\nrespond: {email: a@kommune.dk}\n---\n",
        );
    let r = site.check(&[]);
    let lines = r.error_lines();
    assert_eq!(lines.len(), 2, "{}", r.stderr);
    assert!(
        lines[0].starts_with("error: content/hoeringer/hoering-x.md:4:1: field `opens`"),
        "{}",
        r.stderr
    );
    assert_eq!(
        lines[1],
        "error: content/a-plan.md:7:5: field `timeline[0].hearing`: there is no hearing with the slug \"hoering-x\", because content/hoeringer/hoering-x.md has errors and could not be read (see above)"
    );
}

#[test]
fn missing_site_files_and_a_byte_order_mark_are_handled_plainly() {
    let site = Site::bare();
    let r = site.check(&[]);
    r.assert_failed();
    assert!(
        r.stderr.contains(&format!(
            "error: site.yaml: there is no `site.yaml` in {}",
            site.root().display()
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!(
            "error: content: there is no folder `content` in {}",
            site.root().display()
        )),
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains("os error"), "{}", r.stderr);
    // Notepad saves UTF-8 with a byte-order mark; that is still one YAML document.
    let bom = Site::new()
        .bytes("site.yaml", format!("\u{feff}{SITE_YAML}").as_bytes())
        .file("content/a.md", "---\ntype: page\ntitle: A\n---\n");
    bom.build().assert_ok();
}
