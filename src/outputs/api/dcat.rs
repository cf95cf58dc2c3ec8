//! `api/catalog.jsonld`: a DCAT-AP catalogue of the site's three datasets (plans,
//! hearings, decisions), as JSON-LD, for open-data portals (CKAN's DCAT harvester,
//! data.europa.eu).
//!
//! It carries what DCAT-AP makes mandatory (a catalogue's title, description,
//! publisher and datasets; a dataset's title and description; a distribution's access
//! address; an agent's name) and most of what it recommends: licence, language,
//! contact point, theme, landing page, dates, media types and the schema each
//! distribution conforms to. Controlled values use the EU vocabularies (language,
//! data theme, file type, frequency) and IANA media types.

use super::record::{Stamp, modified};
use super::{Addresses, CATALOG, INDEX, TYPES, plural};
use crate::model::config::Language;
use crate::model::content::ContentType;
use crate::model::diagnostics::Diagnostic;
use crate::model::urls;
use crate::outputs::feeds;
use crate::outputs::reader::Reader;
use crate::outputs::{Job, Output};
use serde_json::{Value, json};

const EU: &str = "http://publications.europa.eu/resource/authority/";

fn language_uri(l: Language) -> String {
    let code = match l {
        Language::Da => "DAN",
        Language::En => "ENG",
    };
    format!("{EU}language/{code}")
}

fn text(s: &str, lang: &str) -> Value {
    json!({ "@value": s, "@language": lang })
}

fn id(uri: impl Into<String>) -> Value {
    json!({ "@id": uri.into() })
}

fn stamp(s: Stamp) -> Value {
    json!({ "@value": serde_json::to_value(s).unwrap_or_default(), "@type": "xsd:dateTime" })
}

/// The dataset's title and description, in the site's language.
fn words(kind: ContentType, lang: Language, org: &str) -> (String, String) {
    match (kind, lang) {
        (ContentType::Plan, Language::Da) => (
            format!("Planer og strategier – {org}"),
            format!(
                "{org}s planer og strategier med tidsplaner, status, udviklingsspor og tilknyttede høringer og beslutninger."
            ),
        ),
        (ContentType::Hearing, Language::Da) => (
            format!("Høringer – {org}"),
            format!(
                "{org}s offentlige høringer: høringsperiode og -frist, høringsmateriale, borgermøder, høringssvar og høringsnotat."
            ),
        ),
        (_, Language::Da) => (
            format!("Politiske beslutninger – {org}"),
            format!(
                "Beslutninger truffet af {org}s udvalg og råd: møde, punkt, indstillinger og beslutning på hvert punkt."
            ),
        ),
        (ContentType::Plan, Language::En) => (
            format!("Plans and strategies – {org}"),
            format!(
                "The plans and strategies of {org}, with timelines, status, development tracks and related hearings and decisions."
            ),
        ),
        (ContentType::Hearing, Language::En) => (
            format!("Public hearings – {org}"),
            format!(
                "The public hearings of {org}: period and deadline, documents, public meetings, responses and the hearing note."
            ),
        ),
        (_, Language::En) => (
            format!("Political decisions – {org}"),
            format!(
                "Decisions of the committees and councils of {org}: meeting, agenda item, recommendations and the decision on each."
            ),
        ),
    }
}

fn landing_page(kind: ContentType) -> &'static str {
    match kind {
        ContentType::Plan => urls::PLANS,
        ContentType::Hearing => urls::HEARINGS,
        _ => urls::DECISIONS,
    }
}

fn feed(kind: ContentType) -> &'static str {
    match kind {
        ContentType::Plan => feeds::FEED_PLANS,
        ContentType::Hearing => feeds::FEED_HEARINGS,
        _ => feeds::FEED_DECISIONS,
    }
}

pub fn render(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let cfg = r.config();
    let at = Addresses::new(r);
    let lang = cfg.language.code();
    let org = cfg.organisation.as_deref().unwrap_or(&cfg.title);
    let now = r.now();
    let catalog_id = at.file(CATALOG);
    let publisher_id = format!("{catalog_id}#publisher");
    let licence = cfg.licence.as_ref().map(|l| id(l.url.clone()));
    let contact = cfg.contact.as_ref();
    let email = contact.and_then(|c| c.email.as_ref().map(|e| e.as_str()));

    let mut publisher = json!({
        "@id": publisher_id,
        "@type": "foaf:Agent",
        "foaf:name": text(org, lang),
        "dct:type": id("http://purl.org/adms/publishertype/LocalAuthority"),
        "foaf:homepage": id(cfg.base_url.clone()),
    });
    if let Some(e) = email {
        publisher["foaf:mbox"] = id(format!("mailto:{e}"));
    }
    let mut contact_point = json!({
        "@type": "vcard:Organization",
        "vcard:fn": contact.and_then(|c| c.name.as_deref()).unwrap_or(org),
    });
    if let Some(e) = email {
        contact_point["vcard:hasEmail"] = id(format!("mailto:{e}"));
    }
    if let Some(p) = contact.and_then(|c| c.phone.as_deref()) {
        contact_point["vcard:hasTelephone"] = id(format!("tel:{}", p.replace(' ', "")));
    }
    if let Some(u) = contact.and_then(|c| c.url.as_ref().map(|u| u.as_str())) {
        contact_point["vcard:hasURL"] = id(u.to_string());
    }

    let mut latest: Option<Stamp> = None;
    let groups = job.args.groups("groups");
    let mut datasets = Vec::new();
    for (kind, ids) in TYPES.iter().zip(groups) {
        let changed = ids.iter().filter_map(|&i| modified(r.doc(i), now)).max();
        latest = latest.max(changed);
        let (title, description) = words(*kind, cfg.language, org);
        let name = plural(*kind);
        let dataset_id = format!("{catalog_id}#{name}");
        let mut json_dist = json!({
            "@id": format!("{dataset_id}-json"),
            "@type": "dcat:Distribution",
            "dct:title": text(&format!("{title} (JSON)"), lang),
            "dcat:accessURL": id(at.file(INDEX)),
            "dcat:downloadURL": id(at.file(&super::index_path(*kind))),
            "dcat:mediaType": id("https://www.iana.org/assignments/media-types/application/json"),
            "dct:format": id(format!("{EU}file-type/JSON")),
            "dct:conformsTo": id(at.schema(&format!("{name}.json"))),
            "foaf:page": id(at.file("api/index.json")),
        });
        let mut atom_dist = json!({
            "@id": format!("{dataset_id}-atom"),
            "@type": "dcat:Distribution",
            "dct:title": text(&format!("{title} (Atom)"), lang),
            "dcat:accessURL": id(at.file(feed(*kind))),
            "dcat:downloadURL": id(at.file(feed(*kind))),
            "dcat:mediaType": id("https://www.iana.org/assignments/media-types/application/atom+xml"),
            "dct:format": id(format!("{EU}file-type/ATOM")),
        });
        if let Some(l) = &licence {
            json_dist["dct:license"] = l.clone();
            atom_dist["dct:license"] = l.clone();
        }
        let mut ds = json!({
            "@id": dataset_id,
            "@type": "dcat:Dataset",
            "dct:identifier": at.file(&super::index_path(*kind)),
            "dct:title": text(&title, lang),
            "dct:description": text(&description, lang),
            "dct:publisher": id(publisher_id.clone()),
            "dcat:contactPoint": contact_point.clone(),
            "dcat:landingPage": id(at.file(landing_page(*kind))),
            "dcat:theme": id(format!("{EU}data-theme/GOVE")),
            "dcat:keyword": [text(name, "en")],
            "dct:language": id(language_uri(cfg.language)),
            "dct:accrualPeriodicity": id(format!("{EU}frequency/IRREG")),
            "dct:accessRights": id(format!("{EU}access-right/PUBLIC")),
            "dcat:distribution": [json_dist, atom_dist],
        });
        if let Some(c) = changed {
            ds["dct:modified"] = stamp(c);
        }
        datasets.push(ds);
    }

    let mut catalog = json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@id": catalog_id,
        "@type": "dcat:Catalog",
        "dct:title": text(&cfg.title, lang),
        "dct:description": text(cfg.description.as_deref().unwrap_or(&cfg.title), lang),
        "dct:publisher": publisher,
        "foaf:homepage": id(cfg.base_url.clone()),
        "dct:language": id(language_uri(cfg.language)),
        "dcat:dataset": datasets,
    });
    if let Some(l) = licence {
        catalog["dct:license"] = l;
    }
    if let Some(m) = latest {
        catalog["dct:modified"] = stamp(m);
    }
    Ok(Output::Bytes(super::record::to_bytes(&catalog)))
}
