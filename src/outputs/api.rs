//! The open-data JSON: `/api/<type>s/<slug>.json` and an index per type.
//!
//! Every date carries the text as written and the resolved interval
//! (`{"text", "start", "end", "precision"}`); a hearing's deadline also carries its full
//! timestamp with offset. Lists are sorted by slug and objects have a fixed key order,
//! so the files are identical for identical input.

use crate::model::content::{Access, ContentType, Data, Document, When};
use crate::model::dates::FuzzyDate;
use crate::model::site::{DocId, Site};
use crate::model::state;
use crate::model::urls;
use crate::outputs::views::attachment_output_path;
use crate::outputs::{OutData, OutFile};
use serde_json::{Map, Value, json};

fn date(d: &FuzzyDate) -> Value {
    d.to_json()
}

fn opt_date(d: &Option<FuzzyDate>) -> Value {
    d.as_ref().map(date).unwrap_or(Value::Null)
}

fn slugs(site: &Site, ids: impl IntoIterator<Item = DocId>) -> Value {
    let mut v: Vec<String> = ids
        .into_iter()
        .map(|i| site.docs[i].slug.to_string())
        .collect();
    v.sort();
    json!(v)
}

fn url(site: &Site, path: &str) -> String {
    format!("{}{}", site.config.base_url, path)
}

fn attachment(site: &Site, d: &Document, a: &crate::model::content::Attachment) -> Value {
    json!({ "title": a.title, "url": url(site, &attachment_output_path(d, a)), "type": a.type_label(), "bytes": a.size })
}

fn when(w: &When) -> (Value, Value) {
    match w {
        When::Date(d) => (date(d), Value::Null),
        When::Undated(t) => (Value::Null, Value::String(t.clone())),
    }
}

/// The full open-data record of one document.
pub fn record(site: &Site, id: DocId) -> Value {
    let d = &site.docs[id];
    let rel = &site.rel;
    let path = urls::doc_path(d);
    let mut m = Map::new();
    m.insert("type".into(), json!(d.kind().as_str()));
    m.insert("slug".into(), json!(d.slug));
    m.insert("title".into(), json!(d.title));
    m.insert("url".into(), json!(url(site, &path)));
    if let Data::Decision(x) = &d.data
        && x.access == Access::Closed
    {
        // A closed item publishes nothing but its title and meeting.
        m.insert("body".into(), json!(x.body));
        m.insert("meeting".into(), date(&x.meeting));
        m.insert("item".into(), json!(x.item));
        m.insert("access".into(), json!("closed"));
        m.insert("state".into(), json!(x.state.as_str()));
        return Value::Object(m);
    }
    m.insert("summary".into(), json!(d.summary));
    m.insert("published".into(), opt_date(&d.published));
    m.insert("updated".into(), opt_date(&d.updated));
    m.insert("area".into(), json!(d.area));
    m.insert("tags".into(), json!(d.tags));
    m.insert(
        "attachments".into(),
        Value::Array(
            d.attachments
                .iter()
                .map(|a| attachment(site, d, a))
                .collect(),
        ),
    );
    let today = site.now.date_naive();
    match &d.data {
        Data::Plan(p) => {
            m.insert("status".into(), json!(p.status.map(|s| s.as_str())));
            m.insert("owner".into(), json!(p.owner));
            m.insert("contact".into(), json!(p.contact));
            m.insert("case_number".into(), json!(p.case_number));
            m.insert("document_number".into(), json!(p.document_number));
            m.insert(
                "parent".into(),
                json!(rel.parent.get(&id).map(|&p| site.docs[p].slug.to_string())),
            );
            m.insert(
                "children".into(),
                slugs(site, rel.children.get(&id).cloned().unwrap_or_default()),
            );
            m.insert(
                "hearings".into(),
                slugs(
                    site,
                    rel.plan_hearings.get(&id).cloned().unwrap_or_default(),
                ),
            );
            m.insert(
                "decisions".into(),
                slugs(
                    site,
                    rel.plan_decisions.get(&id).cloned().unwrap_or_default(),
                ),
            );
            let rows: Vec<Value> = p
                .timeline
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let (w, u) = when(&r.when);
                    json!({
                        "when": w,
                        "undated": u,
                        "what": r.what,
                        "who": r.who,
                        "kind": r.kind.map(|k| format!("{k:?}").to_lowercase()),
                        "state": r.when.date().map(|x| state::entry_state(x, today).as_str()),
                        "hearing": rel.row_hearing.get(&(id, i)).map(|&h| site.docs[h].slug.to_string()),
                        "decision": rel.row_decision.get(&(id, i)).map(|&x| site.docs[x].slug.to_string()),
                        "note": r.note,
                    })
                })
                .collect();
            m.insert("timeline".into(), Value::Array(rows));
            let tracks: Vec<Value> = p
                .tracks
                .iter()
                .map(|t| {
                    json!({
                        "name": t.name,
                        "description": t.description,
                        "actions": t.actions.iter().map(|a| {
                            let (w, u) = a.when.as_ref().map(when).unwrap_or((Value::Null, Value::Null));
                            json!({ "what": a.what, "when": w, "undated": u, "who": a.who,
                                    "level": a.level.map(|l| format!("{l:?}").to_lowercase()), "note": a.note })
                        }).collect::<Vec<_>>(),
                    })
                })
                .collect();
            m.insert("tracks".into(), Value::Array(tracks));
        }
        Data::Hearing(h) => {
            let tz = site.now.timezone();
            let mut closes = date(h.period.closes().written());
            if let Some(dl) = state::deadline(h, &tz) {
                closes["deadline"] = json!(crate::outputs::format::timestamp(&dl));
            }
            m.insert(
                "state".into(),
                json!(state::hearing_state(h, &site.now).as_str()),
            );
            m.insert("authority".into(), json!(h.authority));
            m.insert("case_number".into(), json!(h.case_number));
            m.insert(
                "plan".into(),
                json!(
                    rel.hearing_plan
                        .get(&id)
                        .map(|&p| site.docs[p].slug.to_string())
                ),
            );
            m.insert("opens".into(), date(h.period.opens().written()));
            m.insert("closes".into(), closes);
            m.insert("respond".into(), json!(h.respond));
            m.insert(
                "documents".into(),
                Value::Array(h.documents.iter().map(|a| attachment(site, d, a)).collect()),
            );
            m.insert(
                "meetings".into(),
                Value::Array(
                    h.meetings
                        .iter()
                        .map(|x| json!({ "when": date(&x.when), "where": x.place, "what": x.what }))
                        .collect(),
                ),
            );
            let outcome = state::outcome_public(h, &site.now);
            m.insert(
                "responses".into(),
                Value::Array(
                    h.responses
                        .iter()
                        .filter(|_| outcome)
                        .map(|r| json!({ "from": r.from, "received": opt_date(&r.received), "file": r.file.as_ref().map(|a| attachment(site, d, a)) }))
                        .collect(),
                ),
            );
            m.insert(
                "summary_note".into(),
                h.summary_note
                    .as_ref()
                    .filter(|_| outcome)
                    .map(|a| attachment(site, d, a))
                    .unwrap_or(Value::Null),
            );
            m.insert(
                "decisions".into(),
                slugs(
                    site,
                    rel.hearing_decisions.get(&id).cloned().unwrap_or_default(),
                ),
            );
        }
        Data::Decision(x) => {
            m.insert("body".into(), json!(x.body));
            m.insert("meeting".into(), date(&x.meeting));
            m.insert("case_number".into(), json!(x.case_number));
            m.insert("item".into(), json!(x.item));
            m.insert("access".into(), json!("open"));
            m.insert("state".into(), json!(x.state.as_str()));
            if let Some(w) = x.withdrawal() {
                m.insert(
                    "withdrawn".into(),
                    json!({ "date": date(w.date.written()), "reason": w.reason }),
                );
            }
            m.insert(
                "recommendations".into(),
                Value::Array(
                    x.recommendations
                        .iter()
                        .enumerate()
                        .map(|(i, r)| json!({ "number": i + 1, "text": r.text, "outcome": r.outcome.map(|o| o.as_str()), "remark": r.remark }))
                        .collect(),
                ),
            );
            m.insert("absent".into(), json!(x.absent));
            m.insert(
                "plans".into(),
                slugs(
                    site,
                    rel.decision_plans.get(&id).cloned().unwrap_or_default(),
                ),
            );
            m.insert(
                "hearings".into(),
                slugs(
                    site,
                    rel.decision_hearings.get(&id).cloned().unwrap_or_default(),
                ),
            );
            m.insert(
                "corrections".into(),
                Value::Array(
                    x.corrections
                        .iter()
                        .map(|c| json!({ "date": date(&c.date), "note": c.note }))
                        .collect(),
                ),
            );
        }
        Data::Page(_) => {}
    }
    Value::Object(m)
}

/// The short entry of a document in its type's index.
fn index_entry(site: &Site, id: DocId) -> Value {
    let full = record(site, id);
    let keep = [
        "slug",
        "title",
        "url",
        "summary",
        "status",
        "area",
        "state",
        "opens",
        "closes",
        "body",
        "meeting",
        "item",
        "access",
        "updated",
        "published",
    ];
    let mut m = Map::new();
    if let Value::Object(o) = full {
        for k in keep {
            if let Some(v) = o.get(k) {
                m.insert(k.into(), v.clone());
            }
        }
    }
    m.insert(
        "json".into(),
        json!(url(
            site,
            &format!(
                "api/{}s/{}.json",
                site.docs[id].kind().as_str(),
                site.docs[id].slug
            )
        )),
    );
    Value::Object(m)
}

pub fn api_files(site: &Site, scope: &crate::outputs::Scope) -> Vec<OutFile> {
    let mut out = vec![OutFile {
        path: "api/next-change.json".into(),
        data: OutData::Bytes(pretty(&crate::model::schedule::next_change_json(site))),
    }];
    for kind in [
        ContentType::Plan,
        ContentType::Hearing,
        ContentType::Decision,
    ] {
        let plural = format!("{}s", kind.as_str());
        let mut ids: Vec<DocId> = site.of_kind(kind).map(|(i, _)| i).collect();
        ids.sort_by(|&a, &b| site.docs[a].slug.cmp(&site.docs[b].slug));
        for &id in ids.iter().filter(|&&id| scope.includes_doc(id)) {
            out.push(OutFile {
                path: format!("api/{plural}/{}.json", site.docs[id].slug),
                data: OutData::Bytes(pretty(&record(site, id))),
            });
        }
        let index = json!({ plural.clone(): ids.iter().map(|&i| index_entry(site, i)).collect::<Vec<_>>() });
        out.push(OutFile {
            path: format!("api/{plural}.json"),
            data: OutData::Bytes(pretty(&index)),
        });
    }
    out
}

fn pretty(v: &Value) -> Vec<u8> {
    let mut b = serde_json::to_vec_pretty(v).unwrap_or_default();
    b.push(b'\n');
    b
}
