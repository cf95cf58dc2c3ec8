//! Theming (issue 2): the built-in theme, per-file overrides in the site's `templates/`
//! and `static/`, a theme folder chosen in `site.yaml`, label overrides, and template
//! errors that name the template.

mod common;

use common::Site;

const PAGE: &str =
    "---\ntype: page\ntitle: Om sitet\nsummary: Hvad sitet indeholder.\n---\n\nTekst.\n";

fn site() -> Site {
    Site::new().file("content/sider/om-sitet.md", PAGE)
}

#[test]
fn a_site_with_only_config_and_content_gets_the_built_in_theme() {
    let out = site().built();
    assert!(out.exists("assets/planpub.css"));
    let p = out.html("om-sitet/index.html");
    assert_eq!(p.text("article h1"), "Om sitet");
    assert_eq!(p.texts(".skip-link"), ["Gå til indholdet"]);
}

#[test]
fn a_template_in_the_sites_templates_folder_replaces_the_themes() {
    let s = site().file(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>EGEN SKABELON {{ doc.title }}</h1>{% endblock content %}",
    );
    let out = s.built();
    let p = out.html("om-sitet/index.html");
    assert_eq!(p.text("h1"), "EGEN SKABELON Om sitet");
    // Everything else still comes from the built-in theme.
    assert_eq!(p.texts(".skip-link"), ["Gå til indholdet"]);
    assert!(!out.read("planer/index.html").contains("EGEN SKABELON"));
}

#[test]
fn a_file_in_the_sites_static_folder_replaces_the_themes_asset() {
    let s = site().file(
        "static/assets/planpub.css",
        "/* EGEN CSS */ body { color: black; }",
    );
    let out = s.built();
    assert_eq!(
        out.read("assets/planpub.css"),
        "/* EGEN CSS */ body { color: black; }"
    );
    // Other theme assets are still published.
    assert!(out.exists("assets/search.js"));
}

#[test]
fn a_theme_folder_is_used_and_the_sites_own_files_still_win() {
    let yaml = std::fs::read_to_string(site().root().join("site.yaml")).unwrap();
    let s = site()
        .file("site.yaml", &format!("{yaml}theme: temaer/blaat\n"))
        .file(
            "temaer/blaat/templates/page.html",
            "{% extends \"base.html\" %}{% block content %}<h1>BLÅT TEMA</h1>{% endblock content %}",
        )
        .file("temaer/blaat/static/assets/blaat.css", "/* blåt */")
        .file("temaer/blaat/i18n/da.yaml", "a11y.skip: Spring til indholdet\n");
    let out = s.built();
    assert_eq!(out.html("om-sitet/index.html").text("h1"), "BLÅT TEMA");
    assert!(out.exists("assets/blaat.css"));
    assert_eq!(
        out.html("om-sitet/index.html").texts(".skip-link"),
        ["Spring til indholdet"]
    );

    let s = s.file(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>SITETS EGEN</h1>{% endblock content %}",
    );
    assert_eq!(
        s.built().html("om-sitet/index.html").text("h1"),
        "SITETS EGEN"
    );
}

#[test]
fn single_labels_can_be_changed_in_the_sites_i18n_folder() {
    let s = site().file("i18n/da.yaml", "nav.plans: Strategier\n");
    let out = s.built();
    let nav = out.html("index.html").texts(".site-nav a");
    assert!(nav.iter().any(|t| t == "Strategier"), "{nav:?}");
    assert!(!nav.iter().any(|t| t == "Planer"), "{nav:?}");
}

#[test]
fn a_missing_theme_folder_is_an_error_naming_the_setting() {
    let yaml = std::fs::read_to_string(site().root().join("site.yaml")).unwrap();
    let s = site().file("site.yaml", &format!("{yaml}theme: findes-ikke\n"));
    let r = s.build();
    r.assert_failed();
    let line = r.error_about("site.yaml");
    assert!(line.contains("field `theme`"), "{line}");
    assert!(line.contains("\"findes-ikke\" does not exist"), "{line}");
}

#[test]
fn a_broken_template_is_reported_with_its_file() {
    let s = site().file(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ doc.title }{% endblock content %}",
    );
    let r = s.build();
    r.assert_failed();
    let line = r.error_about("templates/page.html");
    assert!(line.contains("the template could not be read"), "{line}");
}
