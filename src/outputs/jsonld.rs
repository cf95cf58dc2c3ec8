//! schema.org JSON-LD for search engines: the site as a `GovernmentOrganization`; a
//! hearing as an `Event` from its opening to its deadline, with its public meetings as
//! sub-events; a plan as a `DigitalDocument`; a decision as `Legislation` (schema.org's
//! type for a decision of a public body), both with their dates, identifiers and files.
//!
//! What Google's event rich results ask for is given whenever the content has it:
//! `name`, `startDate`, `endDate`, `eventStatus`, `eventAttendanceMode`, `location`
//! (a `PostalAddress` when an address is known), `organizer` and `description`.

use crate::model::content::{Attachment, Data, Document};
use crate::model::events::{EventKind, EventWhen, SiteEvent};
use crate::model::site::DocId;
use crate::model::state;
use crate::model::urls;
use crate::outputs::api::record::{created, modified};
use crate::outputs::reader::{Reader, Rel};
use crate::outputs::views::attachment_output_path;
use chrono::TimeZone;
use serde_json::{Value, json};

/// JSON for a `<script>` element: `<` is escaped so no text can close the element.
fn script_safe(v: &Value) -> String {
    serde_json::to_string(v)
        .unwrap_or_default()
        .replace('<', "\\u003c")
}

fn organisation(r: &Reader) -> Value {
    let cfg = r.config();
    let mut org = json!({
        "@type": "GovernmentOrganization",
        "name": cfg.organisation.clone().unwrap_or_else(|| cfg.title.clone()),
        "url": cfg.base_url,
    });
    if let Some(c) = &cfg.contact {
        if let Some(e) = &c.email {
            org["email"] = json!(e);
        }
        if let Some(p) = &c.phone {
            org["telephone"] = json!(p);
        }
        if let Some(a) = &c.address {
            org["address"] = postal_address(a).unwrap_or_else(|| street_only(a));
        }
    }
    org
}

pub fn for_site(r: &Reader) -> String {
    let mut org = organisation(r);
    org["@context"] = json!("https://schema.org");
    script_safe(&org)
}

/// A Danish-style address (`Rådhuspladsen 1, 1599 København V`, lines or commas) as a
/// `PostalAddress`, and the parts before the street (a building, a room) as a name.
/// `None` unless the last part is a postal code and a town.
fn split_address(text: &str) -> Option<(Option<String>, Value)> {
    let parts: Vec<&str> = text
        .split([',', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (last, rest) = parts.split_last()?;
    let (code, town) = last.split_once(char::is_whitespace)?;
    if !(code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit())) || town.trim().is_empty() {
        return None;
    }
    let mut a = json!({
        "@type": "PostalAddress",
        "postalCode": code,
        "addressLocality": town.trim(),
        "addressCountry": "DK",
    });
    let (street, before) = match rest.split_last() {
        Some((s, b)) => (Some(*s), b),
        None => (None, &[][..]),
    };
    if let Some(s) = street {
        a["streetAddress"] = json!(s);
    }
    let name = (!before.is_empty()).then(|| before.join(", "));
    Some((name, a))
}

fn postal_address(text: &str) -> Option<Value> {
    split_address(text).map(|(_, a)| a)
}

fn street_only(text: &str) -> Value {
    json!({ "@type": "PostalAddress", "streetAddress": text.trim() })
}

/// Where a meeting is: its `address:` (else an address written in `where`) as a
/// `PostalAddress`; a place with only a name when neither gives one.
fn place(where_: Option<&str>, address: Option<&str>) -> Option<Value> {
    let mut p = json!({ "@type": "Place" });
    match (where_, address) {
        (w, Some(a)) => {
            p["name"] = json!(w.unwrap_or(a));
            p["address"] = postal_address(a).unwrap_or_else(|| street_only(a));
        }
        (Some(w), None) => match split_address(w) {
            Some((name, a)) => {
                p["name"] = json!(name.unwrap_or_else(|| w.to_string()));
                p["address"] = a;
            }
            None => p["name"] = json!(w),
        },
        (None, None) => return None,
    }
    Some(p)
}

fn local_iso(r: &Reader, t: &chrono::NaiveDateTime) -> String {
    r.config()
        .tz()
        .from_local_datetime(t)
        .earliest()
        .map(|t| crate::model::clock::timestamp(&t))
        .unwrap_or_else(|| t.to_string())
}

/// `startDate` and `endDate` of an event, as the calendars give them.
fn event_dates(r: &Reader, e: &SiteEvent) -> (String, String) {
    match &e.when {
        EventWhen::Days { start, end } => (start.to_string(), end.to_string()),
        EventWhen::Timed { start, .. } => {
            let end = e.timed_end().unwrap_or(*start);
            (local_iso(r, start), local_iso(r, &end))
        }
    }
}

fn media(r: &Reader, d: &Document, a: &Attachment) -> Value {
    json!({
        "@type": "MediaObject",
        "name": a.title,
        "contentUrl": urls::absolute(&r.config().base_url, &attachment_output_path(d, a)),
        "encodingFormat": crate::formats::mime::essence(std::path::Path::new(&a.file)),
        "contentSize": format!("{} B", a.size),
    })
}

/// `identifier`s as `PropertyValue`s (case number, document number, agenda item).
fn identifiers(ids: &[(&str, Option<String>)]) -> Value {
    Value::Array(
        ids.iter()
            .filter_map(|(name, v)| {
                v.as_ref()
                    .map(|v| json!({ "@type": "PropertyValue", "propertyID": name, "value": v }))
            })
            .collect(),
    )
}

/// What a plan's and a decision's markup share.
fn document(r: &Reader, d: &Document, kind: &str, url: &str) -> Value {
    let cfg = r.config();
    let now = r.now();
    let mut v = json!({
        "@context": "https://schema.org",
        "@type": kind,
        "@id": format!("{url}#document"),
        "name": d.title,
        "url": url,
        "inLanguage": cfg.language.code(),
        "publisher": organisation(r),
    });
    if let Some(s) = &d.summary {
        v["description"] = json!(s);
    }
    if let Some(c) = created(d, &now.timezone()) {
        v["datePublished"] = serde_json::to_value(c).unwrap_or_default();
    }
    if let Some(m) = modified(d, now) {
        v["dateModified"] = serde_json::to_value(m).unwrap_or_default();
    }
    if !d.tags.is_empty() {
        v["keywords"] = json!(d.tags.join(", "));
    }
    if !d.attachments.is_empty() {
        v["associatedMedia"] = Value::Array(d.attachments.iter().map(|a| media(r, d, a)).collect());
    }
    v
}

fn hearing(r: &Reader, id: DocId, d: &Document, h: &crate::model::content::Hearing) -> Value {
    let cfg = r.config();
    let url = urls::absolute(&cfg.base_url, urls::doc_path(d));
    let hearing_id = format!("{url}#hearing");
    let tz = r.now().timezone();
    let mut graph = Vec::new();
    let mut ev = json!({
        "@type": "Event",
        "@id": hearing_id,
        "name": d.title,
        "url": url,
        "eventStatus": "https://schema.org/EventScheduled",
        "organizer": organisation(r),
        "inLanguage": cfg.language.code(),
    });
    ev["description"] = json!(d.summary.clone().unwrap_or_else(|| d.title.clone()));
    if let Some(o) = state::opening(h, &tz) {
        ev["startDate"] = json!(crate::model::clock::timestamp(&o));
    }
    if let Some(c) = state::deadline(h, &tz) {
        ev["endDate"] = json!(crate::model::clock::timestamp(&c));
    }
    // One answers a hearing online (by e-mail or a form), and by post when an address
    // is given.
    let online = json!({
        "@type": "VirtualLocation",
        "url": h.respond.url.as_ref().map_or_else(|| url.clone(), |u| u.to_string()),
    });
    match h.respond.address.as_deref() {
        Some(a) => {
            ev["eventAttendanceMode"] = json!("https://schema.org/MixedEventAttendanceMode");
            let mut post = place(None, Some(a)).unwrap_or_default();
            post["name"] = json!(h.authority.clone().unwrap_or_else(|| a.to_string()));
            ev["location"] = json!([online, post]);
        }
        None => {
            ev["eventAttendanceMode"] = json!("https://schema.org/OnlineEventAttendanceMode");
            ev["location"] = online;
        }
    }
    if let Some(&p) = r.related(id, Rel::HearingPlan).first() {
        let plan = r.doc(p);
        let plan_url = urls::absolute(&cfg.base_url, urls::doc_path(plan));
        ev["about"] = json!({
            "@type": "DigitalDocument",
            "@id": format!("{plan_url}#document"),
            "name": plan.title,
            "url": plan_url,
        });
    }
    let files: Vec<Value> = h.documents.iter().map(|a| media(r, d, a)).collect();
    if !files.is_empty() {
        ev["workFeatured"] = Value::Array(files);
    }
    for e in r.events_of(id) {
        let EventKind::Meeting(i) = e.kind else {
            continue;
        };
        let m = &h.meetings[i];
        let (start, end) = event_dates(r, e);
        let mut meeting = json!({
            "@type": "Event",
            "name": e.title,
            "description": format!("{} – {}", e.title, d.title),
            "startDate": start,
            "endDate": end,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "organizer": organisation(r),
            "url": url,
            "superEvent": { "@id": hearing_id },
        });
        if let Some(p) = place(m.place.as_deref(), m.address.as_deref()) {
            meeting["location"] = p;
        }
        graph.push(meeting);
    }
    graph.insert(0, ev);
    json!({ "@context": "https://schema.org", "@graph": graph })
}

pub fn for_document(r: &Reader, id: DocId) -> Option<String> {
    let d = r.doc(id);
    let url = urls::absolute(&r.config().base_url, urls::doc_path(d));
    let value = match &d.data {
        Data::Hearing(h) => hearing(r, id, d, h),
        Data::Decision(_) if d.is_closed() => return None,
        Data::Plan(p) => {
            let mut v = document(r, d, "DigitalDocument", &url);
            v["identifier"] = identifiers(&[
                ("case_number", p.case_number.clone()),
                ("document_number", p.document_number.clone()),
            ]);
            if let Some(o) = &p.owner {
                v["author"] = json!({ "@type": "GovernmentOrganization", "name": o });
            }
            v
        }
        Data::Decision(x) => {
            let mut v = document(r, d, "Legislation", &url);
            v["identifier"] = identifiers(&[
                ("case_number", x.case_number.clone()),
                ("agenda_item", Some(x.item.to_string())),
            ]);
            if let Some(c) = &x.case_number {
                v["legislationIdentifier"] = json!(c);
            }
            v["legislationType"] = json!(r.t("type.decision"));
            v["legislationPassedBy"] = json!({ "@type": "GovernmentOrganization", "name": x.body });
            if let Some(day) = x.meeting.start() {
                v["legislationDate"] = json!(day.to_string());
            }
            v
        }
        Data::Page(_) => return None,
    };
    Some(script_safe(&value))
}
