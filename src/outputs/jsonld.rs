//! schema.org JSON-LD for search engines: the site as a `GovernmentOrganization`, a
//! hearing's public meetings as `Event`s, plans and decisions as documents.

use crate::model::content::Data;
use crate::model::events::{EventWhen, event_when};
use crate::model::site::DocId;
use crate::model::urls;
use crate::outputs::reader::Reader;
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
            org["address"] = json!(a);
        }
    }
    org
}

pub fn for_site(r: &Reader) -> String {
    let mut org = organisation(r);
    org["@context"] = json!("https://schema.org");
    script_safe(&org)
}

fn when_iso(w: &EventWhen, tz: &chrono_tz::Tz) -> (String, Option<String>) {
    use chrono::TimeZone;
    match w {
        EventWhen::Days { start, end } => (start.to_string(), Some(end.to_string())),
        EventWhen::Timed { start, end } => {
            let f = |n: &chrono::NaiveDateTime| {
                tz.from_local_datetime(n)
                    .earliest()
                    .map(|t| crate::outputs::format::timestamp(&t))
                    .unwrap_or_else(|| n.to_string())
            };
            (f(start), end.as_ref().map(f))
        }
    }
}

pub fn for_document(r: &Reader, id: DocId) -> Option<String> {
    let d = r.doc(id);
    let cfg = r.config();
    let url = format!("{}{}", cfg.base_url, urls::doc_path(d));
    let tz = cfg.tz();
    let value = match &d.data {
        Data::Hearing(h) => {
            let events: Vec<Value> = h
                .meetings
                .iter()
                .filter_map(|m| {
                    let (start, end) = when_iso(&event_when(&m.when)?, &tz);
                    let mut e = json!({
                        "@type": "Event",
                        "name": m.what.clone().unwrap_or_else(|| d.title.clone()),
                        "startDate": start,
                        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                        "eventStatus": "https://schema.org/EventScheduled",
                        "organizer": organisation(r),
                        "url": url,
                        "about": d.title,
                    });
                    if let Some(end) = end {
                        e["endDate"] = json!(end);
                    }
                    if let Some(p) = &m.place {
                        e["location"] = json!({ "@type": "Place", "name": p, "address": p });
                    }
                    Some(e)
                })
                .collect();
            if events.is_empty() {
                return None;
            }
            json!({ "@context": "https://schema.org", "@graph": events })
        }
        Data::Decision(_) if d.is_closed() => return None,
        Data::Plan(_) | Data::Decision(_) => json!({
            "@context": "https://schema.org",
            "@type": "DigitalDocument",
            "name": d.title,
            "description": d.summary,
            "url": url,
            "inLanguage": cfg.language.code(),
            "publisher": organisation(r),
        }),
        Data::Page(_) => return None,
    };
    Some(script_safe(&value))
}
