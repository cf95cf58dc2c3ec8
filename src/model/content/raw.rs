//! The front matter exactly as authors write it: the serde side of the content contract
//! (`shared/content-model.md`). These structs are turned into the checked model in
//! `content::parse`.

use crate::model::web::{Email, WebUrl, blank_as_none};
use crate::model::yaml::{Field, Shape};
use serde::{Deserialize, Deserializer, Serialize};

/// Text that may have been written as a YAML number (`item: 4`, `when: 2023`,
/// `case_number: 12345`); authors should not need quotes for those.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{Error, Unexpected};
        use serde_norway::Value;
        // Read any value, so a missing field stays "missing" and a wrong one is named
        // (in serde's words, which the YAML layer tells in the reader's language).
        let found = match Value::deserialize(d)? {
            Value::String(s) => return Ok(Text(s)),
            Value::Number(n) => return Ok(Text(n.to_string())),
            Value::Null => Unexpected::Unit,
            Value::Bool(b) => Unexpected::Bool(b),
            Value::Sequence(_) => Unexpected::Seq,
            Value::Mapping(_) => Unexpected::Map,
            Value::Tagged(_) => Unexpected::Other("tagged value"),
        };
        Err(D::Error::invalid_type(found, &"text or a number"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ContentType {
    Plan,
    Hearing,
    Decision,
    Page,
}

impl ContentType {
    pub const ALL: [&'static str; 4] = ["plan", "hearing", "decision", "page"];
    pub fn as_str(self) -> &'static str {
        match self {
            ContentType::Plan => "plan",
            ContentType::Hearing => "hearing",
            ContentType::Decision => "decision",
            ContentType::Page => "page",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct FileRef {
    pub title: String,
    pub file: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Common {
    #[serde(rename = "type")]
    pub kind: ContentType,
    pub title: Option<String>,
    pub slug: Option<String>,
    pub summary: Option<String>,
    pub published: Option<Text>,
    pub updated: Option<Text>,
    pub publish_at: Option<Text>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub tags: Vec<String>,
    pub area: Option<String>,
    #[serde(default)]
    pub attachments: Vec<FileRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum PlanStatus {
    Draft,
    Hearing,
    Adopted,
    Archived,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 4] = [
        PlanStatus::Draft,
        PlanStatus::Hearing,
        PlanStatus::Adopted,
        PlanStatus::Archived,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::Hearing => "hearing",
            PlanStatus::Adopted => "adopted",
            PlanStatus::Archived => "archived",
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Contact {
    pub name: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub email: Option<Email>,
    pub phone: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryKind {
    Milestone,
    Meeting,
    Hearing,
    Decision,
    Phase,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TimelineRow {
    /// Optional identity for calendar UIDs (a slug).
    pub id: Option<String>,
    pub when: Option<Text>,
    pub undated: Option<String>,
    pub what: String,
    pub who: Option<String>,
    pub kind: Option<EntryKind>,
    pub hearing: Option<String>,
    pub decision: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Central,
    Local,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ActionRow {
    pub what: String,
    pub when: Option<Text>,
    pub undated: Option<String>,
    pub who: Option<String>,
    pub level: Option<Level>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Track {
    pub name: String,
    pub description: Option<String>,
    #[serde(default)]
    pub actions: Vec<ActionRow>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PlanFields {
    pub status: Option<PlanStatus>,
    pub owner: Option<String>,
    pub contact: Option<Contact>,
    pub case_number: Option<Text>,
    pub document_number: Option<Text>,
    pub parent: Option<String>,
    #[serde(default)]
    pub timeline: Vec<TimelineRow>,
    #[serde(default)]
    pub tracks: Vec<Track>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Respond {
    #[serde(default, deserialize_with = "blank_as_none")]
    pub email: Option<Email>,
    pub address: Option<String>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub url: Option<WebUrl>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct MeetingRow {
    /// Optional identity for calendar UIDs (a slug).
    pub id: Option<String>,
    pub when: Text,
    pub until: Option<Text>,
    #[serde(rename = "where")]
    pub place: Option<String>,
    pub address: Option<String>,
    pub what: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ResponseRow {
    pub from: String,
    pub file: Option<String>,
    pub received: Option<Text>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct HearingFields {
    pub plan: Option<String>,
    pub authority: Option<String>,
    pub case_number: Option<Text>,
    pub opens: Text,
    pub closes: Text,
    pub respond: Option<Respond>,
    #[serde(default)]
    pub documents: Vec<FileRef>,
    #[serde(default)]
    pub meetings: Vec<MeetingRow>,
    #[serde(default)]
    pub responses: Vec<ResponseRow>,
    pub summary_note: Option<FileRef>,
    pub decision: Option<String>,
    pub min_days: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    #[default]
    Open,
    Closed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Approved,
    Discussed,
    Noted,
    Rejected,
    Postponed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Approved => "approved",
            Outcome::Discussed => "discussed",
            Outcome::Noted => "noted",
            Outcome::Rejected => "rejected",
            Outcome::Postponed => "postponed",
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Recommendation {
    pub text: String,
    pub outcome: Option<Outcome>,
    pub remark: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct CorrectionRow {
    pub date: Text,
    pub note: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WithdrawnRow {
    pub date: Text,
    pub reason: String,
}

/// A text field that may be left out (because another name for it is written instead),
/// but that, when written, must hold text: `committee:` with nothing after it is an error.
fn written<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    String::deserialize(d).map(Some)
}

#[derive(Debug, Clone, Deserialize)]
pub struct DecisionFields {
    /// The committee or council. It may also be written `body:`, its first name in the
    /// contract, which the browser editor keeps for the page text; `parse` requires
    /// exactly one of the two (see [`other_names`]).
    #[serde(default, deserialize_with = "written")]
    pub committee: Option<String>,
    #[serde(default, deserialize_with = "written")]
    pub body: Option<String>,
    pub meeting: Text,
    pub case_number: Option<Text>,
    pub item: u32,
    #[serde(default)]
    pub access: Access,
    #[serde(default)]
    pub recommendations: Vec<Recommendation>,
    #[serde(default)]
    pub absent: Vec<String>,
    #[serde(default)]
    pub plans: Vec<String>,
    #[serde(default)]
    pub hearings: Vec<String>,
    #[serde(default)]
    pub corrections: Vec<CorrectionRow>,
    pub withdrawn: Option<WithdrawnRow>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PageFields {
    /// Position in the main navigation; pages without it are not in the menu.
    pub menu: Option<u32>,
}

// ---- The field lists, used to report unknown fields with suggestions. ----

const FILE_REF: &[Field] = &[Field::leaf("title"), Field::leaf("file")];
const CONTACT: &[Field] = &[
    Field::leaf("name"),
    Field::leaf("email"),
    Field::leaf("phone"),
];
const TIMELINE_ROW: &[Field] = &[
    Field::leaf("id"),
    Field::leaf("when"),
    Field::leaf("undated"),
    Field::leaf("what"),
    Field::leaf("who"),
    Field::leaf("kind"),
    Field::leaf("hearing"),
    Field::leaf("decision"),
    Field::leaf("note"),
];
const ACTION_ROW: &[Field] = &[
    Field::leaf("what"),
    Field::leaf("when"),
    Field::leaf("undated"),
    Field::leaf("who"),
    Field::leaf("level"),
    Field::leaf("note"),
];
const TRACK: &[Field] = &[
    Field::leaf("name"),
    Field::leaf("description"),
    Field::list_of("actions", &Shape::Map(ACTION_ROW)),
];
const RESPOND: &[Field] = &[
    Field::leaf("email"),
    Field::leaf("address"),
    Field::leaf("url"),
];
const MEETING: &[Field] = &[
    Field::leaf("id"),
    Field::leaf("when"),
    Field::leaf("until"),
    Field::leaf("where"),
    Field::leaf("address"),
    Field::leaf("what"),
];
const RESPONSE: &[Field] = &[
    Field::leaf("from"),
    Field::leaf("file"),
    Field::leaf("received"),
];
const RECOMMENDATION: &[Field] = &[
    Field::leaf("text"),
    Field::leaf("outcome"),
    Field::leaf("remark"),
];
const CORRECTION: &[Field] = &[Field::leaf("date"), Field::leaf("note")];
const WITHDRAWN: &[Field] = &[Field::leaf("date"), Field::leaf("reason")];

macro_rules! with_common {
    ($($extra:expr),* $(,)?) => {
        &[
            Field::leaf("type"),
            Field::leaf("title"),
            Field::leaf("slug"),
            Field::leaf("summary"),
            Field::leaf("published"),
            Field::leaf("updated"),
            Field::leaf("publish_at"),
            Field::leaf("draft"),
            Field::leaf("tags"),
            Field::leaf("area"),
            Field::list_of("attachments", &Shape::Map(FILE_REF)),
            $($extra),*
        ]
    };
}

pub const PLAN_FIELDS: &[Field] = with_common![
    Field::leaf("status"),
    Field::leaf("owner"),
    Field::map("contact", CONTACT),
    Field::leaf("case_number"),
    Field::leaf("document_number"),
    Field::leaf("parent"),
    Field::list_of("timeline", &Shape::Map(TIMELINE_ROW)),
    Field::list_of("tracks", &Shape::Map(TRACK)),
];

pub const HEARING_FIELDS: &[Field] = with_common![
    Field::leaf("plan"),
    Field::leaf("authority"),
    Field::leaf("case_number"),
    Field::leaf("opens"),
    Field::leaf("closes"),
    Field::map("respond", RESPOND),
    Field::list_of("documents", &Shape::Map(FILE_REF)),
    Field::list_of("meetings", &Shape::Map(MEETING)),
    Field::list_of("responses", &Shape::Map(RESPONSE)),
    Field::map("summary_note", FILE_REF),
    Field::leaf("decision"),
    Field::leaf("min_days"),
];

pub const DECISION_FIELDS: &[Field] = with_common![
    Field::leaf("committee"),
    Field::leaf("body"),
    Field::leaf("meeting"),
    Field::leaf("case_number"),
    Field::leaf("item"),
    Field::leaf("access"),
    Field::list_of("recommendations", &Shape::Map(RECOMMENDATION)),
    Field::leaf("absent"),
    Field::leaf("plans"),
    Field::leaf("hearings"),
    Field::list_of("corrections", &Shape::Map(CORRECTION)),
    Field::map("withdrawn", WITHDRAWN),
];

pub const PAGE_FIELDS: &[Field] = with_common![Field::leaf("menu")];

/// Fields a type cannot do without (besides `type` and `title`, checked on their own).
pub fn required_for(kind: ContentType) -> &'static [&'static str] {
    match kind {
        ContentType::Hearing => &["opens", "closes"],
        ContentType::Decision => &["committee", "meeting", "item"],
        ContentType::Plan | ContentType::Page => &[],
    }
}

/// Fields that may be written under a second name, as (name, other name). A required
/// field is there when either name is; writing both is an error.
pub fn other_names(kind: ContentType) -> &'static [(&'static str, &'static str)] {
    match kind {
        ContentType::Decision => &[("committee", "body")],
        ContentType::Plan | ContentType::Hearing | ContentType::Page => &[],
    }
}

pub fn fields_for(kind: ContentType) -> &'static [Field] {
    match kind {
        ContentType::Plan => PLAN_FIELDS,
        ContentType::Hearing => HEARING_FIELDS,
        ContentType::Decision => DECISION_FIELDS,
        ContentType::Page => PAGE_FIELDS,
    }
}
