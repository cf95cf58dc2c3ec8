//! One content file → a checked [`Document`], or every problem found in it.

use super::frontmatter::{self, SplitError};
use super::period;
use super::raw::{self, ContentType, FileRef, Text};
use super::row_dates::RowYears;
use super::*;
use crate::messages::Key;
use crate::model::dates::{DateConventions, FuzzyDate, ParseContext};
use crate::model::diagnostics::{Diagnostic, Severity, did_you_mean, rel_display};
use crate::model::slug::SlugError;
use crate::model::yaml::{self, PathSeg, Shape};
use serde_norway::Value;
use std::path::{Component, Path, PathBuf};

/// What parsing needs to know about the site.
pub struct ParseEnv<'a> {
    pub root: &'a Path,
    pub conventions: &'a DateConventions,
    /// The site's zone: a hearing's moments are resolved in it.
    pub tz: chrono_tz::Tz,
}

impl ParseEnv<'_> {
    fn static_dir(&self) -> PathBuf {
        self.root.join("static")
    }
}

fn key(k: &str) -> PathSeg {
    PathSeg::Key(k.to_string())
}

/// Parses one Markdown file. Returns the document only when it has no errors; warnings
/// come back either way.
pub fn parse_file(env: &ParseEnv, path: &Path) -> (Option<Document>, Vec<Diagnostic>) {
    let file = rel_display(env.root, path);
    if let Some(why) = unusable_link(env.root, path) {
        let d = Diagnostic::keyed(
            crate::model::diagnostics::Severity::Warning,
            &file,
            Key::new("content-link-unusable").sub("what", Key::new(why)),
        );
        return (None, vec![d]);
    }
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return (
                None,
                vec![Diagnostic::keyed(
                    crate::model::diagnostics::Severity::Error,
                    &file,
                    Key::new("file-unreadable").sub("reason", crate::messages::io_reason(&e)),
                )],
            );
        }
    };
    let text = match utf8_text(&file, bytes) {
        Ok(t) => t,
        Err(d) => return (None, vec![d]),
    };
    parse_text(env, path, &file, &text)
}

/// The text of a file that must be UTF-8, or an error naming the first line that is not.
pub fn utf8_text(file: &str, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        Diagnostic::keyed(
            crate::model::diagnostics::Severity::Error,
            file,
            Key::new("file-not-utf8"),
        )
        .at(Some(line), None)
    })
}

pub fn parse_text(
    env: &ParseEnv,
    path: &Path,
    file: &str,
    text: &str,
) -> (Option<Document>, Vec<Diagnostic>) {
    let split = match frontmatter::split(text) {
        Ok(s) => s,
        Err(e) => {
            let line = match e {
                SplitError::NoFrontMatter | SplitError::NotClosed => Some(1),
            };
            return (
                None,
                vec![Diagnostic::keyed(Severity::Error, file, e.key()).at(line, None)],
            );
        }
    };
    let src = yaml::Source {
        text: split.yaml,
        file,
        first_line: split.yaml_first_line,
    };
    let value = match yaml::parse_value(&src) {
        Ok(v) => v,
        Err(ds) => {
            let draft = says_draft(split.yaml, None);
            return (None, ds.into_iter().map(|d| d.in_draft(draft)).collect());
        }
    };
    let draft = says_draft(split.yaml, Some(&value));
    let mut p = Parser {
        env,
        src,
        diags: Vec::new(),
        dir: path.parent().unwrap_or(env.root).to_path_buf(),
    };
    let doc = p.document(path, value, &split, text);
    if let Some(d) = doc.as_ref().filter(|d| !d.draft) {
        p.diags.extend(placeholder_warnings(d));
    }
    let diags: Vec<Diagnostic> = p.diags.into_iter().map(|d| d.in_draft(draft)).collect();
    let ok = !diags.iter().any(Diagnostic::is_error);
    (if ok { doc } else { None }, diags)
}

/// Text written by `planpub new` that a public (non-draft) item still carries.
fn placeholder_warnings(d: &Document) -> Vec<Diagnostic> {
    super::placeholders::in_document(d)
        .into_iter()
        .map(|found| {
            let text = found.text;
            match &found.path {
                Some(path) => d
                    .front_source()
                    .warning(path, "")
                    .with_key(Key::new("placeholder-field").arg("text", text)),
                None => Diagnostic::warning(&d.file, "")
                    .with_key(Key::new("placeholder-body").arg("text", text))
                    .at(Some(d.body_first_line), None),
            }
        })
        .collect()
}

/// Whether the front matter marks the file as a draft. When the YAML cannot be read as a
/// whole, a top-level `draft: true` line still counts: a broken draft must not block
/// the public site.
fn says_draft(yaml_text: &str, value: Option<&Value>) -> bool {
    if let Some(v) = value {
        return matches!(v.get("draft"), Some(Value::Bool(true)));
    }
    yaml_text.lines().any(|l| {
        let l = l.split(" #").next().unwrap_or(l).trim_end();
        l.strip_prefix("draft:")
            .is_some_and(|rest| rest.trim().eq_ignore_ascii_case("true"))
    })
}

struct Parser<'a> {
    env: &'a ParseEnv<'a>,
    src: yaml::Source<'a>,
    diags: Vec<Diagnostic>,
    dir: PathBuf,
}

impl Parser<'_> {
    fn err(&mut self, path: &[PathSeg], msg: impl Into<String>) -> &mut Diagnostic {
        let d = self.src.error(path, msg);
        self.diags.push(d);
        self.diags.last_mut().expect("just pushed")
    }

    fn err_key(&mut self, path: &[PathSeg], key: Key) -> &mut Diagnostic {
        let d = self
            .src
            .keyed(crate::model::diagnostics::Severity::Error, path, key);
        self.diags.push(d);
        self.diags.last_mut().expect("just pushed")
    }

    fn typed<T: serde::de::DeserializeOwned>(&mut self, value: Value) -> Option<T> {
        match yaml::from_value::<T>(&self.src, value) {
            Ok(t) => Some(t),
            Err(d) => {
                self.diags.push(d);
                None
            }
        }
    }

    fn content_type(&mut self, value: &Value, path: &Path) -> Option<ContentType> {
        let guess = guess_type_from_folder(path);
        let t = match value.get("type") {
            Some(Value::String(s)) => s.clone(),
            Some(other) if !other.is_null() => {
                let found = match other {
                    Value::Sequence(_) => "found-list",
                    Value::Mapping(_) => "found-group",
                    _ => "found-something-else",
                };
                let key = Key::new("type-not-one-word")
                    .sub("found", Key::new(found))
                    .with_help(Key::new("type-one-line").arg("guess", guess.unwrap_or("page")));
                self.err_key(&[self::key("type")], key);
                return None;
            }
            Some(_) | None => {
                let key = Key::new("type-missing").arg("guess", guess.unwrap_or("page"));
                self.err_key(&[], key).field = Some("type".into());
                return None;
            }
        };
        match t.as_str() {
            "plan" => Some(ContentType::Plan),
            "hearing" => Some(ContentType::Hearing),
            "decision" => Some(ContentType::Decision),
            "page" => Some(ContentType::Page),
            other => {
                let danish = match other.to_lowercase().as_str() {
                    "høring" | "hoering" | "horing" => Some("hearing"),
                    "beslutning" | "afgørelse" => Some("decision"),
                    "side" => Some("page"),
                    "strategi" | "procesplan" => Some("plan"),
                    _ => None,
                };
                let suggestion = danish.or_else(|| did_you_mean(other, ContentType::ALL));
                let help = match suggestion {
                    Some(s) => Key::new("type-did-you-mean").arg("suggestion", s),
                    None => Key::new("type-list"),
                };
                let key = Key::new("type-unknown").arg("value", other).with_help(help);
                self.err_key(&[self::key("type")], key);
                None
            }
        }
    }

    fn document(
        &mut self,
        path: &Path,
        value: Value,
        split: &frontmatter::Split,
        text: &str,
    ) -> Option<Document> {
        if !matches!(value, Value::Mapping(_)) {
            self.err_key(&[], Key::new("frontmatter-not-fields"));
            return None;
        }
        let kind = self.content_type(&value, path)?;
        let unknown = yaml::check_fields(&self.src, &value, &Shape::Map(raw::fields_for(kind)));
        self.diags.extend(unknown);
        let other_names = raw::other_names(kind);
        for (name, other) in other_names {
            if value.get(name).is_some() && value.get(other).is_some() {
                let d = self.src.error(&[key(other)], "").with_key(
                    Key::new("field-two-names")
                        .arg("field", *name)
                        .arg("other", *other),
                );
                self.diags.push(d);
            }
        }
        // serde stops at the first missing field; every one is reported at once (the
        // same message, so serde's own copy of the first is merged with it).
        for name in raw::required_for(kind) {
            let other = other_names.iter().find(|(n, _)| n == name).map(|(_, o)| *o);
            if value.get(name).is_none() && other.is_none_or(|o| value.get(o).is_none()) {
                let d = self.err(&[], "");
                *d = d
                    .clone()
                    .with_key(Key::new("field-missing").arg("field", *name));
                d.field = Some((*name).to_string());
            }
        }
        let common: Option<raw::Common> = self.typed(value.clone());
        let data = match kind {
            ContentType::Plan => self
                .typed::<raw::PlanFields>(value)
                .and_then(|f| self.plan(f)),
            ContentType::Hearing => self
                .typed::<raw::HearingFields>(value)
                .and_then(|f| self.hearing(f)),
            ContentType::Decision => self
                .typed::<raw::DecisionFields>(value)
                .and_then(|f| self.decision(f)),
            ContentType::Page => self
                .typed::<raw::PageFields>(value)
                .map(|f| Data::Page(Page { menu: f.menu })),
        };
        let common = common?;
        let title = match common.title.as_deref().map(str::trim) {
            Some(t) if !t.is_empty() => t.to_string(),
            _ => {
                let d = self.err_key(&[key("title")], Key::new("title-missing"));
                d.field = Some("title".into());
                String::new()
            }
        };
        let slug = self.slug(path, common.slug.as_deref());
        let ctx_conv = self.env.conventions;
        let published = self.date_field("published", common.published.as_ref(), ctx_conv);
        let updated = self.date_field("updated", common.updated.as_ref(), ctx_conv);
        let publish_at = self.date_field("publish_at", common.publish_at.as_ref(), ctx_conv);
        if let Some(p) = &publish_at
            && !p.is_exact_day()
        {
            self.err_key(
                &[key("publish_at")],
                Key::new("publish-at-not-exact").arg("text", p.text()),
            );
        }
        let attachments = self.files("attachments", &common.attachments);
        let data = data?;
        let slug = slug?;
        if title.is_empty() {
            return None;
        }
        Some(Document {
            file: self.src.file.to_string(),
            dir: self.dir.clone(),
            front: split.yaml.into(),
            front_first_line: split.yaml_first_line,
            slug,
            title,
            summary: common
                .summary
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            published,
            updated,
            publish_at,
            draft: common.draft,
            tags: common.tags,
            area: common
                .area
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty()),
            attachments,
            body: split.body.into(),
            body_first_line: split.body_first_line,
            body_links: self.body_links(split),
            source_sha256: sha256_hex(text.as_bytes()),
            rendered: Default::default(),
            search_words: Default::default(),
            change_moments: Default::default(),
            front_digest: Default::default(),
            path: Default::default(),
            data,
        })
    }

    /// Looks at the body once: raw HTML that would cut the text after it is shown as
    /// text, with a warning naming its line; the links are kept for the site checks.
    fn body_links(&mut self, split: &frontmatter::Split) -> Vec<(usize, String)> {
        let found = crate::formats::markdown::inspect(split.body);
        let file_line = |l: usize| l + split.body_first_line - 1;
        for (line, what) in found.cut_html {
            let key = Key::new("html-cut").arg("what", what);
            self.diags.push(
                Diagnostic::keyed(Severity::Warning, self.src.file, key)
                    .at(Some(file_line(line)), None),
            );
        }
        found
            .links
            .into_iter()
            .map(|(line, dest)| (file_line(line), dest))
            .collect()
    }

    fn slug(&mut self, path: &Path, explicit: Option<&str>) -> Option<Slug> {
        match explicit {
            Some(s) => match Slug::parse(s) {
                Ok(slug) => Some(slug),
                Err(e) => {
                    let mut k = e.key();
                    if let Ok(fixed) = Slug::from_text(s) {
                        k = k.with_help(Key::new("did-you-mean").arg("suggestion", fixed.as_str()));
                    } else if matches!(e, SlugError::TooLong(_)) {
                        k = k.with_help(Key::new("slug-short-help"));
                    }
                    self.err_key(&[key("slug")], k);
                    None
                }
            },
            None => {
                let stem = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let name = if stem == "index" || stem == "_index" {
                    path.parent()
                        .and_then(|p| p.file_name())
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or(stem)
                } else {
                    stem
                };
                match Slug::from_text(&name) {
                    Ok(s) => Some(s),
                    Err(e) => {
                        let k = match e {
                            SlugError::TooLong(_) => {
                                Key::new("slug-from-file-long").sub("detail", e.key())
                            }
                            _ => Key::new("slug-from-file"),
                        };
                        self.err_key(&[], k.arg("name", name.as_str()));
                        None
                    }
                }
            }
        }
    }

    /// Words around a date were skipped or something was assumed: staff see the
    /// reading before it is published.
    fn warn_reading(&mut self, path: &[PathSeg], d: &FuzzyDate) {
        if let Some(reading) = d.reading(crate::model::dates::Lang::Da) {
            let plain = d.display(crate::model::dates::Lang::Da);
            let da = crate::messages::of(crate::model::config::Language::Da);
            let told = d.reading_told(crate::model::dates::Lang::Da, da);
            let key = Key::new("date-reading-warning")
                .arg("text", d.text())
                .either("reading", told.unwrap_or_default(), reading)
                .arg("plain", plain);
            self.diags.push(self.src.keyed(
                crate::model::diagnostics::Severity::Warning,
                path,
                key,
            ));
        }
    }

    fn date_at(
        &mut self,
        path: &[PathSeg],
        text: &Text,
        default_year: Option<i32>,
    ) -> Option<FuzzyDate> {
        let ctx = ParseContext {
            conventions: self.env.conventions,
            default_year,
        };
        match FuzzyDate::parse(&text.0, &ctx) {
            Ok(d) => {
                self.warn_reading(path, &d);
                Some(d)
            }
            Err(e) => {
                // The message of a text that is no date already lists the forms.
                self.err_key(path, e.key());
                None
            }
        }
    }

    /// A meeting's `until:`: the time it ends on its day (`19:00`, `19.00`, `kl. 19`),
    /// after the start time that `when` gives, and only when `when` gives no end.
    fn meeting_until(
        &mut self,
        path: &[PathSeg],
        when: &FuzzyDate,
        text: &str,
    ) -> Option<chrono::NaiveTime> {
        let Some(until) = parse_clock(text) else {
            self.err_key(path, Key::new("meeting-until-not-time").arg("text", text));
            return None;
        };
        let start = match (when.start_time(), when.start() == when.end()) {
            (Some(t), true) => t,
            _ => {
                self.err_key(path, Key::new("meeting-until-no-start"));
                return None;
            }
        };
        if when.end_time().is_some() {
            self.err_key(path, Key::new("meeting-end-twice"));
            return None;
        }
        if until <= start {
            let key = Key::new("meeting-ends-before")
                .arg("until", until.format("%H:%M").to_string())
                .arg("start", start.format("%H:%M").to_string());
            self.err_key(path, key);
            return None;
        }
        Some(until)
    }

    fn date_field(
        &mut self,
        name: &str,
        text: Option<&Text>,
        _c: &DateConventions,
    ) -> Option<FuzzyDate> {
        text.and_then(|t| self.date_at(&[key(name)], t, None))
    }

    fn text_opt(t: Option<Text>) -> Option<String> {
        t.map(|t| t.0.trim().to_string()).filter(|s| !s.is_empty())
    }

    /// A timeline row or action date: a year-less date takes the year of the nearest
    /// earlier dated row, and staff are told that it did.
    fn row_when(
        &mut self,
        path: Vec<PathSeg>,
        when: Option<&Text>,
        undated: Option<&String>,
        years: &mut RowYears,
        required: bool,
    ) -> Option<Option<When>> {
        match (when, undated) {
            (Some(_), Some(_)) => {
                self.err_key(&path, Key::new("row-when-and-undated"));
                None
            }
            (None, Some(u)) => Some(Some(When::Undated(u.trim().to_string()))),
            (None, None) => {
                if required {
                    let mut p = path.clone();
                    p.push(key("when"));
                    let d = self.err_key(&path, Key::new("row-no-date"));
                    d.field = Some(yaml::path_to_string(&p));
                    None
                } else {
                    Some(None)
                }
            }
            (Some(t), None) => {
                let mut p = path.clone();
                p.push(key("when"));
                match years.read(&t.0, self.env.conventions) {
                    Ok(row) => {
                        if let Some(key) = row.year_warning() {
                            self.diags.push(self.src.keyed(
                                crate::model::diagnostics::Severity::Warning,
                                &p,
                                key,
                            ));
                        }
                        self.warn_reading(&p, &row.date);
                        Some(Some(When::Date(row.date)))
                    }
                    Err(e) => {
                        self.err_key(&p, e.key());
                        None
                    }
                }
            }
        }
    }

    fn plan(&mut self, f: raw::PlanFields) -> Option<Data> {
        let mut ok = true;
        let mut years = RowYears::new();
        let mut timeline = Vec::with_capacity(f.timeline.len());
        for (i, row) in f.timeline.into_iter().enumerate() {
            let path = vec![key("timeline"), PathSeg::Index(i)];
            match self.row_when(
                path,
                row.when.as_ref(),
                row.undated.as_ref(),
                &mut years,
                true,
            ) {
                Some(Some(when)) => timeline.push(TimelineEntry {
                    key: self.event_key(
                        "row",
                        &[key("timeline"), PathSeg::Index(i)],
                        row.id.as_deref(),
                        &[&row.what, row.who.as_deref().unwrap_or("")],
                    ),
                    when,
                    what: row.what,
                    who: row.who,
                    kind: row.kind,
                    hearing: row.hearing,
                    decision: row.decision,
                    note: row.note,
                }),
                _ => ok = false,
            }
        }
        let mut tracks = Vec::with_capacity(f.tracks.len());
        for (ti, t) in f.tracks.into_iter().enumerate() {
            let mut actions = Vec::with_capacity(t.actions.len());
            let mut years = RowYears::new();
            for (ai, a) in t.actions.into_iter().enumerate() {
                let path = vec![
                    key("tracks"),
                    PathSeg::Index(ti),
                    key("actions"),
                    PathSeg::Index(ai),
                ];
                match self.row_when(path, a.when.as_ref(), a.undated.as_ref(), &mut years, false) {
                    Some(when) => actions.push(Action {
                        what: a.what,
                        when,
                        who: a.who,
                        level: a.level,
                        note: a.note,
                    }),
                    None => ok = false,
                }
            }
            tracks.push(Track {
                name: t.name,
                description: t.description,
                actions,
            });
        }
        ok &= self.unique_keys("timeline", timeline.iter().map(|r| r.key.as_str()));
        ok.then(|| {
            Data::Plan(Plan {
                status_given: f.status,
                owner: f.owner,
                contact: f.contact,
                case_number: Self::text_opt(f.case_number),
                document_number: Self::text_opt(f.document_number),
                parent: f.parent,
                timeline,
                tracks,
            })
        })
    }

    fn hearing(&mut self, f: raw::HearingFields) -> Option<Data> {
        let opens = self.exact_date("opens", &f.opens);
        let closes = self.exact_date("closes", &f.closes);
        let period = match (opens, closes) {
            (Some(o), Some(c)) => match HearingPeriod::new(o, c, &self.env.tz) {
                Ok(p) => Some(p),
                Err(e) => {
                    self.err_key(&[key("closes")], e.key());
                    None
                }
            },
            _ => None,
        };
        let mut meetings = Vec::new();
        let mut ok = true;
        for (i, m) in f.meetings.into_iter().enumerate() {
            let path = [key("meetings"), PathSeg::Index(i)];
            let mut when_path = path.to_vec();
            when_path.push(key("when"));
            match self.date_at(&when_path, &m.when, None) {
                Some(when) => {
                    // A meeting is known by what it is and where; only a bare one by its date.
                    let what = m.what.as_deref().unwrap_or("");
                    let place = m.place.as_deref().unwrap_or("");
                    let identity: [&str; 2] = if what.trim().is_empty() && place.trim().is_empty() {
                        [when.text(), ""]
                    } else {
                        [what, place]
                    };
                    let mut until_path = path.to_vec();
                    until_path.push(key("until"));
                    let until = match &m.until {
                        Some(t) => match self.meeting_until(&until_path, &when, &t.0) {
                            Some(u) => Some(u),
                            None => {
                                ok = false;
                                None
                            }
                        },
                        None => None,
                    };
                    meetings.push(Meeting {
                        key: self.event_key("meeting", &path, m.id.as_deref(), &identity),
                        when,
                        until,
                        place: m.place,
                        address: m.address.filter(|a| !a.trim().is_empty()),
                        what: m.what,
                    })
                }
                None => ok = false,
            }
        }
        ok &= self.unique_keys("meetings", meetings.iter().map(|m| m.key.as_str()));
        let mut responses = Vec::new();
        for (i, r) in f.responses.into_iter().enumerate() {
            let base = [key("responses"), PathSeg::Index(i)];
            let received = match &r.received {
                Some(t) => {
                    let mut p = base.to_vec();
                    p.push(key("received"));
                    let d = self.date_at(&p, t, None);
                    ok &= d.is_some();
                    d
                }
                None => None,
            };
            let file = match &r.file {
                Some(fname) => {
                    let mut p = base.to_vec();
                    p.push(key("file"));
                    let a = self.one_file(&p, &r.from, fname);
                    ok &= a.is_some();
                    a
                }
                None => None,
            };
            responses.push(Response {
                from: r.from,
                file,
                received,
            });
        }
        let documents = self.files("documents", &f.documents);
        let summary_note = f
            .summary_note
            .as_ref()
            .and_then(|n| self.one_file(&[key("summary_note"), key("file")], &n.title, &n.file));
        if f.summary_note.is_some() && summary_note.is_none() {
            ok = false;
        }
        let period = period?;
        ok.then(|| {
            Data::Hearing(Hearing {
                plan: f.plan,
                authority: f.authority,
                case_number: Self::text_opt(f.case_number),
                period,
                respond: f.respond.unwrap_or_default(),
                documents,
                meetings,
                responses,
                summary_note,
                decision: f.decision,
                min_days: f.min_days,
            })
        })
    }

    fn decision(&mut self, f: raw::DecisionFields) -> Option<Data> {
        let meeting = self.date_at(&[key("meeting")], &f.meeting, None);
        if let Some(m) = &meeting
            && !m.is_exact_day()
        {
            self.err_key(
                &[key("meeting")],
                Key::new("meeting-not-exact").arg("text", m.text()),
            );
        }
        // Both names, or neither, were reported with the other fields.
        let committee = match (&f.committee, &f.body) {
            (Some(c), _) => Some(("committee", c.as_str())),
            (None, Some(b)) => Some(("body", b.as_str())),
            (None, None) => None,
        };
        let body_slug = committee.and_then(|(field, name)| match Slug::from_text(name) {
            Ok(s) => Some(s),
            Err(_) => {
                let k = Key::new("committee-no-letters").arg("name", name.trim());
                self.err_key(&[key(field)], k);
                None
            }
        });
        let committee = committee.map(|(_, name)| name.trim().to_string());
        let mut corrections = Vec::new();
        let mut ok = true;
        for (i, c) in f.corrections.into_iter().enumerate() {
            match self.date_at(
                &[key("corrections"), PathSeg::Index(i), key("date")],
                &c.date,
                None,
            ) {
                Some(date) => corrections.push(Correction { date, note: c.note }),
                None => ok = false,
            }
        }
        let withdrawn = match &f.withdrawn {
            Some(w) => {
                let date =
                    self.exact_date_at(&[key("withdrawn"), key("date")], "withdrawn.date", &w.date);
                if w.reason.trim().is_empty() {
                    self.err_key(
                        &[key("withdrawn"), key("reason")],
                        Key::new("withdrawal-no-reason"),
                    );
                    ok = false;
                }
                ok &= date.is_some();
                date.map(|date| Withdrawal {
                    date,
                    reason: w.reason.trim().to_string(),
                })
            }
            None => None,
        };
        let (meeting, body, body_slug) = (meeting?, committee?, body_slug?);
        ok.then(|| {
            Data::Decision(Decision {
                state: DecisionState::Decided,
                withdrawn,
                body,
                body_slug,
                meeting,
                case_number: Self::text_opt(f.case_number),
                item: f.item,
                access: f.access,
                recommendations: f
                    .recommendations
                    .into_iter()
                    .map(|r| RecommendationItem {
                        text: r.text,
                        outcome: r.outcome,
                        remark: r.remark,
                    })
                    .collect(),
                absent: f.absent,
                plans: f.plans,
                hearings: f.hearings,
                corrections,
            })
        })
    }

    /// A date field that must name one day (a time may follow): a hearing's `opens` and
    /// `closes`, a withdrawal's date.
    fn exact_date(&mut self, field: &str, text: &Text) -> Option<ExactDate> {
        self.exact_date_at(&[key(field)], field, text)
    }

    fn exact_date_at(&mut self, path: &[PathSeg], field: &str, text: &Text) -> Option<ExactDate> {
        let written = self.date_at(path, text, None)?;
        let leaf = field.rsplit('.').next().unwrap_or(field);
        match ExactDate::new(written.clone()) {
            Ok(d) => Some(d),
            Err(why) => {
                let example = period::example_value(leaf, Some(&written));
                let help = Key::new("exact-day-help")
                    .arg("example", format!("{leaf}: {example}"))
                    .arg("deadline", if leaf == "closes" { "yes" } else { "no" });
                let key = Key::new("exact-day-needed")
                    .arg("text", written.text())
                    .sub("what", why.0)
                    .arg("field", field)
                    .with_help(help);
                self.err_key(path, key);
                None
            }
        }
    }

    /// The identity of a timeline row or meeting: `<prefix>-<id>` when the author gave
    /// an `id:`, else `<prefix>-` and a short hash of the identifying texts, which do
    /// not change when rows are inserted, deleted or reordered.
    fn event_key(
        &mut self,
        prefix: &str,
        path: &[PathSeg],
        id: Option<&str>,
        identity: &[&str],
    ) -> String {
        if let Some(id) = id {
            match Slug::parse(id.trim()) {
                Ok(slug) => return format!("{prefix}-{slug}"),
                Err(e) => {
                    let mut p = path.to_vec();
                    p.push(key("id"));
                    let mut k = e.key();
                    if let Ok(fixed) = Slug::from_text(id) {
                        k = k.with_help(Key::new("did-you-mean").arg("suggestion", fixed.as_str()));
                    }
                    self.err_key(&p, k);
                }
            }
        }
        let normal: Vec<String> = identity
            .iter()
            .map(|t| {
                t.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .collect();
        let hash = sha256_hex(normal.join("\u{1f}").as_bytes());
        format!("{prefix}-{}", &hash[..12])
    }

    /// Reports rows of `field` that share an identity, naming both; true if none do.
    fn unique_keys<'k>(&mut self, field: &str, keys: impl Iterator<Item = &'k str>) -> bool {
        let mut seen: std::collections::BTreeMap<&str, usize> = Default::default();
        let mut ok = true;
        for (i, k) in keys.enumerate() {
            let Some(&first) = seen.get(k) else {
                seen.insert(k, i);
                continue;
            };
            ok = false;
            let line = |n: usize| {
                yaml::locate(self.src.text, &[key(field), PathSeg::Index(n)])
                    .map(|(l, _)| l + self.src.first_line - 1)
                    .map(|l| Key::new("identity-line").num("line", l))
                    .unwrap_or_else(|| Key::new("value-raw").arg("value", ""))
            };
            let k = Key::new("identity-shared")
                .arg("what", field)
                .num("first", first + 1)
                .sub("line1", line(first))
                .num("second", i + 1)
                .sub("line2", line(i))
                .arg(
                    "example",
                    format!("{}-{}", field.trim_end_matches('s'), i + 1),
                );
            self.err_key(&[key(field), PathSeg::Index(i)], k);
        }
        ok
    }

    fn files(&mut self, field: &str, refs: &[FileRef]) -> Vec<Attachment> {
        refs.iter()
            .enumerate()
            .filter_map(|(i, r)| {
                self.one_file(
                    &[key(field), PathSeg::Index(i), key("file")],
                    &r.title,
                    &r.file,
                )
            })
            .collect()
    }

    /// Resolves an attachment beside the Markdown file (or under `static/`), refusing
    /// any path that could lead outside the site.
    fn one_file(&mut self, path: &[PathSeg], title: &str, file: &str) -> Option<Attachment> {
        if let Err(why) = safe_relative(file) {
            self.err_key(
                path,
                Key::new("attachment-path-unsafe")
                    .arg("file", file)
                    .sub("why", Key::new(why)),
            );
            return None;
        }
        let beside = self.dir.join(file);
        let in_static = self.env.static_dir().join(file);
        let (source, from_static) = if beside.is_file() {
            (beside, false)
        } else if in_static.is_file() {
            (in_static, true)
        } else {
            let folder = rel_display(self.env.root, &self.dir);
            self.err_key(
                path,
                Key::new("attachment-missing")
                    .arg("file", file)
                    .arg("title", title)
                    .arg("folder", folder),
            );
            return None;
        };
        // A symlink inside the site could point anywhere; only files truly inside the
        // site root are published.
        let inside = match (source.canonicalize(), self.env.root.canonicalize()) {
            (Ok(s), Ok(r)) => s.starts_with(r),
            _ => false,
        };
        if !inside {
            self.err_key(path, Key::new("attachment-outside").arg("file", file));
            return None;
        }
        let size = std::fs::metadata(&source).map(|m| m.len()).unwrap_or(0);
        Some(Attachment {
            title: title.trim().to_string(),
            file: file.to_string(),
            source,
            size,
            from_static,
        })
    }
}

/// What a symbolic link in `content/` points at, if planpub will not read it: only a
/// link to a Markdown file inside the site folder is read.
fn unusable_link(root: &Path, path: &Path) -> Option<&'static str> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_symlink() {
        return None;
    }
    let Ok(target) = path.canonicalize() else {
        return Some("link-to-nothing");
    };
    let inside = root.canonicalize().is_ok_and(|r| target.starts_with(r));
    if !inside {
        Some("link-outside")
    } else if target.is_dir() {
        Some("link-to-folder")
    } else {
        None
    }
}

/// A time of day as authors write it: `19:00`, `19.00`, `19`, optionally after `kl.`.
fn parse_clock(text: &str) -> Option<chrono::NaiveTime> {
    let t = text.trim();
    let t = t
        .strip_prefix("kl.")
        .or_else(|| t.strip_prefix("kl"))
        .unwrap_or(t)
        .trim();
    let (h, m) = match t.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return None,
        None => (t, "00"),
    };
    if h.is_empty() || h.len() > 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    chrono::NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// Why a relative path written by an author is unsafe, if it is (the catalogue message
/// that completes "the file path … ").
pub fn safe_relative(file: &str) -> Result<(), &'static str> {
    if file.trim().is_empty() {
        return Err("path-empty");
    }
    if file.contains('\\') {
        return Err("path-backslash");
    }
    let p = Path::new(file);
    for c in p.components() {
        match c {
            Component::Normal(_) => {}
            Component::CurDir => {}
            Component::ParentDir => {
                return Err("path-parent");
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err("path-absolute");
            }
        }
    }
    Ok(())
}

fn guess_type_from_folder(path: &Path) -> Option<&'static str> {
    path.ancestors()
        .filter_map(|a| a.file_name())
        .find_map(|n| match n.to_string_lossy().to_lowercase().as_str() {
            "planer" | "plans" | "strategier" => Some("plan"),
            "hoeringer" | "høringer" | "hearings" => Some("hearing"),
            "beslutninger" | "decisions" => Some("decision"),
            "sider" | "pages" => Some("page"),
            _ => None,
        })
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
