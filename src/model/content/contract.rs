//! The content contract described once, for people and editors: every field of every
//! content type with its kind of value, allowed values, whether it is required, and a
//! description in Danish and English.
//!
//! The parser reads the serde structs in [`super::raw`]; this description is what the
//! editor support is generated from (the JSON Schemas, the browser editor's
//! configuration, the VS Code snippets in `commands::editor`). A unit test traces the
//! serde structs and the unknown-field lists and compares them with this description
//! both ways, so a field cannot be added to one and forgotten in the other.

use super::raw::ContentType;

/// A text in both of planpub's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub da: &'static str,
    pub en: &'static str,
}

impl Words {
    pub fn get(self, lang: crate::model::config::Language) -> &'static str {
        match lang {
            crate::model::config::Language::Da => self.da,
            crate::model::config::Language::En => self.en,
        }
    }
}

const fn w(da: &'static str, en: &'static str) -> Words {
    Words { da, en }
}

/// One allowed value of a choice field, with what it means.
#[derive(Debug, Clone, Copy)]
pub struct Choice {
    pub value: &'static str,
    pub label: Words,
}

const fn c(value: &'static str, da: &'static str, en: &'static str) -> Choice {
    Choice {
        value,
        label: w(da, en),
    }
}

/// How precisely a date field must be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// Any form of `docs/dates.md`: `primo 2024`, `1. halvår 2023`, a period …
    Fuzzy,
    /// One exact day; a time of day may follow.
    Day,
}

/// The kind of value a field holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// One line of text.
    Line,
    /// Text of one or more sentences (an editor shows a larger box).
    Prose,
    /// Text that may also be written as a plain number (case numbers, phone numbers).
    Code,
    /// One e-mail address (`model::web::Email`).
    Email,
    /// One http(s) web address (`model::web::WebUrl`).
    Url,
    Bool,
    /// A whole number, 0 or more.
    Whole,
    Choice(&'static [Choice]),
    Date(DateForm),
    /// This item's own slug (the last part of its web address).
    Slug,
    /// The slug of another item of this type.
    Ref(ContentType),
    /// A file beside the Markdown file or under `static/`.
    File,
    /// A list of values of one kind (tags, absent members, slugs of plans).
    List(&'static Kind),
    /// A group of fields (`respond:`, `contact:`).
    Group(&'static Record),
    /// A list of groups of fields (timeline rows, documents).
    Rows(&'static Record),
}

/// Whether a field must be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Optional,
    Required,
    /// Required for an item that is published; a draft may still lack it.
    Published,
}

/// A rule across the fields of a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    None,
    /// Exactly one of these fields.
    OneOf(&'static [&'static str]),
    /// At most one of these fields.
    AtMostOne(&'static [&'static str]),
    /// At least one of these fields.
    AnyOf(&'static [&'static str]),
}

#[derive(Debug, Clone, Copy)]
pub struct Record {
    pub fields: &'static [FieldDoc],
    pub rule: Rule,
    /// What one entry is called, for editors ("Tidsplanens trin").
    pub item: Words,
}

#[derive(Debug, Clone, Copy)]
pub struct FieldDoc {
    pub name: &'static str,
    pub kind: Kind,
    pub need: Need,
    /// A short name for a form label.
    pub label: Words,
    /// What the field means and how to write it.
    pub help: Words,
    /// The value an editor proposes for a new item, as YAML text.
    pub example: Option<&'static str>,
    /// A second name the parser accepts for the field (an earlier one), never together
    /// with the first. Editors write the first name.
    pub alias: Option<&'static str>,
}

const fn f(name: &'static str, kind: Kind, need: Need, label: Words, help: Words) -> FieldDoc {
    FieldDoc {
        name,
        kind,
        need,
        label,
        help,
        example: None,
        alias: None,
    }
}

impl FieldDoc {
    const fn eg(mut self, example: &'static str) -> FieldDoc {
        self.example = Some(example);
        self
    }

    const fn or_named(mut self, alias: &'static str) -> FieldDoc {
        self.alias = Some(alias);
        self
    }

    /// The names the field may be written under: its own, then its alias.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + use<> {
        std::iter::once(self.name).chain(self.alias)
    }
}

use Kind::*;
use Need::*;

/// The pattern of one exact day with an optional time, as JSON Schema (ECMA-262) and
/// the browser editor read it. It is deliberately generous: `check` reads the date and
/// gives the exact reason; the pattern exists to underline what is clearly not one day
/// (`december 2026`, `uge 26`, `løbende`, a period). A test runs it over the clean
/// wordings of the date corpus against the real reader.
pub fn day_pattern() -> String {
    // ECMA-262 patterns in JSON Schema have no flags, so words match either case here.
    let ci = |word: &str| -> String {
        word.chars()
            .map(|c| {
                let (l, u) = (c.to_lowercase().to_string(), c.to_uppercase().to_string());
                if l == u { l } else { format!("[{u}{l}]") }
            })
            .collect()
    };
    let alt = |words: &[&str]| words.iter().map(|w| ci(w)).collect::<Vec<_>>().join("|");
    let weekday = alt(&["man", "tirs", "ons", "tors", "fre", "lør", "søn"]);
    let month = alt(&[
        "jan", "feb", "mar", "apr", "maj", "may", "jun", "jul", "aug", "sep", "okt", "oct", "nov",
        "dec",
    ]);
    let (dag, den) = (ci("dag"), ci("den"));
    let letters = "[A-Za-zÆØÅæøå]*";
    let lead = format!(r"(({weekday}){dag}\s+)?(({den}|[Dd]\.)\s*)?");
    let forms = [
        r"\d{4}-\d{1,2}-\d{1,2}".to_string(),
        r"\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}".to_string(),
        r"\d{1,2}[/-]\d{1,2}[/-]\d{4}".to_string(),
        format!(r"\d{{1,2}}\.?[\s-]+({month}){letters}\.?[\s-]+\d{{4}}"),
        format!(r"({month}){letters}\.?\s+\d{{1,2}},?\s+\d{{4}}"),
    ]
    .join("|");
    let time = r"([ T,]+(kl\.?\s*)?\d{1,2}([:.]\d{2}([:.]\d{2})?)?(\s*(Z|[+-]\d{2}:?\d{2}))?)?";
    format!(r"^\s*{lead}({forms}){time}\s*$")
}

/// The pattern of an e-mail address: deliberately loose (one `@`, a dot in the domain,
/// no spaces); `check` gives the exact reason.
pub const EMAIL_PATTERN: &str = r"^[^@\s]+@[^@\s]+\.[^@\s]+$";

/// The pattern of a web address planpub links to: http or https.
pub const URL_PATTERN: &str = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s]+$";

/// The pattern of a slug: lower-case letters a–z, digits and single hyphens.
pub const SLUG_PATTERN: &str = r"^[a-z0-9]+(-[a-z0-9]+)*$";

/// The date forms that every fuzzy date field accepts, shown as examples.
pub const DATE_EXAMPLES: &[&str] = &[
    "12. september 2023",
    "2023-09-12",
    "primo 2024",
    "1. halvår 2023",
    "2. kvartal 2023",
    "uge 15 2023",
    "februar-oktober 2023",
    "22. maj til 20. juni 2008",
    "løbende",
];

const FUZZY_HELP_DA: &str = "En dato, som planer skriver dem: 12. september 2023, primo 2024, 1. halvår 2023, 2. kvartal 2023, uge 15 2023, februar-oktober 2023, løbende. Se docs/dates.md.";
const FUZZY_HELP_EN: &str = "A date as plans write them: 12. september 2023, primo 2024, 1. halvår 2023, 2. kvartal 2023, uge 15 2023, februar-oktober 2023, løbende. See docs/dates.md.";

pub const TYPES: &[Choice] = &[
    c("plan", "plan eller strategi", "plan or strategy"),
    c("hearing", "høring", "public hearing"),
    c(
        "decision",
        "beslutning (dagsordenspunkt)",
        "decision (agenda item)",
    ),
    c("page", "side", "page"),
];

pub const PLAN_STATUS: &[Choice] = &[
    c("draft", "under udarbejdelse", "in preparation"),
    c("hearing", "i høring", "in hearing"),
    c("adopted", "vedtaget", "adopted"),
    c("archived", "arkiveret", "archived"),
];

pub const ENTRY_KINDS: &[Choice] = &[
    c("milestone", "milepæl", "milestone"),
    c("meeting", "møde", "meeting"),
    c("hearing", "høring", "hearing"),
    c("decision", "beslutning", "decision"),
    c("phase", "fase", "phase"),
];

pub const LEVELS: &[Choice] = &[
    c("central", "centralt", "central"),
    c("local", "lokalt", "local"),
];

pub const ACCESS: &[Choice] = &[
    c("open", "åbent punkt", "open item"),
    c(
        "closed",
        "lukket punkt (kun titlen offentliggøres)",
        "closed item (only the title is published)",
    ),
];

pub const OUTCOMES: &[Choice] = &[
    c("approved", "godkendt", "approved"),
    c("discussed", "drøftet", "discussed"),
    c("noted", "taget til efterretning", "noted"),
    c("rejected", "forkastet", "rejected"),
    c("postponed", "udsat", "postponed"),
];

// ---------------------------------------------------------------- shared records

const FILE_FIELDS: &[FieldDoc] = &[
    f(
        "title",
        Line,
        Required,
        w("Titel", "Title"),
        w(
            "Filens titel, som den vises på siden.",
            "The file's title as shown on the page.",
        ),
    ),
    f(
        "file",
        File,
        Required,
        w("Fil", "File"),
        w(
            "Filnavnet: filen ligger ved siden af Markdown-filen eller i static/.",
            "The file name: the file lives beside the Markdown file or under static/.",
        ),
    ),
];

const ATTACHMENT: Record = Record {
    fields: FILE_FIELDS,
    rule: Rule::None,
    item: w("Bilag", "Attachment"),
};

const DOCUMENT: Record = Record {
    fields: FILE_FIELDS,
    rule: Rule::None,
    item: w("Høringsmateriale", "Hearing document"),
};

const SUMMARY_NOTE: Record = Record {
    fields: FILE_FIELDS,
    rule: Rule::None,
    item: w("Høringsnotat", "Hearing note"),
};

// ---------------------------------------------------------------- common fields

pub const COMMON: &[FieldDoc] = &[
    f(
        "type",
        Choice(TYPES),
        Required,
        w("Type", "Type"),
        w(
            "Hvilken slags indhold filen er: plan, hearing (høring), decision (beslutning) eller page (side).",
            "What kind of content this is: plan, hearing, decision or page.",
        ),
    ),
    f(
        "title",
        Line,
        Required,
        w("Titel", "Title"),
        w(
            "Sidens titel. Indeholder den et kolon, så sæt den i anførselstegn.",
            "The page title. Put it in quotes if it contains a colon.",
        ),
    ),
    f(
        "slug",
        Slug,
        Optional,
        w("Adresse (slug)", "Address (slug)"),
        w(
            "Sidste del af webadressen: små bogstaver a-z, tal og bindestreger. Uden feltet bruges filnavnet.",
            "The last part of the web address: lower-case a-z, digits and hyphens. Without it the file name is used.",
        ),
    ),
    f(
        "summary",
        Prose,
        Optional,
        w("Resumé", "Summary"),
        w(
            "En eller to sætninger til oversigter, feeds og åbne data.",
            "One or two sentences for listings, feeds and the open data.",
        ),
    ),
    f(
        "published",
        Date(DateForm::Fuzzy),
        Optional,
        w("Offentliggjort", "Published"),
        w(
            "Hvornår siden blev offentliggjort; vises på siden.",
            "When the item was published; shown on the page.",
        ),
    ),
    f(
        "updated",
        Date(DateForm::Fuzzy),
        Optional,
        w("Opdateret", "Updated"),
        w(
            "Hvornår siden sidst blev ændret.",
            "When the item was last changed.",
        ),
    ),
    f(
        "publish_at",
        Date(DateForm::Day),
        Optional,
        w("Offentliggøres fra", "Publish from"),
        w(
            "Embargo: siden er ikke offentlig før dette tidspunkt. Én dag, evt. med klokkeslæt, fx 2024-03-01 08:00.",
            "Embargo: the item is not public before this moment. One day, optionally with a time, e.g. 2024-03-01 08:00.",
        ),
    ),
    f(
        "draft",
        Bool,
        Optional,
        w("Kladde", "Draft"),
        w(
            "true: siden er en kladde og offentliggøres aldrig (kun med --drafts i en forhåndsvisning).",
            "true: the item is a draft and never public (shown only with --drafts in a preview).",
        ),
    )
    .eg("true"),
    f(
        "tags",
        List(&Line),
        Optional,
        w("Emneord", "Tags"),
        w(
            "Emneord, der vises på siden og i feeds.",
            "Keywords shown on the page and in feeds.",
        ),
    ),
    f(
        "area",
        Line,
        Optional,
        w("Område", "Area"),
        w(
            "Fagområdet; planer listes pr. område.",
            "The subject area; plans are listed per area.",
        ),
    ),
    f(
        "attachments",
        Rows(&ATTACHMENT),
        Optional,
        w("Bilag", "Attachments"),
        w(
            "Filer, der offentliggøres med siden, hver med title og file.",
            "Files published with the page, each with a title and a file.",
        ),
    ),
];

// ---------------------------------------------------------------- plan

const CONTACT: Record = Record {
    fields: &[
        f(
            "name",
            Line,
            Optional,
            w("Navn", "Name"),
            w("Kontaktens navn.", "The contact's name."),
        ),
        f(
            "email",
            Email,
            Optional,
            w("E-mail", "E-mail"),
            w("Kontaktens e-mailadresse.", "The contact's e-mail address."),
        ),
        f(
            "phone",
            Code,
            Optional,
            w("Telefon", "Phone"),
            w("Kontaktens telefonnummer.", "The contact's phone number."),
        ),
    ],
    rule: Rule::None,
    item: w("Kontakt", "Contact"),
};

const WHEN_HELP: Words = w(FUZZY_HELP_DA, FUZZY_HELP_EN);

const TIMELINE_ROW: Record = Record {
    fields: &[
        f(
            "id",
            Slug,
            Optional,
            w("Id", "Id"),
            w(
                "Trinnets faste identitet i kalendere (en slug). Kun nødvendigt, hvis to trin ellers ligner hinanden.",
                "The row's fixed identity in calendars (a slug). Needed only when two rows would otherwise look alike.",
            ),
        ),
        f(
            "when",
            Date(DateForm::Fuzzy),
            Optional,
            w("Hvornår", "When"),
            WHEN_HELP,
        )
        .eg("primo 2024"),
        f(
            "undated",
            Line,
            Optional,
            w("Uden dato", "Undated"),
            w(
                "Et trin uden fast dato, med denne tekst i stedet (fx efter behov). Skriv enten when eller undated.",
                "A step with no fixed date, shown with this text (e.g. as needed). Write either when or undated.",
            ),
        ),
        f(
            "what",
            Prose,
            Required,
            w("Hvad", "What"),
            w("Hvad der sker.", "What happens."),
        ),
        f(
            "who",
            Line,
            Optional,
            w("Hvem", "Who"),
            w("Hvem der gør det.", "Who does it."),
        ),
        f(
            "kind",
            Choice(ENTRY_KINDS),
            Optional,
            w("Slags trin", "Kind of step"),
            w(
                "milestone (milepæl), meeting (møde), hearing (høring), decision (beslutning) eller phase (fase).",
                "milestone, meeting, hearing, decision or phase.",
            ),
        ),
        f(
            "hearing",
            Ref(ContentType::Hearing),
            Optional,
            w("Høring", "Hearing"),
            w(
                "Slug på høringen, som trinnet linker til.",
                "The slug of the hearing this row links to.",
            ),
        ),
        f(
            "decision",
            Ref(ContentType::Decision),
            Optional,
            w("Beslutning", "Decision"),
            w(
                "Slug på beslutningen, som trinnet linker til.",
                "The slug of the decision this row links to.",
            ),
        ),
        f(
            "note",
            Prose,
            Optional,
            w("Bemærkning", "Note"),
            w("En bemærkning ved trinnet.", "A remark shown with the row."),
        ),
    ],
    rule: Rule::OneOf(&["when", "undated"]),
    item: w("Trin", "Step"),
};

const ACTION_ROW: Record = Record {
    fields: &[
        f(
            "what",
            Prose,
            Required,
            w("Tiltag", "Action"),
            w("Tiltaget.", "The action."),
        ),
        f(
            "when",
            Date(DateForm::Fuzzy),
            Optional,
            w("Hvornår", "When"),
            WHEN_HELP,
        ),
        f(
            "undated",
            Line,
            Optional,
            w("Uden dato", "Undated"),
            w(
                "Et tiltag uden fast dato, med denne tekst i stedet. Ikke sammen med when.",
                "An action with no fixed date, shown with this text. Not together with when.",
            ),
        ),
        f(
            "who",
            Line,
            Optional,
            w("Ansvarlig", "Responsible"),
            w("Hvem der er ansvarlig.", "Who is responsible."),
        ),
        f(
            "level",
            Choice(LEVELS),
            Optional,
            w("Niveau", "Level"),
            w(
                "central (centralt) eller local (lokalt).",
                "central or local.",
            ),
        ),
        f(
            "note",
            Prose,
            Optional,
            w("Bemærkning", "Note"),
            w("En bemærkning.", "A remark."),
        ),
    ],
    rule: Rule::AtMostOne(&["when", "undated"]),
    item: w("Tiltag", "Action"),
};

const TRACK: Record = Record {
    fields: &[
        f(
            "name",
            Line,
            Required,
            w("Navn", "Name"),
            w("Udviklingssporets navn.", "The track's name."),
        ),
        f(
            "description",
            Prose,
            Optional,
            w("Beskrivelse", "Description"),
            w(
                "En kort beskrivelse af sporet.",
                "A short description of the track.",
            ),
        ),
        f(
            "actions",
            Rows(&ACTION_ROW),
            Optional,
            w("Tiltag", "Actions"),
            w("Sporets tiltag.", "The track's actions."),
        ),
    ],
    rule: Rule::None,
    item: w("Udviklingsspor", "Track"),
};

pub const PLAN: &[FieldDoc] = &[
    f(
        "status",
        Choice(PLAN_STATUS),
        Optional,
        w("Status", "Status"),
        w(
            "Udelad feltet, så følger status tidsplanen, høringerne og beslutningerne. Ellers draft, hearing, adopted eller archived.",
            "Leave it out and the status follows the timeline, hearings and decisions. Otherwise draft, hearing, adopted or archived.",
        ),
    ),
    f(
        "owner",
        Line,
        Optional,
        w("Ejer", "Owner"),
        w(
            "Forvaltningen eller afdelingen, der ejer planen.",
            "The body or department that owns the plan.",
        ),
    ),
    f(
        "contact",
        Group(&CONTACT),
        Optional,
        w("Kontakt", "Contact"),
        w(
            "Hvem man kan kontakte om planen: name, email, phone.",
            "Who to contact about the plan: name, email, phone.",
        ),
    ),
    f(
        "case_number",
        Code,
        Optional,
        w("Sagsnummer", "Case number"),
        w("Sagsnummer (sagsnr.).", "Case number (sagsnr.)."),
    ),
    f(
        "document_number",
        Code,
        Optional,
        w("Dokumentnummer", "Document number"),
        w(
            "Dokumentnummer (dokumentnr.).",
            "Document number (dokumentnr.).",
        ),
    ),
    f(
        "parent",
        Ref(ContentType::Plan),
        Optional,
        w("Overordnet plan", "Parent plan"),
        w(
            "Slug på planen over denne (en rammeplan over sine delstrategier).",
            "The slug of the plan above this one (a framework plan above its sub-strategies).",
        ),
    ),
    f(
        "timeline",
        Rows(&TIMELINE_ROW),
        Optional,
        w("Tidsplan", "Timeline"),
        w(
            "Planens tidsplan: trin med hvornår, hvad og hvem.",
            "The plan's timeline: rows of when, what and who.",
        ),
    ),
    f(
        "tracks",
        Rows(&TRACK),
        Optional,
        w("Udviklingsspor", "Tracks"),
        w(
            "Udviklingsspor med deres tiltag.",
            "Development tracks with their actions.",
        ),
    ),
];

// ---------------------------------------------------------------- hearing

const RESPOND: Record = Record {
    fields: &[
        f(
            "email",
            Email,
            Optional,
            w("E-mail", "E-mail"),
            w(
                "E-mailadressen, som høringssvar sendes til.",
                "The e-mail address responses are sent to.",
            ),
        ),
        f(
            "address",
            Prose,
            Optional,
            w("Postadresse", "Postal address"),
            w(
                "Postadressen, som høringssvar kan sendes til.",
                "The postal address responses can be sent to.",
            ),
        ),
        f(
            "url",
            Url,
            Optional,
            w("Webformular", "Web form"),
            w(
                "Adressen på en webformular til høringssvar (https://…).",
                "The address of a web form for responses (https://…).",
            ),
        ),
    ],
    rule: Rule::AnyOf(&["email", "address", "url"]),
    item: w("Sådan svarer man", "How to respond"),
};

const MEETING_ROW: Record = Record {
    fields: &[
        f(
            "id",
            Slug,
            Optional,
            w("Id", "Id"),
            w(
                "Mødets faste identitet i kalendere (en slug).",
                "The meeting's fixed identity in calendars (a slug).",
            ),
        ),
        f(
            "when",
            Date(DateForm::Fuzzy),
            Required,
            w("Hvornår", "When"),
            w(
                "Mødets dato, gerne med klokkeslæt: 2008-06-03 19:00.",
                "The meeting's date, preferably with a time: 2008-06-03 19:00.",
            ),
        ),
        f(
            "until",
            Code,
            Optional,
            w("Slutter", "Until"),
            w(
                "Klokkeslættet, mødet slutter, samme dag: 21:00.",
                "The time the meeting ends, the same day: 21:00.",
            ),
        ),
        f(
            "where",
            Line,
            Optional,
            w("Hvor", "Where"),
            w("Hvor mødet holdes.", "Where the meeting is held."),
        ),
        f(
            "address",
            Line,
            Optional,
            w("Adresse", "Address"),
            w(
                "Mødestedets adresse, fx Rådhuspladsen 1, 8000 Aarhus C.",
                "The address of the meeting place.",
            ),
        ),
        f(
            "what",
            Line,
            Optional,
            w("Hvad", "What"),
            w("Hvad slags møde, fx Borgermøde.", "What kind of meeting."),
        ),
    ],
    rule: Rule::None,
    item: w("Møde", "Meeting"),
};

const RESPONSE_ROW: Record = Record {
    fields: &[
        f(
            "from",
            Line,
            Required,
            w("Fra", "From"),
            w("Hvem svaret er fra.", "Who the response is from."),
        ),
        f(
            "file",
            File,
            Optional,
            w("Fil", "File"),
            w("Svaret som fil.", "The response as a file."),
        ),
        f(
            "received",
            Date(DateForm::Fuzzy),
            Optional,
            w("Modtaget", "Received"),
            w("Hvornår svaret kom.", "When the response arrived."),
        ),
    ],
    rule: Rule::None,
    item: w("Høringssvar", "Response"),
};

pub const HEARING: &[FieldDoc] = &[
    f(
        "plan",
        Ref(ContentType::Plan),
        Optional,
        w("Plan", "Plan"),
        w(
            "Slug på planen, som høringen handler om.",
            "The slug of the plan the hearing is about.",
        ),
    ),
    f(
        "authority",
        Line,
        Optional,
        w("Myndighed", "Authority"),
        w("Hvem der holder høringen.", "Who holds the hearing."),
    ),
    f(
        "case_number",
        Code,
        Optional,
        w("Sagsnummer", "Case number"),
        w(
            "Sagsnummer; sættes også i emnefeltet i e-mail-linket.",
            "Case number; also put in the subject of the e-mail link.",
        ),
    ),
    f(
        "opens",
        Date(DateForm::Day),
        Required,
        w("Åbner", "Opens"),
        w(
            "Første dag, man kan svare: én dag, evt. med klokkeslæt, fx 2008-05-22.",
            "The first day citizens can respond: one day, optionally with a time, e.g. 2008-05-22.",
        ),
    ),
    f(
        "closes",
        Date(DateForm::Day),
        Required,
        w("Høringsfrist", "Deadline"),
        w(
            "Høringsfristen: én dag, evt. med klokkeslæt, fx 2008-06-20 12:00. Uden klokkeslæt slutter fristen kl. 23.59.",
            "The deadline: one day, optionally with a time, e.g. 2008-06-20 12:00. Without a time it ends at 23:59.",
        ),
    ),
    f(
        "respond",
        Group(&RESPOND),
        Published,
        w("Sådan svarer man", "How to respond"),
        w(
            "Hvordan borgerne svarer: email, address eller url (mindst én).",
            "How citizens respond: email, address or url (at least one).",
        ),
    ),
    f(
        "documents",
        Rows(&DOCUMENT),
        Optional,
        w("Høringsmateriale", "Hearing documents"),
        w(
            "Høringsmaterialet, hver med title og file.",
            "The hearing material, each with a title and a file.",
        ),
    ),
    f(
        "meetings",
        Rows(&MEETING_ROW),
        Optional,
        w("Møder", "Meetings"),
        w(
            "Offentlige møder i høringsperioden.",
            "Public meetings during the hearing.",
        ),
    ),
    f(
        "responses",
        Rows(&RESPONSE_ROW),
        Optional,
        w("Høringssvar", "Responses"),
        w(
            "Modtagne høringssvar. Vises først, når fristen er udløbet.",
            "Responses received. Shown only once the deadline has passed.",
        ),
    ),
    f(
        "summary_note",
        Group(&SUMMARY_NOTE),
        Optional,
        w("Høringsnotat", "Hearing note"),
        w(
            "Høringsnotatet (title og file). Vises først, når fristen er udløbet.",
            "The hearing note (title and file). Shown only once the deadline has passed.",
        ),
    ),
    f(
        "decision",
        Ref(ContentType::Decision),
        Optional,
        w("Beslutning", "Decision"),
        w(
            "Slug på beslutningen, der fulgte efter høringen.",
            "The slug of the decision that followed the hearing.",
        ),
    ),
    f(
        "min_days",
        Whole,
        Optional,
        w("Mindste antal dage", "Minimum days"),
        w(
            "Erstatter sitets min_hearing_days for denne høring.",
            "Overrides the site's min_hearing_days for this hearing.",
        ),
    ),
];

// ---------------------------------------------------------------- decision

const RECOMMENDATION: Record = Record {
    fields: &[
        f(
            "text",
            Prose,
            Required,
            w("Indstilling", "Recommendation"),
            w(
                "Indstillingens tekst, fx At forslaget godkendes.",
                "The recommendation's text.",
            ),
        ),
        f(
            "outcome",
            Choice(OUTCOMES),
            Optional,
            w("Beslutning", "Outcome"),
            w(
                "Skrives, når mødet er holdt: approved (godkendt), discussed (drøftet), noted (taget til efterretning), rejected (forkastet) eller postponed (udsat).",
                "Written once the meeting is held: approved, discussed, noted, rejected or postponed.",
            ),
        ),
        f(
            "remark",
            Prose,
            Optional,
            w("Bemærkning", "Remark"),
            w(
                "Tilføjelsen til beslutningen (Godkendt, med den bemærkning …).",
                "The remark added to the outcome.",
            ),
        ),
    ],
    rule: Rule::None,
    item: w("Indstilling", "Recommendation"),
};

const CORRECTION: Record = Record {
    fields: &[
        f(
            "date",
            Date(DateForm::Fuzzy),
            Required,
            w("Dato", "Date"),
            w(
                "Hvornår rettelsen blev lavet.",
                "When the correction was made.",
            ),
        ),
        f(
            "note",
            Prose,
            Required,
            w("Rettelse", "Correction"),
            w("Hvad der blev rettet.", "What was corrected."),
        ),
    ],
    rule: Rule::None,
    item: w("Rettelse", "Correction"),
};

const WITHDRAWN: Record = Record {
    fields: &[
        f(
            "date",
            Date(DateForm::Day),
            Required,
            w("Dato", "Date"),
            w(
                "Dagen, punktet blev trukket tilbage (én dag).",
                "The day the item was withdrawn (one day).",
            ),
        ),
        f(
            "reason",
            Prose,
            Required,
            w("Begrundelse", "Reason"),
            w(
                "Hvorfor punktet blev trukket tilbage; vises for borgerne.",
                "Why the item was withdrawn; shown to citizens.",
            ),
        ),
    ],
    rule: Rule::None,
    item: w("Tilbagetrækning", "Withdrawal"),
};

pub const DECISION: &[FieldDoc] = &[
    // First written `body:`, a name the browser editor keeps for the page text.
    f(
        "committee",
        Line,
        Required,
        w("Udvalg", "Committee"),
        w(
            "Udvalget eller byrådet, fx Områdeudvalg socialområdet. Indgår i den faste webadresse.",
            "The committee or council. Part of the permanent address.",
        ),
    )
    .or_named("body"),
    f(
        "meeting",
        Date(DateForm::Day),
        Required,
        w("Mødedato", "Meeting day"),
        w(
            "Mødets dag (én dag, evt. med klokkeslæt). Indgår i den faste webadresse.",
            "The meeting day (one day, optionally with a time). Part of the permanent address.",
        ),
    ),
    f(
        "case_number",
        Code,
        Optional,
        w("Sagsnummer", "Case number"),
        w("Sagsnummer (sagsnr.).", "Case number (sagsnr.)."),
    ),
    f(
        "item",
        Whole,
        Required,
        w("Punkt", "Item"),
        w("Punktets nummer på dagsordenen.", "The agenda item number."),
    )
    .eg("1"),
    f(
        "access",
        Choice(ACCESS),
        Optional,
        w("Adgang", "Access"),
        w(
            "open (åbent punkt, standard) eller closed (lukket punkt: kun titlen offentliggøres).",
            "open (the default) or closed (only the title is published).",
        ),
    ),
    f(
        "recommendations",
        Rows(&RECOMMENDATION),
        Optional,
        w("Indstillinger", "Recommendations"),
        w(
            "De nummererede indstillinger og beslutningen på hver.",
            "The numbered recommendations and the decision on each.",
        ),
    ),
    f(
        "absent",
        List(&Line),
        Optional,
        w("Fraværende", "Absent"),
        w("Fraværende medlemmer.", "Absent members."),
    ),
    f(
        "plans",
        List(&Ref(ContentType::Plan)),
        Optional,
        w("Planer", "Plans"),
        w(
            "Slugs på de planer, beslutningen angår.",
            "The slugs of the plans the decision concerns.",
        ),
    ),
    f(
        "hearings",
        List(&Ref(ContentType::Hearing)),
        Optional,
        w("Høringer", "Hearings"),
        w(
            "Slugs på de høringer, beslutningen fulgte efter.",
            "The slugs of the hearings the decision followed.",
        ),
    ),
    f(
        "corrections",
        Rows(&CORRECTION),
        Optional,
        w("Rettelser", "Corrections"),
        w(
            "Den eneste måde, en offentliggjort beslutning må ændres på: date og note.",
            "The only way a published decision may change: date and note.",
        ),
    ),
    f(
        "withdrawn",
        Group(&WITHDRAWN),
        Optional,
        w("Trukket tilbage", "Withdrawn"),
        w(
            "Tager en offentliggjort beslutning ned: date og reason.",
            "Takes a published decision down: date and reason.",
        ),
    ),
];

// ---------------------------------------------------------------- page

pub const PAGE: &[FieldDoc] = &[f(
    "menu",
    Whole,
    Optional,
    w("Menuplacering", "Menu position"),
    w(
        "Placering i hovedmenuen (laveste først). Uden feltet er siden ikke i menuen.",
        "Position in the main navigation (lowest first). Without it the page is not in the menu.",
    ),
)];

/// One content type as editors present it.
#[derive(Debug, Clone, Copy)]
pub struct TypeDoc {
    pub kind: ContentType,
    /// The folder `planpub new` writes this type into, under `content/`.
    pub folder: &'static str,
    pub singular: Words,
    pub plural: Words,
    /// The fields of this type beyond [`COMMON`].
    pub fields: &'static [FieldDoc],
}

pub const ALL: [TypeDoc; 4] = [
    TypeDoc {
        kind: ContentType::Plan,
        folder: "planer",
        singular: w("Plan", "Plan"),
        plural: w("Planer", "Plans"),
        fields: PLAN,
    },
    TypeDoc {
        kind: ContentType::Hearing,
        folder: "hoeringer",
        singular: w("Høring", "Hearing"),
        plural: w("Høringer", "Hearings"),
        fields: HEARING,
    },
    TypeDoc {
        kind: ContentType::Decision,
        folder: "beslutninger",
        singular: w("Beslutning", "Decision"),
        plural: w("Beslutninger", "Decisions"),
        fields: DECISION,
    },
    TypeDoc {
        kind: ContentType::Page,
        folder: "sider",
        singular: w("Side", "Page"),
        plural: w("Sider", "Pages"),
        fields: PAGE,
    },
];

impl TypeDoc {
    pub fn of(kind: ContentType) -> &'static TypeDoc {
        ALL.iter()
            .find(|t| t.kind == kind)
            .expect("every type is described")
    }

    /// Every top-level field of the type: the common ones, then its own.
    pub fn all_fields(&self) -> impl Iterator<Item = &'static FieldDoc> + use<> {
        COMMON.iter().chain(self.fields.iter())
    }
}

#[cfg(test)]
mod tests;
