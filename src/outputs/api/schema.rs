//! JSON Schemas (draft 2020-12) of every JSON document under `/api/`, published at
//! `/api/schema/v1/<name>`.
//!
//! Each schema is one self-contained file: the shapes they share (a date, a link, a
//! file) are written once here and copied into each file's `$defs`. The schemas list
//! every key the documents have and which ones are always there; they do not forbid
//! other keys, so a consumer that validates with them keeps working when a later minor
//! version adds one. planpub's own tests are stricter: they also refuse keys the
//! schema does not name, so a document cannot drift from its schema.

use super::Addresses;
use serde_json::{Map, Value, json};

/// Makes the body of one schema.
type Make = fn() -> Value;

/// Every schema file, by name.
pub const SCHEMAS: &[(&str, Make)] = &[
    ("index.json", api_index),
    ("plans.json", || index_of("plans", "plan", plan_entry())),
    ("hearings.json", || {
        index_of("hearings", "hearing", hearing_entry())
    }),
    ("decisions.json", || {
        index_of("decisions", "decision", decision_entry())
    }),
    ("plan.json", plan),
    ("hearing.json", hearing),
    ("decision.json", decision),
    ("next-change.json", next_change),
];

/// The schema called `name`, with its `$id` at the site's address.
pub fn schema(name: &str, at: &Addresses) -> Option<Value> {
    let (_, make) = SCHEMAS.iter().find(|(n, _)| *n == name)?;
    let mut s = Map::new();
    s.insert(
        "$schema".into(),
        json!("https://json-schema.org/draft/2020-12/schema"),
    );
    s.insert("$id".into(), json!(at.schema(name)));
    if let Value::Object(body) = make() {
        s.extend(body);
    }
    s.insert("$defs".into(), defs());
    Some(Value::Object(s))
}

// ---- building blocks

fn string() -> Value {
    json!({ "type": "string" })
}

fn nullable(v: Value) -> Value {
    json!({ "anyOf": [v, { "type": "null" }] })
}

fn opt_string() -> Value {
    json!({ "type": ["string", "null"] })
}

fn list(items: Value) -> Value {
    json!({ "type": "array", "items": items })
}

fn r(def: &str) -> Value {
    json!({ "$ref": format!("#/$defs/{def}") })
}

fn one_of(values: &[&str]) -> Value {
    json!({ "enum": values })
}

fn described(mut v: Value, text: &str) -> Value {
    v["description"] = json!(text);
    v
}

/// A property of an object: its name, its schema, and whether it is always present.
type Prop = (&'static str, Value, bool);

fn object(description: &str, props: Vec<Prop>) -> Value {
    let required: Vec<&str> = props.iter().filter(|p| p.2).map(|p| p.0).collect();
    let properties: Map<String, Value> = props
        .into_iter()
        .map(|(k, v, _)| (k.to_string(), v))
        .collect();
    json!({
        "type": "object",
        "description": description,
        "required": required,
        "properties": properties,
    })
}

fn always(name: &'static str, v: Value) -> Prop {
    (name, v, true)
}

fn sometimes(name: &'static str, v: Value) -> Prop {
    (name, v, false)
}

const PRECISIONS: &[&str] = &[
    "day",
    "week",
    "month",
    "part-of-month",
    "quarter",
    "half-year",
    "part-of-year",
    "season",
    "year",
    "range",
    "open-ended",
    "ongoing",
];

fn defs() -> Value {
    let day = json!({ "type": ["string", "null"], "format": "date" });
    let hm = json!({ "type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$" });
    json!({
        "timestamp": {
            "type": "string",
            "format": "date-time",
            "description": "RFC 3339 with the offset of the site's time zone",
        },
        "url": { "type": "string", "format": "uri", "pattern": "^https?://" },
        "date": object("a date as written and as resolved to days", vec![
            always("text", described(string(), "the date as the author wrote it")),
            always("start", described(day.clone(), "the first day, null when open at the start")),
            always("end", described(day, "the last day, null when open at the end")),
            always("precision", one_of(PRECISIONS)),
            sometimes("start_time", described(hm.clone(), "the time the text gives (HH:MM)")),
            sometimes("end_time", described(hm, "the end time the text gives (HH:MM)")),
            sometimes("deadline", described(r("timestamp"), "only in a hearing's closes: the exact deadline")),
        ]),
        "link": object("another item of the site", vec![
            always("id", r("id")),
            always("type", one_of(&["plan", "hearing", "decision"])),
            always("slug", r("slug")),
            always("title", string()),
            always("url", described(r("url"), "its page")),
            always("json", described(r("url"), "its record")),
        ]),
        "id": {
            "type": "string",
            "pattern": "^(plan|hearing|decision):[a-z0-9]+(-[a-z0-9]+)*$",
            "description": "stable id: type and slug",
        },
        "slug": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" },
        "file": object("a published file", vec![
            always("title", string()),
            always("url", r("url")),
            always("media_type", described(
                json!({ "type": "string", "pattern": "^[a-z]+/[A-Za-z0-9.+-]+$" }),
                "IANA media type, by the file's extension",
            )),
            always("bytes", json!({ "type": "integer", "minimum": 0 })),
            always("sha256", json!({ "type": "string", "pattern": "^[0-9a-f]{64}$" })),
        ]),
        "text_list": list(string()),
    })
}

fn head(kind: &str) -> Vec<Prop> {
    vec![
        always(
            "id",
            described(r("id"), "stable: never reused, kept as long as the slug"),
        ),
        always("type", json!({ "const": kind })),
        always("slug", r("slug")),
        always("title", string()),
        always("url", described(r("url"), "the item's page")),
        always("json", described(r("url"), "the item's full record")),
        always(
            "created",
            described(
                nullable(r("timestamp")),
                "when it was first published: the start of `published` (else of a hearing's opening or a decision's meeting day)",
            ),
        ),
        always(
            "modified",
            described(
                nullable(r("timestamp")),
                "the last moment up to the build at which the record changed, as its dates tell",
            ),
        ),
    ]
}

fn common() -> Vec<Prop> {
    vec![
        always("summary", opt_string()),
        always("published", nullable(r("date"))),
        always("updated", nullable(r("date"))),
        always("area", opt_string()),
        always("tags", r("text_list")),
        always("attachments", list(r("file"))),
    ]
}

fn record(kind: &str, description: &str, body: Vec<Prop>) -> Value {
    let mut props = vec![always("$schema", r("url"))];
    props.extend(head(kind));
    props.extend(common());
    props.extend(body);
    object(description, props)
}

// ---- the documents

fn plan() -> Value {
    let row = object(
        "a timeline row",
        vec![
            always("when", nullable(r("date"))),
            always(
                "undated",
                described(opt_string(), "the text of a row without a date"),
            ),
            always("what", string()),
            always("who", opt_string()),
            always(
                "kind",
                nullable(one_of(&[
                    "milestone",
                    "meeting",
                    "hearing",
                    "decision",
                    "phase",
                ])),
            ),
            always("state", nullable(one_of(&["done", "now", "upcoming"]))),
            always("hearing", nullable(r("link"))),
            always("decision", nullable(r("link"))),
            always("note", opt_string()),
        ],
    );
    let action = object(
        "an action of a track",
        vec![
            always("what", string()),
            always("when", nullable(r("date"))),
            always("undated", opt_string()),
            always("who", opt_string()),
            always("level", nullable(one_of(&["central", "local"]))),
            always("note", opt_string()),
        ],
    );
    let track = object(
        "a development track",
        vec![
            always("name", string()),
            always("description", opt_string()),
            always("actions", list(action)),
        ],
    );
    let contact = object(
        "the plan's contact person",
        vec![
            always("name", opt_string()),
            always("email", opt_string()),
            always("phone", opt_string()),
        ],
    );
    record(
        "plan",
        "the full record of a plan",
        vec![
            always(
                "status",
                nullable(one_of(&["draft", "hearing", "adopted", "archived"])),
            ),
            always("owner", opt_string()),
            always("contact", nullable(contact)),
            always("case_number", opt_string()),
            always("document_number", opt_string()),
            always("parent", nullable(r("link"))),
            always("children", list(r("link"))),
            always("hearings", list(r("link"))),
            always("decisions", list(r("link"))),
            always("timeline", list(row)),
            always("tracks", list(track)),
        ],
    )
}

fn hearing() -> Value {
    let meeting = object(
        "a public meeting",
        vec![
            always("when", r("date")),
            always(
                "starts_at",
                described(
                    nullable(r("timestamp")),
                    "null for a meeting without a time",
                ),
            ),
            always(
                "ends_at",
                described(
                    nullable(r("timestamp")),
                    "its own end, else two hours after the start",
                ),
            ),
            always("where", opt_string()),
            always(
                "address",
                described(opt_string(), "the postal address of the place"),
            ),
            always("what", opt_string()),
        ],
    );
    let response = object(
        "a response (høringssvar)",
        vec![
            always("from", string()),
            always("received", nullable(r("date"))),
            always("file", nullable(r("file"))),
        ],
    );
    let respond = object(
        "how to respond",
        vec![
            always("email", opt_string()),
            always("address", opt_string()),
            always("url", opt_string()),
        ],
    );
    record(
        "hearing",
        "the full record of a hearing",
        vec![
            always("state", one_of(&["upcoming", "open", "closed"])),
            always("authority", opt_string()),
            always("case_number", opt_string()),
            always("plan", nullable(r("link"))),
            always("opens", r("date")),
            always("closes", r("date")),
            always("respond", respond),
            always("documents", list(r("file"))),
            always("meetings", list(meeting)),
            always(
                "responses",
                described(list(response), "empty until the hearing has closed"),
            ),
            always(
                "summary_note",
                described(nullable(r("file")), "null until the hearing has closed"),
            ),
            always("decisions", list(r("link"))),
        ],
    )
}

/// A decision's state as of the build moment (`DecisionState::as_str`).
const DECISION_STATES: &[&str] = &["agenda", "decided", "withdrawn"];

fn decision() -> Value {
    let recommendation = object(
        "a numbered recommendation (indstilling) and the decision on it",
        vec![
            always("number", json!({ "type": "integer", "minimum": 1 })),
            always("text", string()),
            always(
                "outcome",
                nullable(one_of(&[
                    "approved",
                    "discussed",
                    "noted",
                    "rejected",
                    "postponed",
                ])),
            ),
            always("remark", opt_string()),
        ],
    );
    let correction = object(
        "a published correction",
        vec![always("date", r("date")), always("note", string())],
    );
    let item = json!({ "type": "integer", "minimum": 0 });
    let open = record(
        "decision",
        "an open decision",
        vec![
            always("body", string()),
            always("meeting", r("date")),
            always("case_number", opt_string()),
            always("item", item.clone()),
            always("access", json!({ "const": "open" })),
            always("state", one_of(DECISION_STATES)),
            always(
                "withdrawn",
                described(
                    nullable(object(
                        "the notice of withdrawal",
                        vec![always("date", r("date")), always("reason", string())],
                    )),
                    "null unless the item is withdrawn as of the build moment",
                ),
            ),
            always("recommendations", list(recommendation)),
            always("absent", r("text_list")),
            always("plans", list(r("link"))),
            always("hearings", list(r("link"))),
            always("corrections", list(correction)),
        ],
    );
    let mut closed_props = vec![always("$schema", r("url"))];
    closed_props.extend(head("decision"));
    closed_props.extend([
        always("body", string()),
        always("meeting", r("date")),
        always("item", item),
        always("access", json!({ "const": "closed" })),
        always("state", one_of(DECISION_STATES)),
    ]);
    let closed = object(
        "a closed decision: nothing but its title, body, meeting and item",
        closed_props,
    );
    json!({
        "description": "the full record of a decision",
        "oneOf": [open, closed],
    })
}

fn entry(kind: &str, description: &str, extra: Vec<Prop>) -> Value {
    let mut props = head(kind);
    props.extend([
        always("summary", opt_string()),
        always("published", nullable(r("date"))),
        always("updated", nullable(r("date"))),
    ]);
    props.extend(extra);
    object(description, props)
}

fn plan_entry() -> Value {
    entry(
        "plan",
        "a plan in the index",
        vec![
            always(
                "status",
                nullable(one_of(&["draft", "hearing", "adopted", "archived"])),
            ),
            always("area", opt_string()),
        ],
    )
}

fn hearing_entry() -> Value {
    entry(
        "hearing",
        "a hearing in the index",
        vec![
            always("state", one_of(&["upcoming", "open", "closed"])),
            always("opens", r("date")),
            always("closes", r("date")),
        ],
    )
}

fn decision_entry() -> Value {
    entry(
        "decision",
        "a decision in the index (a closed one without summary and dates)",
        vec![
            always("body", string()),
            always("meeting", r("date")),
            always("item", json!({ "type": "integer", "minimum": 0 })),
            always("access", one_of(&["open", "closed"])),
        ],
    )
}

fn index_of(key: &'static str, kind: &str, entry: Value) -> Value {
    object(
        &format!("every public {kind}, sorted by slug"),
        vec![
            always("$schema", r("url")),
            always("count", json!({ "type": "integer", "minimum": 0 })),
            always(key, list(entry)),
        ],
    )
}

fn api_index() -> Value {
    let endpoint = object(
        "one endpoint",
        vec![
            always("name", string()),
            always(
                "url",
                described(
                    string(),
                    "its address; a record's address has {slug} in place of the slug",
                ),
            ),
            always("media_type", string()),
            always("schema", nullable(r("url"))),
            always("description", string()),
        ],
    );
    let licence = object(
        "the licence of the open data",
        vec![always("name", string()), always("url", r("url"))],
    );
    let publisher = object(
        "who publishes the site",
        vec![
            always("name", string()),
            always("url", r("url")),
            always("email", opt_string()),
            always("phone", opt_string()),
            always("address", opt_string()),
        ],
    );
    object(
        "the entry point of the open data",
        vec![
            always("$schema", r("url")),
            always(
                "api_version",
                json!({ "type": "string", "pattern": "^1\\.[0-9]+$" }),
            ),
            always("title", string()),
            always("description", opt_string()),
            always("language", one_of(&["da", "en"])),
            always("url", r("url")),
            always(
                "licence",
                described(nullable(licence), "null when site.yaml names none"),
            ),
            always("publisher", publisher),
            always("built_as_of", described(r("timestamp"), "the build moment")),
            always("endpoints", list(endpoint)),
        ],
    )
}

fn next_change() -> Value {
    object(
        "when the built site stops being true",
        vec![
            always("$schema", r("url")),
            always("built_as_of", r("timestamp")),
            always("next_change", nullable(r("timestamp"))),
            always("what", opt_string()),
            always("page", nullable(r("url"))),
        ],
    )
}
