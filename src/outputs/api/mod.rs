//! The open data: a versioned JSON API under `/api/`, its JSON Schemas and a DCAT-AP
//! catalogue of its datasets.
//!
//! * `api/index.json`: the entry point (version, licence, publisher, build moment,
//!   every endpoint);
//! * `api/<type>s.json`: one index per type, `api/<type>s/<slug>.json`: one record per
//!   plan, hearing and decision;
//! * `api/next-change.json`: when this build stops being true;
//! * `api/schema/v1/*.json`: a JSON Schema (2020-12) for each of those documents, which
//!   link theirs with `$schema`;
//! * `api/catalog.jsonld`: the DCAT-AP catalogue.
//!
//! Records and indexes are typed values that borrow from the documents
//! ([`record`]) and are serialized straight to bytes. `docs/open-data.md` is the
//! contract.

mod dcat;
pub mod record;
pub mod schema;

use crate::model::content::{ContentType, Document};
use crate::model::diagnostics::Diagnostic;
use crate::model::site::DocId;
use crate::model::urls;
use crate::outputs::reader::Reader;
use crate::outputs::{Args, Job, Listing, Output};
use record::{Ctx, Stamp, to_bytes};
use serde::Serialize;
use serde_json::json;

/// The version of the open-data contract: the major version is in the schema
/// addresses (`api/schema/v1/`), the minor one grows with additions (see
/// docs/open-data.md, "Versioning").
pub const VERSION: &str = "1.0";
pub const SCHEMA_DIR: &str = "api/schema/v1/";
pub const INDEX: &str = "api/index.json";
pub const NEXT_CHANGE: &str = "api/next-change.json";
pub const CATALOG: &str = "api/catalog.jsonld";

/// The types that have open data, in the order the index lists them.
pub const TYPES: [ContentType; 3] = [
    ContentType::Plan,
    ContentType::Hearing,
    ContentType::Decision,
];

/// An item's stable id: its type and slug (`hearing:hoering-rammeplan-2008`).
pub fn id_of(d: &Document) -> String {
    format!("{}:{}", d.kind().as_str(), d.slug)
}

/// `api/plans.json` for plans, and so on.
pub fn index_path(kind: ContentType) -> String {
    format!("api/{}s.json", kind.as_str())
}

pub fn record_path(d: &Document) -> String {
    format!("api/{}s/{}.json", d.kind().as_str(), d.slug)
}

/// The full addresses of the site, from its `base_url`.
pub struct Addresses {
    base: String,
}

impl Addresses {
    pub fn new(r: &Reader) -> Addresses {
        Addresses {
            base: r.config().base_url.clone(),
        }
    }
    pub fn file(&self, path: &str) -> String {
        urls::absolute(&self.base, path)
    }
    pub fn page(&self, d: &Document) -> String {
        self.file(urls::doc_path(d))
    }
    pub fn record(&self, d: &Document) -> String {
        self.file(&record_path(d))
    }
    pub fn schema(&self, name: &str) -> String {
        self.file(&format!("{SCHEMA_DIR}{name}"))
    }
}

pub fn jobs(l: &Listing, jobs: &mut Vec<Job>) {
    let site = l.site;
    // When this build stops being true depends on every dated thing on the site; it is
    // worked out while listing, so it is part of the job's identity.
    let next = crate::model::schedule::next_change_json(site, l.shared.next_change.as_ref());
    jobs.push(Job::new(
        NEXT_CHANGE,
        render_next_change,
        Args::none().with(next),
    ));
    jobs.push(Job::new(INDEX, render_api_index, Args::none()));
    let mut all = Vec::new();
    let mut counts = Vec::new();
    for (k, kind) in TYPES.iter().enumerate() {
        let mut ids: Vec<DocId> = site.of_kind(*kind).map(|(i, _)| i).collect();
        ids.sort_by(|&a, &b| site.docs[a].slug.cmp(&site.docs[b].slug));
        for &id in &ids {
            jobs.push(Job::new(
                record_path(&site.docs[id]),
                render_record,
                Args::doc(id),
            ));
        }
        jobs.push(Job::new(
            index_path(*kind),
            render_index,
            Args::docs(ids.clone()).with(json!({ "type": k })),
        ));
        counts.push(ids.len());
        all.extend(ids);
    }
    jobs.push(Job::new(
        CATALOG,
        dcat::render,
        Args::docs(all).with(json!({ "groups": counts })),
    ));
    for (name, _) in schema::SCHEMAS {
        jobs.push(Job::new(
            format!("{SCHEMA_DIR}{name}"),
            render_schema,
            Args::none(),
        ));
    }
}

fn render_schema(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let name = job.path.strip_prefix(SCHEMA_DIR).unwrap_or_default();
    let at = Addresses::new(r);
    let s = schema::schema(name, &at).ok_or_else(|| {
        Diagnostic::error(&job.path, "planpub has no schema of this name (a bug)")
    })?;
    Ok(Output::Bytes(to_bytes(&s)))
}

fn render_next_change(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let mut v = job.args.data.clone();
    if let Some(m) = v.as_object_mut() {
        m.insert(
            "$schema".into(),
            Addresses::new(r).schema("next-change.json").into(),
        );
    }
    Ok(Output::Bytes(to_bytes(&v)))
}

fn render_record(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let at = Addresses::new(r);
    let ctx = Ctx { r, at: &at };
    Ok(Output::Bytes(ctx.record(job.args.docs[0])?))
}

/// `{"$schema", "count", "<type>s": [entries]}`.
struct IndexDoc {
    schema: String,
    key: &'static str,
    /// Serialized ahead, in parallel (see [`record::pretty_items`]).
    entries: Vec<Box<serde_json::value::RawValue>>,
}

impl Serialize for IndexDoc {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("Index", 3)?;
        m.serialize_field("$schema", &self.schema)?;
        m.serialize_field("count", &self.entries.len())?;
        m.serialize_field(self.key, &self.entries)?;
        m.end()
    }
}

/// The key of a type's list in its index, and its name in the endpoints list.
fn plural(kind: ContentType) -> &'static str {
    match kind {
        ContentType::Plan => "plans",
        ContentType::Hearing => "hearings",
        ContentType::Decision => "decisions",
        ContentType::Page => "pages",
    }
}

fn render_index(r: &Reader, job: &Job) -> Result<Output, Diagnostic> {
    let kind = TYPES[job.args.num("type").unwrap_or(0) as usize];
    let at = Addresses::new(r);
    let ctx = Ctx { r, at: &at };
    let entries: Vec<record::Entry> = job.args.docs.iter().map(|&i| ctx.entry(i)).collect();
    let doc = IndexDoc {
        schema: at.schema(&format!("{}.json", plural(kind))),
        key: plural(kind),
        entries: record::pretty_items(&entries, 2),
    };
    Ok(Output::Bytes(to_bytes(&doc)))
}

#[derive(Serialize)]
struct Endpoint {
    name: &'static str,
    url: String,
    media_type: &'static str,
    schema: Option<String>,
    description: &'static str,
}

#[derive(Serialize)]
struct Publisher<'a> {
    name: &'a str,
    url: &'a str,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    address: Option<&'a str>,
}

#[derive(Serialize)]
struct ApiIndex<'a> {
    #[serde(rename = "$schema")]
    schema: String,
    api_version: &'static str,
    title: &'a str,
    description: Option<&'a str>,
    language: &'static str,
    url: &'a str,
    licence: Option<&'a crate::model::config::Licence>,
    publisher: Publisher<'a>,
    built_as_of: Stamp,
    endpoints: Vec<Endpoint>,
}

/// Every endpoint of the API, as `api/index.json` lists it.
fn endpoints(at: &Addresses) -> Vec<Endpoint> {
    let json = "application/json";
    let mut v = vec![Endpoint {
        name: "index",
        url: at.file(INDEX),
        media_type: json,
        schema: Some(at.schema("index.json")),
        description: "this document: the version, licence and publisher of the open data, and every endpoint",
    }];
    for (kind, what) in [
        (
            ContentType::Plan,
            "every plan, with the address of its record",
        ),
        (
            ContentType::Hearing,
            "every hearing, with the address of its record",
        ),
        (
            ContentType::Decision,
            "every decision, with the address of its record",
        ),
    ] {
        v.push(Endpoint {
            name: plural(kind),
            url: at.file(&index_path(kind)),
            media_type: json,
            schema: Some(at.schema(&format!("{}.json", plural(kind)))),
            description: what,
        });
    }
    for (kind, what) in [
        (
            ContentType::Plan,
            "the record of one plan; {slug} from its index entry",
        ),
        (
            ContentType::Hearing,
            "the record of one hearing; {slug} from its index entry",
        ),
        (
            ContentType::Decision,
            "the record of one decision; {slug} from its index entry",
        ),
    ] {
        v.push(Endpoint {
            name: kind.as_str(),
            url: format!(
                "{}{{slug}}.json",
                at.file(&format!("api/{}/", plural(kind)))
            ),
            media_type: json,
            schema: Some(at.schema(&format!("{}.json", kind.as_str()))),
            description: what,
        });
    }
    v.push(Endpoint {
        name: "next-change",
        url: at.file(NEXT_CHANGE),
        media_type: json,
        schema: Some(at.schema("next-change.json")),
        description: "the next moment at which some page of the site changes by itself",
    });
    v.push(Endpoint {
        name: "catalog",
        url: at.file(CATALOG),
        media_type: "application/ld+json",
        schema: None,
        description: "a DCAT-AP catalogue of the datasets, for open-data portals",
    });
    v
}

fn render_api_index(r: &Reader, _: &Job) -> Result<Output, Diagnostic> {
    let cfg = r.config();
    let at = Addresses::new(r);
    let contact = cfg.contact.as_ref();
    let doc = ApiIndex {
        schema: at.schema("index.json"),
        api_version: VERSION,
        title: &cfg.title,
        description: cfg.description.as_deref(),
        language: cfg.language.code(),
        url: &cfg.base_url,
        licence: cfg.licence.as_ref(),
        publisher: Publisher {
            name: cfg.organisation.as_deref().unwrap_or(&cfg.title),
            url: &cfg.base_url,
            email: contact.and_then(|c| c.email.as_ref().map(|e| e.as_str())),
            phone: contact.and_then(|c| c.phone.as_deref()),
            address: contact.and_then(|c| c.address.as_deref()),
        },
        built_as_of: Stamp(*r.now()),
        endpoints: endpoints(&at),
    };
    Ok(Output::Bytes(to_bytes(&doc)))
}
