//! The open-data JSON: `/api/<type>s/<slug>.json` and an index per type.
//!
//! Every date carries the text as written and the resolved interval
//! (`{"text", "start", "end", "precision"}`); a hearing's deadline also carries its full
//! timestamp with offset. Lists are sorted by slug and objects have a fixed key order,
//! so the files are identical for identical input.

use crate::model::content::{ContentType, Data, Document, When};
use crate::model::dates::FuzzyDate;
use crate::model::diagnostics::Diagnostic;
use crate::model::site::DocId;
use crate::model::state;
use crate::model::urls;
use crate::outputs::reader::{Reader, Rel};
use crate::outputs::views::attachment_output_path;
use crate::outputs::{Args, Job, Listing, Output};
use serde_json::{Map, Value, json};

fn date(d: &FuzzyDate) -> Value {
    d.to_json()
}

fn opt_date(d: &Option<FuzzyDate>) -> Value {
    d.as_ref().map(date).unwrap_or(Value::Null)
}

fn slugs(r: &Reader, ids: impl IntoIterator<Item = DocId>) -> Value {
    let mut v: Vec<String> = ids.into_iter().map(|i| r.slug(i).to_string()).collect();
    v.sort();
    json!(v)
}

fn url(r: &Reader, path: &str) -> String {
    format!("{}{}", r.config().base_url, path)
}

fn attachment(r: &Reader, d: &Document, a: &crate::model::content::Attachment) -> Value {
    json!({ "title": a.title, "url": url(r, &attachment_output_path(d, a)), "type": a.type_label(), "bytes": a.size })
}

fn when(w: &When) -> (Value, Value) {
    match w {
        When::Date(d) => (date(d), Value::Null),
        When::Undated(t) => (Value::Null, Value::String(t.clone())),
    }
}

/// The full open-data record of one document.
pub fn record(r: &Reader, id: DocId) -> Value {
    let d = r.doc(id);
    let path = urls::doc_path(d);
    let mut m = Map::new();
    m.insert("type".into(), json!(d.kind().as_str()));
    m.insert("slug".into(), json!(d.slug));
    m.insert("title".into(), json!(d.title));
    m.insert("url".into(), json!(url(r, &path)));
    if let Data::Decision(x) = &d.data
        && d.is_closed()
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
        Value::Array(d.attachments.iter().map(|a| attachment(r, d, a)).collect()),
    );
    match &d.data {
        Data::Plan(p) => {
            m.insert("status".into(), json!(p.status.map(|s| s.as_str())));
            m.insert("owner".into(), json!(p.owner));
            m.insert("contact".into(), json!(p.contact));
            m.insert("case_number".into(), json!(p.case_number));
            m.insert("document_number".into(), json!(p.document_number));
            m.insert(
                "parent".into(),
                json!(
                    r.related(id, Rel::Parent)
                        .first()
                        .map(|&p| r.slug(p).to_string())
                ),
            );
            m.insert("children".into(), slugs(r, r.related(id, Rel::Children)));
            m.insert(
                "hearings".into(),
                slugs(r, r.related(id, Rel::PlanHearings)),
            );
            m.insert(
                "decisions".into(),
                slugs(r, r.related(id, Rel::PlanDecisions)),
            );
            let rows: Vec<Value> = p
                .timeline
                .iter()
                .enumerate()
                .map(|(i, row)| {
                    let (w, u) = when(&row.when);
                    let (hearing, decision) = r.row_links(id, i);
                    json!({
                        "when": w,
                        "undated": u,
                        "what": row.what,
                        "who": row.who,
                        "kind": row.kind.map(|k| format!("{k:?}").to_lowercase()),
                        "state": r.row_state(id, i, row).map(|s| s.as_str()),
                        "hearing": hearing.map(|h| r.slug(h).to_string()),
                        "decision": decision.map(|x| r.slug(x).to_string()),
                        "note": row.note,
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
            let now = r.now();
            let tz = now.timezone();
            let mut closes = date(h.period.closes().written());
            if let Some(dl) = state::deadline(h, &tz) {
                closes["deadline"] = json!(crate::outputs::format::timestamp(&dl));
            }
            m.insert("state".into(), json!(state::hearing_state(h, now).as_str()));
            m.insert("authority".into(), json!(h.authority));
            m.insert("case_number".into(), json!(h.case_number));
            m.insert(
                "plan".into(),
                json!(
                    r.related(id, Rel::HearingPlan)
                        .first()
                        .map(|&p| r.slug(p).to_string())
                ),
            );
            m.insert("opens".into(), date(h.period.opens().written()));
            m.insert("closes".into(), closes);
            m.insert("respond".into(), json!(h.respond));
            m.insert(
                "documents".into(),
                Value::Array(h.documents.iter().map(|a| attachment(r, d, a)).collect()),
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
            let outcome = state::outcome_public(h, now);
            m.insert(
                "responses".into(),
                Value::Array(
                    h.responses
                        .iter()
                        .filter(|_| outcome)
                        .map(|x| json!({ "from": x.from, "received": opt_date(&x.received), "file": x.file.as_ref().map(|a| attachment(r, d, a)) }))
                        .collect(),
                ),
            );
            m.insert(
                "summary_note".into(),
                h.summary_note
                    .as_ref()
                    .filter(|_| outcome)
                    .map(|a| attachment(r, d, a))
                    .unwrap_or(Value::Null),
            );
            m.insert(
                "decisions".into(),
                slugs(r, r.related(id, Rel::HearingDecisions)),
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
                        .map(|(i, x)| json!({ "number": i + 1, "text": x.text, "outcome": x.outcome.map(|o| o.as_str()), "remark": x.remark }))
                        .collect(),
                ),
            );
            m.insert("absent".into(), json!(x.absent));
            m.insert("plans".into(), slugs(r, r.related(id, Rel::DecisionPlans)));
            m.insert(
                "hearings".into(),
                slugs(r, r.related(id, Rel::DecisionHearings)),
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
fn index_entry(r: &Reader, id: DocId) -> Value {
    let full = record(r, id);
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
    let d = r.doc(id);
    m.insert(
        "json".into(),
        json!(url(
            r,
            &format!("api/{}s/{}.json", d.kind().as_str(), d.slug)
        )),
    );
    Value::Object(m)
}

const TYPES: [ContentType; 3] = [
    ContentType::Plan,
    ContentType::Hearing,
    ContentType::Decision,
];

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let site = l.site;
    // When this build stops being true depends on every dated thing on the site; it is
    // worked out while listing, so it is part of the job's identity.
    let next = crate::model::schedule::next_change_json(site);
    jobs.push(Job::new(
        "api/next-change.json",
        render_next_change,
        Args::none().with(next),
    ));
    for (k, kind) in TYPES.iter().enumerate() {
        let plural = format!("{}s", kind.as_str());
        let mut ids: Vec<DocId> = site.of_kind(*kind).map(|(i, _)| i).collect();
        ids.sort_by(|&a, &b| site.docs[a].slug.cmp(&site.docs[b].slug));
        for &id in &ids {
            jobs.push(Job::new(
                format!("api/{plural}/{}.json", site.docs[id].slug),
                render_record,
                Args::doc(id),
            ));
        }
        jobs.push(Job::new(
            format!("api/{plural}.json"),
            render_index,
            Args::docs(ids).with(json!({ "type": k })),
        ));
    }
}

fn render_next_change(_: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    Ok(Output::Bytes(pretty(&job.args.data)))
}

fn render_record(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    Ok(Output::Bytes(pretty(&record(r, job.args.docs[0]))))
}

fn render_index(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let kind = TYPES[job.args.num("type").unwrap_or(0) as usize];
    let plural = format!("{}s", kind.as_str());
    let entries: Vec<Value> = job.args.docs.iter().map(|&i| index_entry(r, i)).collect();
    Ok(Output::Bytes(pretty(&json!({ plural: entries }))))
}

fn pretty(v: &Value) -> Vec<u8> {
    let mut b = serde_json::to_vec_pretty(v).unwrap_or_default();
    b.push(b'\n');
    b
}
