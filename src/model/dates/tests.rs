//! Table-driven tests (every date wording from the seed documents and every documented
//! form) and property tests. Kept inside the module so they move with it.

use super::*;
use Precision::*;
use chrono::NaiveDate;
use proptest::prelude::*;

fn ctx(conv: &DateConventions, default_year: Option<i32>) -> ParseContext<'_> {
    ParseContext {
        conventions: conv,
        default_year,
    }
}

fn day(s: &str) -> Option<NaiveDate> {
    if s.is_empty() {
        None
    } else {
        Some(NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date"))
    }
}

/// (text, default year, start, end, precision); "" means an open end.
#[rustfmt::skip]
const TABLE: &[(&str, Option<i32>, &str, &str, Precision)] = &[
    // --- Every date wording found in the seed documents ---
    ("20. januar 2021", None, "2021-01-20", "2021-01-20", Day),
    ("22. januar 2021", None, "2021-01-22", "2021-01-22", Day),
    ("26. januar 2021", None, "2021-01-26", "2021-01-26", Day),
    ("27. januar 2021", None, "2021-01-27", "2021-01-27", Day),
    ("Januar 2023", None, "2023-01-01", "2023-01-31", Month),
    ("Februar-oktober 2023", None, "2023-02-01", "2023-10-31", Range),
    ("Februar-\noktober 2023", None, "2023-02-01", "2023-10-31", Range),
    ("November- december 2023", None, "2023-11-01", "2023-12-31", Range),
    ("November-\ndecember\n\n2023", None, "2023-11-01", "2023-12-31", Range),
    ("Juni 2023", None, "2023-06-01", "2023-06-30", Month),
    ("Oktober 2023", None, "2023-10-01", "2023-10-31", Month),
    ("December", Some(2023), "2023-12-01", "2023-12-31", Month),
    ("Primo 2024", None, "2024-01-01", "2024-02-29", PartOfYear),
    ("Ultimo 2008", None, "2008-11-01", "2008-12-31", PartOfYear),
    ("22. maj til 20. juni 2008", None, "2008-05-22", "2008-06-20", Range),
    ("Maj – aug. 2009", None, "2009-05-01", "2009-08-31", Range),
    ("6. marts til ultimo april 2008", None, "2008-03-06", "2008-04-30", Range),
    ("August-september 2021", None, "2021-08-01", "2021-09-30", Range),
    ("August-september\n2021", None, "2021-08-01", "2021-09-30", Range),
    ("Oktober/november 2021", None, "2021-10-01", "2021-11-30", Range),
    ("Oktober/november\n2021", None, "2021-10-01", "2021-11-30", Range),
    ("Oktober 2021/2022", None, "2021-10-01", "2022-10-31", Range),
    ("Oktober —2021/2022", None, "2021-10-01", "2022-10-31", Range),
    ("Januar-juni 2021", None, "2021-01-01", "2021-06-30", Range),
    ("Ultimo 2009", None, "2009-11-01", "2009-12-31", PartOfYear),
    ("1. kvartal 2023. Primo 4. kvartal 2023", None, "2023-01-01", "2023-10-31", Range),
    ("15. maj 2021", None, "2021-05-15", "2021-05-15", Day),
    ("3. juni 2021", None, "2021-06-03", "2021-06-03", Day),
    ("September 2021", None, "2021-09-01", "2021-09-30", Month),
    ("1. oktober 2021", None, "2021-10-01", "2021-10-01", Day),
    ("9. november 2021", None, "2021-11-09", "2021-11-09", Day),
    ("Januar 2022", None, "2022-01-01", "2022-01-31", Month),
    ("Februar/Marts 2022", None, "2022-02-01", "2022-03-31", Range),
    ("Marts/april 2022", None, "2022-03-01", "2022-04-30", Range),
    ("1. april 2022", None, "2022-04-01", "2022-04-01", Day),
    ("24-02-2008", None, "2008-02-24", "2008-02-24", Day),
    ("5. marts 2008", None, "2008-03-05", "2008-03-05", Day),
    ("7. maj 2008", None, "2008-05-07", "2008-05-07", Day),
    ("21. maj 2008", None, "2008-05-21", "2008-05-21", Day),
    ("27. august 2008", None, "2008-08-27", "2008-08-27", Day),
    ("den 15. november 2022", None, "2022-11-15", "2022-11-15", Day),
    ("i marts 2023", None, "2023-03-01", "2023-03-31", Month),
    ("den 26. maj", Some(2023), "2023-05-26", "2023-05-26", Day),
    ("I efteråret 2023", None, "2023-09-01", "2023-11-30", Season),
    ("efteraret 2023", None, "2023-09-01", "2023-11-30", Season),
    ("2023-2024", None, "2023-01-01", "2024-12-31", Range),
    ("12-09-2023", None, "2023-09-12", "2023-09-12", Day),
    ("27.04.23", None, "2023-04-27", "2023-04-27", Day),
    ("sept. 2023", None, "2023-09-01", "2023-09-30", Month),
    ("i januar 2023", None, "2023-01-01", "2023-01-31", Month),
    ("i starten af 2024", None, "2024-01-01", "2024-02-29", PartOfYear),
    ("Løbende", None, "", "", Ongoing),
    // --- ISO 8601 ---
    ("2023-09-12", None, "2023-09-12", "2023-09-12", Day),
    ("2023-09-12 12:00", None, "2023-09-12", "2023-09-12", Day),
    ("2023-09-12T12:00", None, "2023-09-12", "2023-09-12", Day),
    ("2023-09-12T12:00:30", None, "2023-09-12", "2023-09-12", Day),
    ("2008-06-20T12:00+02:00", None, "2008-06-20", "2008-06-20", Day),
    ("2023-09-12T12:00Z", None, "2023-09-12", "2023-09-12", Day),
    ("2023-09", None, "2023-09-01", "2023-09-30", Month),
    ("2023", None, "2023-01-01", "2023-12-31", Year),
    ("2023-W15", None, "2023-04-10", "2023-04-16", Week),
    ("2023-Q2", None, "2023-04-01", "2023-06-30", Quarter),
    ("2023-H1", None, "2023-01-01", "2023-06-30", HalfYear),
    // --- Danish ---
    ("12. september 2023", None, "2023-09-12", "2023-09-12", Day),
    ("12. sep. 2023", None, "2023-09-12", "2023-09-12", Day),
    ("12 sep 2023", None, "2023-09-12", "2023-09-12", Day),
    ("12. SEPT 2023", None, "2023-09-12", "2023-09-12", Day),
    ("september 2023", None, "2023-09-01", "2023-09-30", Month),
    ("jan 2024", None, "2024-01-01", "2024-01-31", Month),
    ("feb. 2024", None, "2024-02-01", "2024-02-29", Month),
    ("mar 2024", None, "2024-03-01", "2024-03-31", Month),
    ("apr. 2024", None, "2024-04-01", "2024-04-30", Month),
    ("jun 2024", None, "2024-06-01", "2024-06-30", Month),
    ("jul. 2024", None, "2024-07-01", "2024-07-31", Month),
    ("okt. 2024", None, "2024-10-01", "2024-10-31", Month),
    ("nov 2024", None, "2024-11-01", "2024-11-30", Month),
    ("dec. 2024", None, "2024-12-01", "2024-12-31", Month),
    ("primo marts 2024", None, "2024-03-01", "2024-03-10", PartOfMonth),
    ("medio marts 2024", None, "2024-03-11", "2024-03-20", PartOfMonth),
    ("ultimo marts 2024", None, "2024-03-21", "2024-03-31", PartOfMonth),
    ("ultimo februar 2024", None, "2024-02-21", "2024-02-29", PartOfMonth),
    ("ultimo februar 2023", None, "2023-02-21", "2023-02-28", PartOfMonth),
    ("medio 2024", None, "2024-06-01", "2024-07-31", PartOfYear),
    ("1. halvår 2023", None, "2023-01-01", "2023-06-30", HalfYear),
    ("2. halvår 2023", None, "2023-07-01", "2023-12-31", HalfYear),
    ("første halvår 2023", None, "2023-01-01", "2023-06-30", HalfYear),
    ("2. kvartal 2023", None, "2023-04-01", "2023-06-30", Quarter),
    ("4. kvartal 2023", None, "2023-10-01", "2023-12-31", Quarter),
    ("Q2 2023", None, "2023-04-01", "2023-06-30", Quarter),
    ("primo 2. kvartal 2023", None, "2023-04-01", "2023-04-30", PartOfYear),
    ("ultimo 1. halvår 2023", None, "2023-06-01", "2023-06-30", PartOfYear),
    ("medio 1. halvår 2023", None, "2023-03-01", "2023-04-30", PartOfYear),
    ("uge 15 2023", None, "2023-04-10", "2023-04-16", Week),
    ("uge 15, 2023", None, "2023-04-10", "2023-04-16", Week),
    ("uge 53 2020", None, "2020-12-28", "2021-01-03", Week),
    ("uge 1 2025", None, "2024-12-30", "2025-01-05", Week),
    ("forår 2023", None, "2023-03-01", "2023-05-31", Season),
    ("foråret 2023", None, "2023-03-01", "2023-05-31", Season),
    ("sommer 2023", None, "2023-06-01", "2023-08-31", Season),
    ("efterår 2023", None, "2023-09-01", "2023-11-30", Season),
    ("vinter 2023", None, "2023-12-01", "2024-02-29", Season),
    ("løbende", None, "", "", Ongoing),
    ("fra 1. halvår 2023 og frem", None, "2023-01-01", "", OpenEnded),
    ("fra 1. halvår 2023 og fremefter", None, "2023-01-01", "", OpenEnded),
    ("1. halvår 2023 og frem", None, "2023-01-01", "", OpenEnded),
    ("dec. 2022 – feb. 2023", None, "2022-12-01", "2023-02-28", Range),
    ("dec. – feb. 2023", None, "2022-12-01", "2023-02-28", Range),
    ("oktober/november 2021", None, "2021-10-01", "2021-11-30", Range),
    // --- English ---
    ("12 September 2023", None, "2023-09-12", "2023-09-12", Day),
    ("September 12, 2023", None, "2023-09-12", "2023-09-12", Day),
    ("September 12th, 2023", None, "2023-09-12", "2023-09-12", Day),
    ("early 2024", None, "2024-01-01", "2024-02-29", PartOfYear),
    ("mid 2024", None, "2024-06-01", "2024-07-31", PartOfYear),
    ("mid-2024", None, "2024-06-01", "2024-07-31", PartOfYear),
    ("late 2024", None, "2024-11-01", "2024-12-31", PartOfYear),
    ("end of 2024", None, "2024-11-01", "2024-12-31", PartOfYear),
    ("early March 2024", None, "2024-03-01", "2024-03-10", PartOfMonth),
    ("mid-March 2024", None, "2024-03-11", "2024-03-20", PartOfMonth),
    ("H1 2024", None, "2024-01-01", "2024-06-30", HalfYear),
    ("first half of 2024", None, "2024-01-01", "2024-06-30", HalfYear),
    ("second half of 2024", None, "2024-07-01", "2024-12-31", HalfYear),
    ("Q2 2024", None, "2024-04-01", "2024-06-30", Quarter),
    ("the third quarter of 2024", None, "2024-07-01", "2024-09-30", Quarter),
    ("week 15 2024", None, "2024-04-08", "2024-04-14", Week),
    ("spring 2024", None, "2024-03-01", "2024-05-31", Season),
    ("summer 2024", None, "2024-06-01", "2024-08-31", Season),
    ("autumn 2024", None, "2024-09-01", "2024-11-30", Season),
    ("fall 2024", None, "2024-09-01", "2024-11-30", Season),
    ("winter 2024", None, "2024-12-01", "2025-02-28", Season),
    ("ongoing", None, "", "", Ongoing),
    ("from H1 2024 onwards", None, "2024-01-01", "", OpenEnded),
    ("from 1 May 2024", None, "2024-05-01", "", OpenEnded),
    ("until 1 May 2024", None, "", "2024-05-01", OpenEnded),
    ("by 1 May 2024", None, "", "2024-05-01", OpenEnded),
    ("by the end of 2024", None, "", "2024-12-31", OpenEnded),
    ("from 1 May to 3 May 2024", None, "2024-05-01", "2024-05-03", Range),
    ("22 May – 20 June 2008", None, "2008-05-22", "2008-06-20", Range),
    // --- Words around dates, times, numeric dates ---
    ("tirsdag den 4. januar 2022", None, "2022-01-04", "2022-01-04", Day),
    ("Tirsdag, d. 4. januar 2022", None, "2022-01-04", "2022-01-04", Day),
    ("Tuesday 4 January 2022", None, "2022-01-04", "2022-01-04", Day),
    ("i perioden 22. maj til 20. juni 2008", None, "2008-05-22", "2008-06-20", Range),
    ("perioden 1.-3. maj 2024", None, "2024-05-01", "2024-05-03", Range),
    ("fra 1. maj til 3. maj 2024", None, "2024-05-01", "2024-05-03", Range),
    ("fra 1. maj til og med 3. juni 2024", None, "2024-05-01", "2024-06-03", Range),
    ("12. maj 2024 kl. 17.00", None, "2024-05-12", "2024-05-12", Day),
    ("12. maj 2024 kl. 17:00", None, "2024-05-12", "2024-05-12", Day),
    ("12. maj 2024 kl. 12", None, "2024-05-12", "2024-05-12", Day),
    ("12. maj 2024 kl. 17.00-19.00", None, "2024-05-12", "2024-05-12", Day),
    ("onsdag den 12. maj 2024 kl. 17.00 - 19.00.", None, "2024-05-12", "2024-05-12", Day),
    ("12.04.2016", None, "2016-04-12", "2016-04-12", Day),
    ("18-09-2024", None, "2024-09-18", "2024-09-18", Day),
    ("19/2-2019", None, "2019-02-19", "2019-02-19", Day),
    ("4/1 2022", None, "2022-01-04", "2022-01-04", Day),
    ("4/1", Some(2022), "2022-01-04", "2022-01-04", Day),
    ("senest 1. maj 2024", None, "", "2024-05-01", OpenEnded),
    ("Senest d. 1. maj 2024", None, "", "2024-05-01", OpenEnded),
    ("frist 1. maj 2024", None, "", "2024-05-01", OpenEnded),
    ("Frist: 1. maj 2024", None, "", "2024-05-01", OpenEnded),
    ("inden 1. maj 2024", None, "", "2024-04-30", OpenEnded),
    ("til og med 1. maj 2024", None, "", "2024-05-01", OpenEnded),
    ("frem til 1. maj 2024", None, "", "2024-05-01", OpenEnded),
    ("senest juni 2024", None, "", "2024-06-30", OpenEnded),
    ("fra 1. maj 2024", None, "2024-05-01", "", OpenEnded),
    ("tidligst 1. maj 2024", None, "2024-05-01", "", OpenEnded),
    ("siden 2020", None, "2020-01-01", "", OpenEnded),
    // --- Ranges ---
    ("22.–28. maj 2008", None, "2008-05-22", "2008-05-28", Range),
    ("22-28 May 2008", None, "2008-05-22", "2008-05-28", Range),
    ("31. december – 2. januar 2024", None, "2023-12-31", "2024-01-02", Range),
    ("uge 52 2023 – uge 2 2024", None, "2023-12-25", "2024-01-14", Range),
    ("uge 15 – uge 17 2023", None, "2023-04-10", "2023-04-30", Range),
    ("Q1 2023 – Q2 2023", None, "2023-01-01", "2023-06-30", Range),
    ("forår – efterår 2023", None, "2023-03-01", "2023-11-30", Range),
    ("vinter 2023 – forår 2024", None, "2023-12-01", "2024-05-31", Range),
    ("maj 2023 – 2024", None, "2023-05-01", "2024-12-31", Range),
    ("oktober/oktober 2021", None, "2021-10-01", "2021-10-31", Month),
    ("1/2-24/2 2024", None, "2024-02-01", "2024-02-24", Range),
    ("december 2022 – februar", None, "2022-12-01", "2023-02-28", Range),
    ("2023-09-12 – 2023-10-01", None, "2023-09-12", "2023-10-01", Range),
    ("primo 2024 – ultimo 2025", None, "2024-01-01", "2025-12-31", Range),
    ("uge 15-17 2023", None, "2023-04-10", "2023-04-30", Range),
    ("1.-2. kvartal 2023", None, "2023-01-01", "2023-06-30", Range),
    ("September 12-14, 2023", None, "2023-09-12", "2023-09-14", Range),
    ("mid-March – late April 2024", None, "2024-03-11", "2024-04-30", Range),
    ("12. maj 2024 kl. 17.00 – 13. maj 2024 kl. 12.00", None, "2024-05-12", "2024-05-13", Range),
    ("2024-01-01/2024-03-31", None, "2024-01-01", "2024-03-31", Range),
    ("fra og med 1. maj 2024", None, "2024-05-01", "", OpenEnded),
    ("senest fredag den 3. maj 2024 kl. 12.00", None, "", "2024-05-03", OpenEnded),
    ("i løbet af 2024", None, "2024-01-01", "2024-12-31", Year),
    ("sidst i maj 2024", None, "2024-05-21", "2024-05-31", PartOfMonth),
    ("uge 53 2026", None, "2026-12-28", "2027-01-03", Week),
    ("1.1.2024", None, "2024-01-01", "2024-01-01", Day),
    // --- Years from the context ---
    ("22. maj", Some(2008), "2008-05-22", "2008-05-22", Day),
    ("primo marts", Some(2024), "2024-03-01", "2024-03-10", PartOfMonth),
    ("dec. – feb.", Some(2023), "2022-12-01", "2023-02-28", Range),
    ("uge 15", Some(2023), "2023-04-10", "2023-04-16", Week),
];

#[test]
fn table() {
    let conv = DateConventions::default();
    let mut failures = Vec::new();
    for &(text, dy, start, end, precision) in TABLE {
        match FuzzyDate::parse(text, &ctx(&conv, dy)) {
            Ok(d) => {
                let got = (d.start(), d.end(), d.precision());
                let want = (day(start), day(end), precision);
                if got != want {
                    failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
                }
                if d.start().zip(d.end()).is_some_and(|(s, e)| s > e) {
                    failures.push(format!("{text:?}: start after end"));
                }
            }
            Err(e) => failures.push(format!("{text:?}: error {e}")),
        }
    }
    assert!(TABLE.len() >= 90, "table has {} rows", TABLE.len());
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A wording as staff paste it (the kinds of issue 13): (text, default year, start, end,
/// precision, role, what was skipped, the kinds of the notes).
#[rustfmt::skip]
type Wrapped = (&'static str, Option<i32>, &'static str, &'static str, Precision, Role, &'static [&'static str], &'static [NoteKind]);

/// Wordings as staff paste them; see `Wrapped` for the columns.
#[rustfmt::skip]
const WRAPPED: &[Wrapped] = &[
    // Trailing marks and punctuation, brackets.
    ("Marts 2024:", None, "2024-03-01", "2024-03-31", Month, Role::Period, &[":"], &[]),
    ("Medio 2025*", None, "2025-06-01", "2025-07-31", PartOfYear, Role::Period, &["*"], &[]),
    ("3. juni 2024 -", None, "2024-06-03", "2024-06-03", Day, Role::Period, &["-"], &[]),
    ("12. maj. 2024", None, "2024-05-12", "2024-05-12", Day, Role::Period, &[], &[]),
    ("12. maj 2024.", None, "2024-05-12", "2024-05-12", Day, Role::Period, &[], &[]),
    ("(2020-2030)", None, "2020-01-01", "2030-12-31", Range, Role::Period, &["(", ")"], &[]),
    ("(12.03.24)", None, "2024-03-12", "2024-03-12", Day, Role::Period, &["(", ")"], &[]),
    ("(sep. 23-jan. 24)", None, "2023-09-01", "2024-01-31", Range, Role::Period, &["(", ")"], &[NoteKind::TwoDigitYear]),
    // Labels.
    ("Opdateret: 04-03-2024 09:15", None, "2024-03-04", "2024-03-04", Day, Role::Period, &["Opdateret:"], &[]),
    ("Revideret 5. maj 2021", None, "2021-05-05", "2021-05-05", Day, Role::Period, &["Revideret"], &[]),
    ("Mødedato: 17.01.2024, kl. 16:00", None, "2024-01-17", "2024-01-17", Day, Role::Period, &["Mødedato:"], &[]),
    ("Version 2.1 3. marts 2022", None, "2022-03-03", "2022-03-03", Day, Role::Period, &["Version 2.1"], &[]),
    ("pr. 1. juli 2024", None, "2024-07-01", "2024-07-01", Day, Role::Period, &["pr."], &[]),
    ("Offentliggjort den 3. marts 2025", None, "2025-03-03", "2025-03-03", Day, Role::Period, &["Offentliggjort"], &[]),
    ("Senest opdateret 31. marts 2024", None, "2024-03-31", "2024-03-31", Day, Role::Period, &["Senest opdateret"], &[]),
    // Deadline labels.
    ("Høringsfrist: 3. maj 2024", None, "", "2024-05-03", OpenEnded, Role::Deadline, &["Høringsfrist:"], &[]),
    ("Ansøgningsfrist 1. oktober 2024", None, "", "2024-10-01", OpenEnded, Role::Deadline, &["Ansøgningsfrist"], &[]),
    ("Fristen for høringssvar er 3. maj 2024 kl. 12.00", None, "", "2024-05-03", OpenEnded, Role::Deadline, &["Fristen for høringssvar er"], &[]),
    ("Klagefristen er 23. oktober 2020", None, "", "2020-10-23", OpenEnded, Role::Deadline, &["Klagefristen er"], &[]),
    ("Høringsfrist: senest 1. juni 2024", None, "", "2024-06-01", OpenEnded, Role::Deadline, &["Høringsfrist:"], &[]),
    // Hedges, before or after.
    ("Maj 2024 – forventet", None, "2024-05-01", "2024-05-31", Month, Role::Period, &["– forventet"], &[NoteKind::Hedge]),
    ("forventes medio 2025", None, "2025-06-01", "2025-07-31", PartOfYear, Role::Period, &["forventes"], &[NoteKind::Hedge]),
    ("ca. primo 2025", None, "2025-01-01", "2025-02-28", PartOfYear, Role::Period, &["ca."], &[NoteKind::Hedge]),
    ("planlagt uge 12 2025", None, "2025-03-17", "2025-03-23", Week, Role::Period, &["planlagt"], &[NoteKind::Hedge]),
    ("tidligst 2026", None, "2026-01-01", "", OpenEnded, Role::From, &[], &[]),
    ("1. maj 2024 (senest)", None, "", "2024-05-01", OpenEnded, Role::Until, &["(senest)"], &[NoteKind::Operator]),
    ("2026 (tidligst)", None, "2026-01-01", "", OpenEnded, Role::From, &["(tidligst)"], &[NoteKind::Operator]),
    // Spreadsheet forms, two-digit years, school years.
    ("okt-23", None, "2023-10-01", "2023-10-31", Month, Role::Period, &[], &[NoteKind::TwoDigitYear]),
    ("jan.-24", None, "2024-01-01", "2024-01-31", Month, Role::Period, &[], &[NoteKind::TwoDigitYear]),
    ("maj 24", None, "2024-05-01", "2024-05-31", Month, Role::Period, &[], &[NoteKind::TwoDigitYear]),
    ("2021-25", None, "2021-01-01", "2025-12-31", Range, Role::Period, &[], &[NoteKind::TwoDigitYear]),
    ("2024/25", None, "2024-01-01", "2025-12-31", Range, Role::Period, &[], &[NoteKind::TwoDigitYear]),
    ("vinter 2024/25", None, "2024-12-01", "2025-02-28", Season, Role::Period, &[], &[]),
    ("skoleåret 2024/25", None, "2024-08-01", "2025-07-31", Range, Role::Period, &[], &[]),
    ("skoleåret 24/25", None, "2024-08-01", "2025-07-31", Range, Role::Period, &[], &[NoteKind::TwoDigitYear]),
    // Weekdays and times in other orders.
    ("Tirsdag, 4. marts, 2025 - 19:00", None, "2025-03-04", "2025-03-04", Day, Role::Period, &[], &[]),
    ("Onsdag, marts 5, 2025 - 08:30", None, "2025-03-05", "2025-03-05", Day, Role::Period, &[], &[]),
    ("5. MAR 2025 9.30", None, "2025-03-05", "2025-03-05", Day, Role::Period, &[], &[]),
    ("den 5. marts 2025 fra kl. 17-19", None, "2025-03-05", "2025-03-05", Day, Role::Period, &[], &[]),
    ("kl. 19.00, tirsdag den 4. marts 2025", None, "2025-03-04", "2025-03-04", Day, Role::Period, &[], &[]),
    ("4. marts 2025 kl", None, "2025-03-04", "2025-03-04", Day, Role::Period, &["kl"], &[NoteKind::EmptyTime]),
    ("Onsdag den 4. marts 2025", None, "2025-03-04", "2025-03-04", Day, Role::Period, &[], &[NoteKind::Weekday]),
    // Days and months joined by og.
    ("4. og 5. marts 2025", None, "2025-03-04", "2025-03-05", Range, Role::Period, &[], &[]),
    ("4., 5. og 6. marts 2025", None, "2025-03-04", "2025-03-06", Range, Role::Period, &[], &[]),
    ("30. april og 1. maj 2025", None, "2025-04-30", "2025-05-01", Range, Role::Period, &[], &[]),
    ("den 4. marts og den 6. marts 2025", None, "2025-03-04", "2025-03-06", Range, Role::Period, &[], &[NoteKind::Joined]),
    ("marts og april 2025", None, "2025-03-01", "2025-04-30", Range, Role::Period, &[], &[]),
    // Periods in words.
    ("ved udgangen af 2025", None, "2025-11-01", "2025-12-31", PartOfYear, Role::Period, &[], &[]),
    ("inden udgangen af 2025", None, "", "2025-12-31", OpenEnded, Role::Until, &[], &[]),
    ("senest ved udgangen af marts 2025", None, "", "2025-03-31", OpenEnded, Role::Until, &[], &[]),
    ("gennem hele 2025", None, "2025-01-01", "2025-12-31", Year, Role::Period, &[], &[]),
    ("i løbet af 2025 og 2026", None, "2025-01-01", "2026-12-31", Range, Role::Period, &[], &[]),
    ("de første tre måneder af 2025", None, "2025-01-01", "2025-03-31", Range, Role::Period, &[], &[]),
    ("de sidste 2 måneder af 2024", None, "2024-11-01", "2024-12-31", Range, Role::Period, &[], &[]),
    ("i 6 uger fra den 3. marts 2025", None, "2025-03-03", "2025-04-14", Range, Role::Period, &[], &[]),
    ("i 14 dage fra 1. juni 2025", None, "2025-06-01", "2025-06-15", Range, Role::Period, &[], &[]),
    ("i 4 uger fra den 5. april til og med den 9. maj 2023", None, "2023-04-05", "2023-05-09", Range, Role::Period, &[], &[NoteKind::Duration]),
    ("forsommeren 2025", None, "2025-05-01", "2025-06-30", Season, Role::Period, &[], &[]),
    ("sensommeren 2025", None, "2025-08-01", "2025-09-30", Season, Role::Period, &[], &[]),
    ("i begyndelsen af marts 2025", None, "2025-03-01", "2025-03-10", PartOfMonth, Role::Period, &[], &[]),
    ("midten af 2025", None, "2025-06-01", "2025-07-31", PartOfYear, Role::Period, &[], &[]),
    ("i slutningen af april 2025", None, "2025-04-21", "2025-04-30", PartOfMonth, Role::Period, &[], &[]),
    ("inden for 2025", None, "2025-01-01", "2025-12-31", Year, Role::Period, &[], &[]),
    // Start and end in one sentence.
    ("påbegyndes marts 2025 og forventes afsluttet i juni 2026", None, "2025-03-01", "2026-06-30", Range, Role::Period,
        &["påbegyndes", "og forventes afsluttet"], &[NoteKind::Combined, NoteKind::Hedge]),
    ("Forventet at starte i foråret og slutte i august 2025", None, "2025-03-01", "2025-08-31", Range, Role::Period,
        &["Forventet at starte", "og slutte"], &[NoteKind::Combined, NoteKind::Hedge]),
    ("Den sidste dato i 2021 er den 18. august 2021.", None, "2021-08-18", "2021-08-18", Day, Role::Period,
        &["Den sidste dato i 2021 er"], &[NoteKind::Combined]),
    // Spelling slips.
    ("midio 2025", None, "2025-06-01", "2025-07-31", PartOfYear, Role::Period, &[], &[NoteKind::Spelling]),
    ("15. janaur 2024", None, "2024-01-15", "2024-01-15", Day, Role::Period, &[], &[NoteKind::Spelling]),
    ("Febr. 2024", None, "2024-02-01", "2024-02-29", Month, Role::Period, &[], &[]),
    // inden/før end the day before; senest, frist, til og med end on the day.
    ("inden 1. marts 2024", None, "", "2024-02-29", OpenEnded, Role::Until, &[], &[]),
    ("før 2025", None, "", "2024-12-31", OpenEnded, Role::Until, &[], &[]),
    ("inden sommeren 2021", None, "", "2021-05-31", OpenEnded, Role::Until, &[], &[]),
    ("til og med 3. maj 2024", None, "", "2024-05-03", OpenEnded, Role::Until, &[], &[]),
    ("t.o.m. 3. maj 2024", None, "", "2024-05-03", OpenEnded, Role::Until, &[], &[]),
    ("f.o.m. 3. maj 2024", None, "2024-05-03", "", OpenEnded, Role::From, &[], &[]),
    ("frist 1. maj 2024", None, "", "2024-05-01", OpenEnded, Role::Deadline, &["frist"], &[]),
    ("fra 1. maj 2024", None, "2024-05-01", "", OpenEnded, Role::From, &[], &[]),
    // Sentences and ordinary words around a date.
    ("12. maj 2024 og noget", None, "2024-05-12", "2024-05-12", Day, Role::Period, &["og noget"], &[]),
    ("Lokalplan 1150 vedtaget 12. marts 2024", None, "2024-03-12", "2024-03-12", Day, Role::Period, &["Lokalplan 1150 vedtaget"], &[]),
    ("Løbende, efter behov", None, "", "", Ongoing, Role::Ongoing, &[", efter behov"], &[]),
    ("Medio/ultimo 2025", None, "2025-06-01", "2025-12-31", Range, Role::Period, &[], &[]),
    ("primo/medio marts 2026", None, "2026-03-01", "2026-03-20", Range, Role::Period, &[], &[]),
    ("1. kvt. 2026", None, "2026-01-01", "2026-03-31", Quarter, Role::Period, &[], &[]),
    ("2.1.", Some(2025), "2025-01-02", "2025-01-02", Day, Role::Period, &[], &[]),
    ("Sidste frist for tilmelding er 28/2", Some(2025), "", "2025-02-28", OpenEnded, Role::Deadline,
        &["Sidste frist for tilmelding er"], &[]),
    ("Projektperiode: 2023-2026", None, "2023-01-01", "2026-12-31", Range, Role::Period, &["Projektperiode:"], &[]),
    ("Indsend senest 1. marts 2025 kl. 12.00 via Høringsportalen", None, "", "2025-03-01", OpenEnded, Role::Until,
        &["Indsend", "via Høringsportalen"], &[]),
    ("2024-2027 (4 år)", None, "2024-01-01", "2027-12-31", Range, Role::Period, &["(4 år)"], &[]),
    ("Planen gælder for 2025-2028 og revideres hvert 4. år", None, "2025-01-01", "2028-12-31", Range, Role::Period,
        &["Planen gælder", "og revideres hvert 4. år"], &[]),
    ("Uge 12 og uge 14 2025", None, "2025-03-17", "2025-04-06", Range, Role::Period, &[], &[NoteKind::Joined]),
    ("Sidst på året", Some(2025), "2025-11-01", "2025-12-31", PartOfYear, Role::Period, &[], &[]),
    ("Planperiode 2026-2029", None, "2026-01-01", "2029-12-31", Range, Role::Period, &["Planperiode"], &[]),
    ("Ultimo 2025 eller primo 2026", None, "2025-11-01", "2026-02-28", Range, Role::Period, &["eller"], &[NoteKind::Combined]),
    ("juni 2025 (uge 23)", None, "2025-06-02", "2025-06-08", Week, Role::Period, &["juni 2025 (", ")"], &[NoteKind::Combined]),
];

#[test]
fn wrapped_wordings() {
    let conv = DateConventions::default();
    let mut failures = Vec::new();
    for &(text, dy, start, end, precision, role, ignored, notes) in WRAPPED {
        match FuzzyDate::parse(text, &ctx(&conv, dy)) {
            Ok(d) => {
                let kinds: Vec<NoteKind> = d.notes().iter().map(|n| n.kind).collect();
                let got = (
                    d.start(),
                    d.end(),
                    d.precision(),
                    d.role(),
                    d.ignored().to_vec(),
                    kinds,
                );
                let want = (
                    day(start),
                    day(end),
                    precision,
                    role,
                    ignored.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
                    notes.to_vec(),
                );
                if got != want {
                    failures.push(format!("{text:?}: got {got:?}, want {want:?}"));
                }
            }
            Err(e) => failures.push(format!("{text:?}: error {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn exact_and_deadline_days() {
    let conv = DateConventions::default();
    let c = ctx(&conv, None);
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0);
    let d = FuzzyDate::parse("Mødedato: 17.01.2024, kl. 16:00", &c).unwrap();
    let x = d.exact_day().unwrap();
    assert_eq!((x.date, x.time), (day("2024-01-17").unwrap(), t(16, 0)));
    assert_eq!(d.deadline_day(), d.exact_day());
    let d = FuzzyDate::parse("Høringsfrist: 3. maj 2024 kl. 12.00", &c).unwrap();
    assert_eq!(d.exact_day(), None);
    let x = d.deadline_day().unwrap();
    assert_eq!((x.date, x.time), (day("2024-05-03").unwrap(), t(12, 0)));
    let d = FuzzyDate::parse("inden 1. marts 2024", &c).unwrap();
    assert_eq!(d.deadline_day().map(|x| x.date), day("2024-02-29"));
    for text in [
        "senest juni 2024",
        "maj 2024",
        "22. maj til 20. juni 2008",
        "fra 1. maj 2024",
        "løbende",
    ] {
        let d = FuzzyDate::parse(text, &c).unwrap();
        assert_eq!((d.exact_day(), d.deadline_day()), (None, None), "{text}");
    }
}

#[test]
fn what_was_understood_is_said() {
    let conv = DateConventions::default();
    let c = ctx(&conv, None);
    let d = FuzzyDate::parse("Opdateret: 04-03-2024 09:15", &c).unwrap();
    assert!(!d.is_clean());
    assert_eq!(
        d.reading(Lang::Da).unwrap(),
        "read as 4. marts 2024 kl. 09.15; ignored \"Opdateret:\""
    );
    assert_eq!(d.text(), "Opdateret: 04-03-2024 09:15");
    let j = d.to_json();
    assert_eq!(j["ignored"], serde_json::json!(["Opdateret:"]));
    assert_eq!(j["text"], "Opdateret: 04-03-2024 09:15");
    let d = FuzzyDate::parse("Høringsfrist: 3. maj 2024", &c).unwrap();
    assert_eq!(d.to_json()["role"], "deadline");
    assert!(d.reading(Lang::Da).unwrap().contains("(a deadline)"));
    let d = FuzzyDate::parse("Maj 2024 – forventet", &c).unwrap();
    assert!(d.is_hedged());
    assert_eq!(d.to_json()["hedged"], true);
    assert_eq!(d.to_json()["notes"][0]["kind"], "hedge");
    let d = FuzzyDate::parse("12. maj 2024", &c).unwrap();
    assert!(d.is_clean() && d.reading(Lang::Da).is_none());
    let e = FuzzyDate::parse("Okt 09 - marts 2012", &c)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("9. oktober 2011 – marts 2012") && e.contains("oktober 2009 – marts 2012"),
        "{e}"
    );
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Err {
    Empty,
    NotADate,
    NoYear,
    InvalidDay,
    Reversed,
    Ambiguous,
    TwoDates,
    Unclear,
    TooLong,
}

#[rustfmt::skip]
const ERRORS: &[(&str, Option<i32>, Err)] = &[
    ("", None, Err::Empty),
    ("   ", Some(2023), Err::Empty),
    ("snart", None, Err::NotADate),
    ("efter behov", Some(2023), Err::NotADate),
    ("Lgbende", None, Err::NotADate),
    ("ultimo", None, Err::Unclear),
    ("ultimo", Some(2023), Err::Unclear),
    ("den", None, Err::NotADate),
    ("12.", Some(2023), Err::NotADate),
    ("snarest efter vedtagelsen", None, Err::NotADate),
    ("Klagefristen er fire uger fra offentliggørelsen", None, Err::NotADate),
    ("Lokalplan 1150", None, Err::NotADate),
    ("Version 2.1", None, Err::NotADate),
    ("Budget 2025", None, Err::NotADate),
    ("8000 Aarhus C", None, Err::NotADate),
    ("2,5 mio. kr.", None, Err::NotADate),
    ("inden jul 2024", None, Err::NotADate),
    ("første halvdel af valgperioden", Some(2024), Err::NotADate),
    ("23/7776", None, Err::NotADate),
    ("Sag 306-2009-600", None, Err::Unclear),
    ("senest 8 dage før mødet", None, Err::NotADate),
    ("fra kl. 17-19", None, Err::NotADate),
    ("Okt 09 - marts 2012", None, Err::Ambiguous),
    ("maj 24", Some(2024), Err::Ambiguous),
    ("2010-11", None, Err::Ambiguous),
    ("sep. 23-jan. 24", Some(2023), Err::Ambiguous),
    ("Vedtaget 3. marts 2025, offentliggjort 10. april 2026", None, Err::TwoDates),
    ("2.1", Some(2025), Err::Unclear),
    ("1.4", Some(2025), Err::Unclear),
    ("3 uger", Some(2025), Err::NotADate),
    ("Projekt: 62112", None, Err::NotADate),
    ("Sag nr. 2019-012345", None, Err::NotADate),
    ("DKK 1.200.000", None, Err::Unclear),
    ("Vores sagsnr.: 2024-5678", None, Err::NotADate),
    ("2024-5678", None, Err::InvalidDay),
    ("24/7", Some(2025), Err::NotADate),
    ("0023-09-12", None, Err::InvalidDay),
    ("12. maj 0999", None, Err::InvalidDay),
    ("2023-13-01", None, Err::InvalidDay),
    ("30. februar 2023", None, Err::InvalidDay),
    ("29. februar 2023", None, Err::InvalidDay),
    ("32. januar 2024", None, Err::InvalidDay),
    ("31.04.2024", None, Err::InvalidDay),
    ("uge 54 2023", None, Err::InvalidDay),
    ("uge 53 2021", None, Err::InvalidDay),
    ("uge 0 2021", None, Err::InvalidDay),
    ("5. kvartal 2023", None, Err::InvalidDay),
    ("3. halvår 2023", None, Err::InvalidDay),
    ("12. maj 2024 kl. 25.00", None, Err::InvalidDay),
    ("2008-06-20T12:00+99:00", None, Err::InvalidDay),
    ("22. maj", None, Err::NoYear),
    ("December", None, Err::NoYear),
    ("primo marts", None, Err::NoYear),
    ("maj 2023 til april 2023", None, Err::Reversed),
    ("2024 – 2023", None, Err::Reversed),
    ("12. maj 2024 kl. 19.00-17.00", None, Err::Reversed),
];

#[test]
fn errors() {
    let conv = DateConventions::default();
    for &(text, dy, want) in ERRORS {
        let err = FuzzyDate::parse(text, &ctx(&conv, dy)).expect_err(text);
        let got = match &err {
            DateError::Empty => Err::Empty,
            DateError::NotADate { .. } => Err::NotADate,
            DateError::NoYear { .. } => Err::NoYear,
            DateError::InvalidDay { .. } => Err::InvalidDay,
            DateError::Reversed { .. } => Err::Reversed,
            DateError::Ambiguous { .. } => Err::Ambiguous,
            DateError::TwoDates { .. } => Err::TwoDates,
            DateError::Unclear { .. } => Err::Unclear,
            DateError::TooLong { .. } => Err::TooLong,
        };
        assert_eq!(got, want, "{text:?}: {err}");
        if want != Err::Empty {
            let quoted = format!("\"{}\"", text.trim());
            assert!(err.to_string().contains(&quoted), "{text:?}: {err}");
        }
    }
}

#[test]
fn error_messages_are_plain() {
    let conv = DateConventions::default();
    let c = ctx(&conv, None);
    let msg = |t: &str| FuzzyDate::parse(t, &c).unwrap_err().to_string();
    assert_eq!(
        msg("30. februar 2023"),
        "\"30. februar 2023\" is not a real date: February 2023 has 28 days."
    );
    assert!(msg("uge 53 2021").contains("2021 has 52 weeks"));
    assert!(msg("2023-13-01").contains("there is no month 13"));
    let forms = crate::messages::english(&crate::messages::Key::new("date-forms")).0;
    assert!(msg("snart").contains(&forms));
    assert!(msg("22. maj").contains("no earlier dated row"));
}

#[test]
fn times_and_zones() {
    let conv = DateConventions::default();
    let c = ctx(&conv, None);
    let t = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0);
    let d = FuzzyDate::parse("12. maj 2024 kl. 17.00-19.00", &c).unwrap();
    assert_eq!((d.start_time(), d.end_time()), (t(17, 0), t(19, 0)));
    assert!(d.is_exact_day());
    let d = FuzzyDate::parse("12. maj 2024 kl. 12", &c).unwrap();
    assert_eq!((d.start_time(), d.end_time()), (t(12, 0), None));
    let d = FuzzyDate::parse("2008-06-20T12:00+02:00", &c).unwrap();
    assert_eq!(d.start_time(), t(12, 0));
    assert_eq!(d.offset(), chrono::FixedOffset::east_opt(7200));
    let d = FuzzyDate::parse("2023-09-12T12:00Z", &c).unwrap();
    assert_eq!(d.offset(), chrono::FixedOffset::east_opt(0));
    let d = FuzzyDate::parse("2023-09-12", &c).unwrap();
    assert_eq!((d.start_time(), d.offset()), (None, None));
}

#[test]
fn inferred_years_and_last_year() {
    let conv = DateConventions::default();
    let d = FuzzyDate::parse("December", &ctx(&conv, Some(2023))).unwrap();
    assert!(d.year_inferred());
    assert_eq!(d.last_year(), Some(2023));
    let d = FuzzyDate::parse("December 2020", &ctx(&conv, Some(2023))).unwrap();
    assert!(!d.year_inferred());
    let d = FuzzyDate::parse("vinter 2023", &ctx(&conv, None)).unwrap();
    assert_eq!(d.last_year(), Some(2024));
    let d = FuzzyDate::parse("fra 2020 og frem", &ctx(&conv, None)).unwrap();
    assert_eq!(d.last_year(), Some(2020));
    let d = FuzzyDate::parse("løbende", &ctx(&conv, None)).unwrap();
    assert_eq!(d.last_year(), None);
}

#[test]
fn json_and_sort_key() {
    let conv = DateConventions::default();
    let c = ctx(&conv, None);
    let d = FuzzyDate::parse("12. maj 2024 kl. 17.00-19.00", &c).unwrap();
    assert_eq!(
        d.to_json(),
        serde_json::json!({"text": "12. maj 2024 kl. 17.00-19.00", "start": "2024-05-12",
            "end": "2024-05-12", "precision": "day", "start_time": "17:00", "end_time": "19:00"})
    );
    let d = FuzzyDate::parse("  senest 1. maj 2024 ", &c).unwrap();
    assert_eq!(
        d.to_json(),
        serde_json::json!({"text": "senest 1. maj 2024", "start": null, "end": "2024-05-01",
            "precision": "open-ended", "role": "until"})
    );
    let mut v: Vec<FuzzyDate> = ["2024", "løbende", "senest 1. maj 2024", "marts 2024"]
        .iter()
        .map(|t| FuzzyDate::parse(t, &c).unwrap())
        .collect();
    v.sort_by_key(|d| d.sort_key());
    let texts: Vec<&str> = v.iter().map(|d| d.text()).collect();
    // An open start sorts first; among equal starts the earlier end comes first.
    assert_eq!(
        texts,
        ["senest 1. maj 2024", "løbende", "2024", "marts 2024"]
    );
    let d = FuzzyDate::from_day(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
    assert_eq!((d.text(), d.precision()), ("2024-02-29", Day));
    assert_eq!(d, FuzzyDate::parse("2024-02-29", &c).unwrap());
}

#[test]
fn precision_names() {
    assert_eq!(PartOfMonth.as_str(), "part-of-month");
    assert_eq!(OpenEnded.as_str(), "open-ended");
    assert_eq!(serde_json::to_value(HalfYear).unwrap(), "half-year");
    let p: Precision = serde_json::from_str("\"part-of-year\"").unwrap();
    assert_eq!(p, PartOfYear);
}

#[rustfmt::skip]
const DISPLAY: &[(&str, &str, &str)] = &[
    ("12. september 2023", "12. september 2023", "12 September 2023"),
    ("12. september 2023 kl. 17.00", "12. september 2023 kl. 17.00", "12 September 2023, 17:00"),
    ("12/9 2023 kl 17-19", "12. september 2023 kl. 17.00–19.00", "12 September 2023, 17:00–19:00"),
    ("September 2023", "september 2023", "September 2023"),
    ("primo marts 2024", "primo marts 2024", "early March 2024"),
    ("1. halvår 2023", "1. halvår 2023", "H1 2023"),
    ("2. kvartal 2023", "2. kvartal 2023", "Q2 2023"),
    ("primo 2. kvartal 2023", "primo 2. kvartal 2023", "early Q2 2023"),
    ("uge 15 2023", "uge 15 2023", "week 15 2023"),
    ("forår 2023", "forår 2023", "spring 2023"),
    ("Primo 2024", "primo 2024", "early 2024"),
    ("2023", "2023", "2023"),
    ("22. maj til 20. juni 2008", "22. maj – 20. juni 2008", "22 May – 20 June 2008"),
    ("22.-28. maj 2008", "22.–28. maj 2008", "22–28 May 2008"),
    ("dec. 2022 – feb. 2023", "december 2022 – februar 2023", "December 2022 – February 2023"),
    ("Oktober 2021/2022", "oktober 2021 – oktober 2022", "October 2021 – October 2022"),
    ("2021-2022", "2021 – 2022", "2021 – 2022"),
    ("senest 1. maj 2024", "senest 1. maj 2024", "by 1 May 2024"),
    ("fra 1. halvår 2023 og frem", "fra 1. halvår 2023", "from H1 2023"),
    ("Løbende", "løbende", "ongoing"),
];

#[test]
fn display_forms() {
    let conv = DateConventions::default();
    let c = ctx(&conv, None);
    for &(text, da, en) in DISPLAY {
        let d = FuzzyDate::parse(text, &c).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(d.display(Lang::Da), da, "{text:?}");
        assert_eq!(d.display(Lang::En), en, "{text:?}");
    }
}

#[test]
fn config_overrides() {
    let conv: DateConventions = serde_json::from_value(serde_json::json!({
        "year_parts": {"primo": [1, 3], "medio": [5, 8], "ultimo": [10, 12]},
        "month_parts": {"primo": [1, 15], "medio": [10, 20], "ultimo": [16, 31]},
        "seasons": {"spring": [4, 5], "summer": [6, 9], "autumn": [10, 11], "winter": [11, 3]},
        "quarter_parts": {"primo": [1, 2], "medio": [2, 2], "ultimo": [2, 3]},
    }))
    .unwrap();
    assert_eq!(conv.validate(), Ok(()));
    let c = ctx(&conv, None);
    let span = |t: &str| {
        let d = FuzzyDate::parse(t, &c).unwrap();
        (d.start().unwrap().to_string(), d.end().unwrap().to_string())
    };
    let s = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(span("primo 2024"), s("2024-01-01", "2024-03-31"));
    assert_eq!(span("medio 2024"), s("2024-05-01", "2024-08-31"));
    assert_eq!(span("primo februar 2023"), s("2023-02-01", "2023-02-15"));
    assert_eq!(span("ultimo februar 2023"), s("2023-02-16", "2023-02-28"));
    assert_eq!(span("sommer 2023"), s("2023-06-01", "2023-09-30"));
    assert_eq!(span("vinter 2023"), s("2023-11-01", "2024-03-31"));
    assert_eq!(span("primo 3. kvartal 2023"), s("2023-07-01", "2023-08-31"));
    // Half-year parts were not overridden.
    assert_eq!(span("ultimo 2. halvår 2023"), s("2023-12-01", "2023-12-31"));
}

#[test]
fn extreme_default_years_are_errors_not_panics() {
    let conv = DateConventions::default();
    let texts = [
        "December",
        "22. maj",
        "dec. – feb.",
        "vinter",
        "uge 52",
        "31. december",
        "4/1",
        "2. kvartal",
        "primo marts",
    ];
    for dy in [i32::MIN, -1, 0, 10_000, i32::MAX] {
        for t in texts {
            let r = FuzzyDate::parse(t, &ctx(&conv, Some(dy)));
            assert!(
                matches!(r, Err(DateError::InvalidDay { .. })),
                "{t:?} with {dy}: {r:?}"
            );
        }
    }
    // The edges of the supported years still work.
    let d = FuzzyDate::parse("vinter 9998", &ctx(&conv, None)).unwrap();
    assert_eq!(d.end(), day("9999-02-28"));
    assert!(FuzzyDate::parse("vinter 9999", &ctx(&conv, None)).is_err());
    assert!(FuzzyDate::parse("uge 52 9999", &ctx(&conv, None)).is_ok());
}

#[test]
fn bad_config_never_panics() {
    let mut conv = DateConventions::default();
    conv.month_parts.primo = [40, 0];
    conv.year_parts.medio = [0, 99];
    conv.seasons.winter = [0, 13];
    assert!(conv.validate().is_err());
    let c = ctx(&conv, None);
    for t in ["primo maj 2023", "medio 2023", "vinter 2023"] {
        let d = FuzzyDate::parse(t, &c).unwrap();
        assert!(d.start() <= d.end(), "{t}");
    }
}

// ---------------------------------------------------------------- property tests

const DA_MONTHS: [&str; 12] = [
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const ABBR: [&str; 12] = [
    "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// One date expression from the grammar, in one of its written forms.
fn unit_text() -> impl Strategy<Value = String> {
    let y = 1990i32..2040;
    let m = 0usize..12;
    prop_oneof![
        (y.clone(), m.clone(), 1u32..=28, 0..7u8).prop_map(|(y, m, d, f)| match f {
            0 => format!("{d}. {} {y}", DA_MONTHS[m]),
            1 => format!("{d}. {}. {y}", ABBR[m]),
            2 => format!("{d} {} {y}", EN_MONTHS[m]),
            3 => format!("{} {d}, {y}", EN_MONTHS[m]),
            4 => format!("{d:02}.{:02}.{y}", m + 1),
            5 => format!("{y}-{:02}-{d:02}", m + 1),
            _ => format!("{d}. {} {y} kl. {:02}.30", DA_MONTHS[m], d % 24),
        }),
        (y.clone(), m.clone(), 0..4u8).prop_map(|(y, m, f)| match f {
            0 => format!("{} {y}", DA_MONTHS[m]),
            1 => format!("{} {y}", EN_MONTHS[m]),
            2 => format!("{}. {y}", ABBR[m]),
            // "2002-03" is also the years 2002–2003 and refused; see `errors`.
            _ if (m as i32 + 1) == (y + 1) % 100 => format!("{} {y}", EN_MONTHS[m]),
            _ => format!("{y}-{:02}", m + 1),
        }),
        (y.clone(), m.clone(), 0..6usize).prop_map(|(y, m, p)| {
            let word = ["primo", "medio", "ultimo", "early", "mid", "late"][p];
            format!(
                "{word} {} {y}",
                if p < 3 { DA_MONTHS[m] } else { EN_MONTHS[m] }
            )
        }),
        (y.clone(), 1u32..=52, 0..3u8).prop_map(|(y, w, f)| match f {
            0 => format!("uge {w} {y}"),
            1 => format!("week {w} {y}"),
            _ => format!("{y}-W{w:02}"),
        }),
        (y.clone(), 1u32..=4, 0..4u8).prop_map(|(y, q, f)| match f {
            0 => format!("{q}. kvartal {y}"),
            1 => format!("Q{q} {y}"),
            2 => format!("{y}-Q{q}"),
            _ => format!("ultimo {q}. kvartal {y}"),
        }),
        (y.clone(), 1u32..=2, 0..4u8).prop_map(|(y, h, f)| match f {
            0 => format!("{h}. halvår {y}"),
            1 => format!("H{h} {y}"),
            2 => format!("{y}-H{h}"),
            _ => format!("medio {h}. halvår {y}"),
        }),
        (y.clone(), 0..9usize).prop_map(|(y, w)| {
            let word = [
                "primo",
                "medio",
                "ultimo",
                "forår",
                "sommer",
                "efteråret",
                "vinter",
                "autumn",
                "winter",
            ][w];
            format!("{word} {y}")
        }),
        y.prop_map(|y| y.to_string()),
    ]
}

/// Ranges whose first end leaves out the year (and sometimes the month).
fn short_range_text() -> impl Strategy<Value = String> {
    (
        1990i32..2040,
        0usize..12,
        0usize..12,
        1u32..=28,
        1u32..=28,
        0..6u8,
    )
        .prop_map(|(y, m1, m2, d1, d2, f)| match f {
            0 => format!("{d1}.–{d2}. {} {y}", DA_MONTHS[m2]),
            1 => format!("{d1}-{d2} {} {y}", EN_MONTHS[m2]),
            2 => format!("{} – {} {y}", DA_MONTHS[m1], DA_MONTHS[m2]),
            3 => format!("{}. – {}. {y}", ABBR[m1], ABBR[m2]),
            4 => format!("{d1}. {} til {d2}. {} {y}", DA_MONTHS[m1], DA_MONTHS[m2]),
            5 => format!("uge {} – uge {} {y}", d1 + 10, d2 + 20),
            6 => format!("uge {}-{} {y}", d1, d2 + 24),
            7 => format!("{}.-{}. kvartal {y}", d1 % 4 + 1, d2 % 4 + 1),
            8 => format!("{} {d1}-{d2}, {y}", EN_MONTHS[m1]),
            _ => format!(
                "{} – {} {y}",
                ["forår", "sommer", "efterår", "vinter"][m1 % 4],
                ["forår", "sommer", "efterår", "vinter"][m2 % 4]
            ),
        })
}

/// A whole date text: a unit, a range of two units, or an open interval.
fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => unit_text(),
        1 => short_range_text(),
        2 => (unit_text(), unit_text(), 0..3u8).prop_map(|(a, b, s)| {
            let sep = [" – ", " til ", " to "][s as usize];
            format!("{a}{sep}{b}")
        }),
        1 => (unit_text(), 0..4u8).prop_map(|(a, p)| match p {
            0 => format!("senest {a}"),
            1 => format!("fra {a} og frem"),
            2 => format!("from {a} onwards"),
            _ => format!("by {a}"),
        }),
    ]
}

/// Around a date as staff paste it (the empty string too).
const PREFIXES: &[&str] = &[
    "",
    "Opdateret: ",
    "Revideret ",
    "Mødedato: ",
    "Forventet: ",
    "ca. ",
    "(",
    // A bare year right after a noun names the thing ("Budget 2025") and is refused, so
    // sentences put a preposition before the date, as Danish does.
    "Byrådet behandler sagen i ",
    "Version 2.1, ",
    "Høringsfrist: ",
    "Fristen for høringssvar er ",
];
const SUFFIXES: &[&str] = &[
    "",
    ":",
    "*",
    " (forventet)",
    " – planlagt",
    ")",
    " i byrådssalen",
];

/// Letters, digits and marks that slips insert.
const MUTATION_CHARS: &[char] = &[
    '0', '1', '2', '9', '.', '-', '/', ' ', ':', ',', 'a', 'e', 'r', 'k', 'l', '(', ')', '*', 'ø',
];

/// Texts to mutate: every table wording.
fn seeds() -> Vec<&'static str> {
    TABLE
        .iter()
        .map(|r| r.0)
        .chain(WRAPPED.iter().map(|r| r.0))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Checks that a date runs forwards and that both displays read back to the same
/// interval and times.
fn reads_back(d: &FuzzyDate, conv: &DateConventions) -> Result<(), String> {
    if let (Some(s), Some(e)) = (d.start(), d.end())
        && s > e
    {
        return Err(format!("starts {s} after it ends {e}"));
    }
    let c = ctx(conv, None);
    for lang in [Lang::Da, Lang::En] {
        let shown = d.display(lang);
        let back = FuzzyDate::parse(&shown, &c).map_err(|e| format!("{shown:?}: {e}"))?;
        let a = (d.start(), d.end(), d.start_time(), d.end_time());
        let b = (back.start(), back.end(), back.start_time(), back.end_time());
        if a != b {
            return Err(format!("{shown:?} reads back as {b:?}, not {a:?}"));
        }
    }
    Ok(())
}

proptest! {
    // 600 cases by default; PROPTEST_CASES overrides it for longer runs.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(600),
        ..ProptestConfig::default()
    })]

    #[test]
    fn generated_units_parse(text in unit_text()) {
        let conv = DateConventions::default();
        let d = FuzzyDate::parse(&text, &ctx(&conv, None));
        prop_assert!(d.is_ok(), "{text:?}: {d:?}");
    }

    #[test]
    fn accepted_dates_run_forwards(text in date_text()) {
        let conv = DateConventions::default();
        match FuzzyDate::parse(&text, &ctx(&conv, None)) {
            Ok(d) => {
                if let (Some(s), Some(e)) = (d.start(), d.end()) {
                    prop_assert!(s <= e, "{text:?}: {s} > {e}");
                }
            }
            // Two random ends may be in the wrong order; nothing else may fail.
            Err(e) => prop_assert!(matches!(e, DateError::Reversed { .. }), "{text:?}: {e}"),
        }
    }

    #[test]
    fn display_parses_back(text in date_text()) {
        let conv = DateConventions::default();
        let c = ctx(&conv, None);
        if let Ok(d) = FuzzyDate::parse(&text, &c) {
            for lang in [Lang::Da, Lang::En] {
                let shown = d.display(lang);
                let back = FuzzyDate::parse(&shown, &c);
                prop_assert!(back.is_ok(), "{text:?} -> {shown:?}: {back:?}");
                let back = back.unwrap();
                prop_assert_eq!(
                    (back.start(), back.end(), back.precision(), back.start_time(), back.end_time()),
                    (d.start(), d.end(), d.precision(), d.start_time(), d.end_time()),
                    "{:?} -> {:?}", text, shown
                );
            }
        }
    }

    #[test]
    fn arbitrary_strings_never_panic(text in any::<String>()) {
        let conv = DateConventions::default();
        if let Ok(d) = FuzzyDate::parse(&text, &ctx(&conv, Some(2024))) {
            prop_assert!(reads_back(&d, &conv).is_ok(), "{:?}: {:?}", text, reads_back(&d, &conv));
        }
    }

    /// Real wordings with letters dropped, doubled, swapped or replaced: no panic, and
    /// whatever is accepted runs forwards and displays in a form that reads back.
    #[test]
    fn mutated_wordings_are_read_or_refused(
        seed in prop::sample::select(seeds()),
        edits in prop::collection::vec((0usize..200, 0u8..4, prop::sample::select(MUTATION_CHARS.to_vec())), 1..4),
        dy in prop::option::of(1990i32..2040),
    ) {
        let mut chars: Vec<char> = seed.chars().collect();
        for (at, op, c) in edits {
            if chars.is_empty() {
                break;
            }
            let i = at % chars.len();
            match op {
                0 => { chars.remove(i); }
                1 => chars.insert(i, c),
                2 => chars[i] = c,
                _ => {
                    let j = (i + 1) % chars.len();
                    chars.swap(i, j);
                }
            }
        }
        let text: String = chars.into_iter().collect();
        let conv = DateConventions::default();
        if let Ok(d) = FuzzyDate::parse(&text, &ctx(&conv, dy)) {
            prop_assert!(reads_back(&d, &conv).is_ok(), "{:?}: {:?}", text, reads_back(&d, &conv));
        }
    }

    /// A label, hedge or bracket around a date never changes the interval, and is
    /// reported; a deadline label keeps the end and opens the start.
    #[test]
    fn wrappers_keep_the_interval(
        text in date_text(),
        pre in prop::sample::select(PREFIXES.to_vec()),
        post in prop::sample::select(SUFFIXES.to_vec()),
    ) {
        let conv = DateConventions::default();
        let c = ctx(&conv, None);
        let Ok(bare) = FuzzyDate::parse(&text, &c) else { return Ok(()) };
        let wrapped = format!("{pre}{text}{post}");
        let d = FuzzyDate::parse(&wrapped, &c);
        prop_assert!(d.is_ok(), "{:?}: {:?}", wrapped, d);
        let d = d.unwrap();
        let deadline = pre.to_lowercase().contains("frist");
        if deadline && matches!(bare.role(), Role::Period | Role::Until) {
            prop_assert_eq!((d.start(), d.end()), (None, bare.end()), "{:?}", wrapped);
            prop_assert_eq!(d.role(), Role::Deadline, "{:?}", wrapped);
        } else if !deadline {
            prop_assert_eq!((d.start(), d.end()), (bare.start(), bare.end()), "{:?}", wrapped);
        }
        prop_assert_eq!(d.is_clean(), pre.is_empty() && post.is_empty(), "{:?}", wrapped);
    }

    #[test]
    fn token_soup_never_panics(
        parts in prop::collection::vec(
            prop::sample::select(vec![
                "12", "1", "2023", "99999999999", "0", "53", ".", "-", "–", "/", ":", "+", "T",
                "Z", "maj", "dec", "primo", "ultimo", "mid", "uge", "Q", "H", "kvartal",
                "halvår", "kl", "til", "og", "med", "frem", "fra", "senest", "vinter", "løbende",
                "den", " ", ",", "first", "half", "st",
            ]),
            0..12,
        ),
        glue in prop::collection::vec(any::<bool>(), 12),
        dy in prop::option::of(prop_oneof![-5i32..10000, any::<i32>()]),
    ) {
        let mut text = String::new();
        for (p, g) in parts.iter().zip(glue) {
            text.push_str(p);
            if g {
                text.push(' ');
            }
        }
        let conv = DateConventions::default();
        if let Ok(d) = FuzzyDate::parse(&text, &ctx(&conv, dy)) {
            if let (Some(s), Some(e)) = (d.start(), d.end()) {
                prop_assert!(s <= e, "{text:?}");
            }
            let _ = d.display(Lang::Da);
            let _ = d.display(Lang::En);
        }
    }
}
