//! Tests of parsing, aliases, dates, lenient typing and normalization.

use super::*;
use crate::diagnostic::{Diagnostic, Severity};

fn parse_ok(text: &str) -> Parsed {
    match parse(text) {
        Ok(p) => p,
        Err(e) => panic!("parse failed: {e}"),
    }
}

fn date(s: &str) -> PartialDate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// The single warning at `path`, failing if there is none or more than one.
fn warning_at<'a>(p: &'a Parsed, path: &str) -> &'a Diagnostic {
    let found: Vec<&Diagnostic> = p.warnings.iter().filter(|w| w.path == path).collect();
    assert_eq!(
        found.len(),
        1,
        "warnings at {path}: {found:#?}\nall: {:#?}",
        p.warnings
    );
    found[0]
}

fn work_end(text: &str) -> (EndDate, Vec<Diagnostic>) {
    let json = format!(r#"{{"work": [{{"name": "X", "startDate": "2010", "endDate": {text}}}]}}"#);
    let p = parse_ok(&json);
    (p.resume.work[0].end.clone(), p.warnings)
}

fn work_start(text: &str) -> (Option<DateValue>, Vec<Diagnostic>) {
    let json = format!(r#"{{"work": [{{"name": "X", "startDate": {text}}}]}}"#);
    let p = parse_ok(&json);
    (p.resume.work[0].start.clone(), p.warnings)
}

// ---------------------------------------------------------------- aliases

#[test]
fn every_pre_1_0_alias_is_read() {
    let p = parse_ok(
        r#"{
        "bio": {
            "firstName": "Ada", "lastName": "Lovelace",
            "picture": "https://example.com/ada.jpg",
            "website": "https://ada.example.com",
            "location": {"city": "London", "state": "Greater London"},
            "profiles": [{"network": "GitHub", "website": "https://github.com/ada"}]
        },
        "work": [{"company": "Analytical Engines", "website": "https://ae.example.com", "startDate": "1842"}],
        "volunteer": [{"name": "Babbage Society", "website": "https://bs.example.com"}],
        "education": [{"institution": "Home", "gpa": "4.0", "website": "https://home.example.com"}],
        "awards": [{"title": "Note G", "awardDate": "1843"}],
        "certificates": [{"name": "Cert", "website": "https://cert.example.com"}],
        "publications": [{"name": "Sketch", "date": "1843-09", "website": "https://pub.example.com"}],
        "languages": [{"name": "English", "level": "Native"}],
        "hobbies": [{"name": "Poetry"}],
        "projects": [{"name": "Engine", "summary": "Programs", "website": "https://proj.example.com"}],
        "meta": {"url": "https://example.com/resume.json"}
    }"#,
    );
    let r = &p.resume;
    assert_eq!(r.basics.name.as_deref(), Some("Ada Lovelace"));
    assert_eq!(
        r.basics.image.as_deref(),
        Some("https://example.com/ada.jpg")
    );
    assert_eq!(r.basics.url.as_deref(), Some("https://ada.example.com"));
    assert_eq!(r.basics.location.region.as_deref(), Some("Greater London"));
    assert_eq!(
        r.basics.profiles[0].url.as_deref(),
        Some("https://github.com/ada")
    );
    assert_eq!(r.work[0].name.as_deref(), Some("Analytical Engines"));
    assert_eq!(r.work[0].url.as_deref(), Some("https://ae.example.com"));
    assert_eq!(
        r.volunteer[0].organization.as_deref(),
        Some("Babbage Society")
    );
    assert_eq!(
        r.volunteer[0].url.as_deref(),
        Some("https://bs.example.com")
    );
    assert_eq!(r.education[0].score.as_deref(), Some("4.0"));
    assert_eq!(
        r.education[0].url.as_deref(),
        Some("https://home.example.com")
    );
    assert_eq!(r.awards[0].date, Some(DateValue::Date(date("1843"))));
    assert_eq!(
        r.certificates[0].url.as_deref(),
        Some("https://cert.example.com")
    );
    assert_eq!(
        r.publications[0].release_date,
        Some(DateValue::Date(date("1843-09")))
    );
    assert_eq!(
        r.publications[0].url.as_deref(),
        Some("https://pub.example.com")
    );
    assert_eq!(r.languages[0].language.as_deref(), Some("English"));
    assert_eq!(r.languages[0].fluency.as_deref(), Some("Native"));
    assert_eq!(r.interests[0].name.as_deref(), Some("Poetry"));
    assert_eq!(r.projects[0].description.as_deref(), Some("Programs"));
    assert_eq!(
        r.projects[0].url.as_deref(),
        Some("https://proj.example.com")
    );
    assert_eq!(
        r.meta.canonical.as_deref(),
        Some("https://example.com/resume.json")
    );

    // Every alias is an info note naming the key, never a real warning.
    assert!(
        p.warnings.iter().all(|w| w.severity == Severity::Info),
        "{:#?}",
        p.warnings
    );
    for (path, key) in [
        ("$.bio", "bio"),
        ("$.bio.firstName", "firstName"),
        ("$.bio.picture", "picture"),
        ("$.bio.website", "website"),
        ("$.bio.location.state", "state"),
        ("$.bio.profiles[0].website", "website"),
        ("$.work[0].company", "company"),
        ("$.work[0].website", "website"),
        ("$.volunteer[0].name", "name"),
        ("$.education[0].gpa", "gpa"),
        ("$.awards[0].awardDate", "awardDate"),
        ("$.certificates[0].website", "website"),
        ("$.publications[0].date", "date"),
        ("$.languages[0].name", "name"),
        ("$.languages[0].level", "level"),
        ("$.hobbies", "hobbies"),
        ("$.projects[0].summary", "summary"),
        ("$.meta.url", "url"),
    ] {
        let w = warning_at(&p, path);
        assert!(w.message.contains(&format!("`{key}`")), "{w}");
        assert!(w.line.is_some() && w.column.is_some(), "{w}");
    }
    assert!(
        warning_at(&p, "$.work[0].company")
            .message
            .starts_with("pre-1.0 key `company`; use `name`")
    );
    assert!(
        warning_at(&p, "$.bio.firstName")
            .message
            .contains("`firstName`/`lastName`")
    );
}

#[test]
fn the_1_x_key_wins_over_its_alias() {
    let p = parse_ok(
        r#"{"work": [{"name": "New", "company": "Old"}], "basics": {"image": "", "picture": "p.jpg"}}"#,
    );
    assert_eq!(p.resume.work[0].name.as_deref(), Some("New"));
    assert!(
        warning_at(&p, "$.work[0].company")
            .message
            .contains("ignored because `name` is also given")
    );
    // An empty 1.x value does not hide a filled-in alias.
    assert_eq!(p.resume.basics.image.as_deref(), Some("p.jpg"));
}

// ---------------------------------------------------------------- dates

#[test]
fn iso_partial_dates_parse_and_validate() {
    assert_eq!(
        date("2019"),
        PartialDate {
            year: 2019,
            month: None,
            day: None
        }
    );
    assert_eq!(
        date("2019-05"),
        PartialDate {
            year: 2019,
            month: Some(5),
            day: None
        }
    );
    assert_eq!(
        date(" 2019-05-14 "),
        PartialDate {
            year: 2019,
            month: Some(5),
            day: Some(14)
        }
    );
    assert_eq!(date("2020-02-29").day, Some(29));
    assert_eq!(date("2000-02-29").day, Some(29));
    assert_eq!(date("2019-12-31").day, Some(31));
    for bad in [
        "2019-13",
        "2019-00",
        "2020-02-30",
        "2019-02-29",
        "1900-02-29",
        "2019-04-31",
        "2019-01-00",
    ] {
        let e = bad.parse::<PartialDate>().unwrap_err();
        assert!(
            matches!(e, DateError::Month(_) | DateError::Day { .. }),
            "{bad}: {e:?}"
        );
    }
    for bad in [
        "19",
        "2019/05",
        "2019-5",
        "2019-05-1",
        "0999",
        "3000",
        "20190",
        "2019-05-14-1",
        "",
        "+2019",
    ] {
        assert!(
            bad.parse::<PartialDate>().is_err(),
            "{bad} should be rejected"
        );
    }
    assert_eq!(date("2019-05-14").to_string(), "2019-05-14");
    assert_eq!(date("2019-05").to_string(), "2019-05");
    assert_eq!(date("2019").to_string(), "2019");
    assert_eq!(
        PartialDate::new(2019, None, Some(3)),
        Err(DateError::DayWithoutMonth)
    );
    let d: PartialDate = serde_json::from_str("\"2021-07\"").unwrap();
    assert_eq!(d, date("2021-07"));
}

#[test]
fn missing_parts_sort_as_earliest() {
    let mut v = [
        date("2019-02"),
        date("2019-01-01"),
        date("2018-12-31"),
        date("2019"),
        date("2019-01"),
    ];
    v.sort();
    let s: Vec<String> = v.iter().map(ToString::to_string).collect();
    assert_eq!(
        s,
        ["2018-12-31", "2019", "2019-01", "2019-01-01", "2019-02"]
    );
}

#[test]
fn impossible_dates_are_kept_as_text_with_a_warning() {
    for bad in ["2019-13", "2020-02-30"] {
        let (end, warnings) = work_end(&format!("\"{bad}\""));
        assert_eq!(end, EndDate::Text(bad.to_string()));
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].severity, Severity::Warning);
        assert_eq!(warnings[0].path, "$.work[0].endDate");
        let (start, warnings) = work_start(&format!("\"{bad}\""));
        assert_eq!(start, Some(DateValue::Text(bad.to_string())));
        assert_eq!(warnings[0].path, "$.work[0].startDate");
    }
    let (_, w) = work_end("\"2019-13\"");
    assert!(w[0].message.contains("month 13"), "{}", w[0]);
    let (_, w) = work_end("\"2020-02-30\"");
    assert!(
        w[0].message
            .contains("day 30 does not exist in February 2020"),
        "{}",
        w[0]
    );
    // Repairs do not hide impossible values either.
    let (end, w) = work_end("\"2019/13\"");
    assert_eq!(end, EndDate::Text("2019/13".into()));
    assert_eq!(w[0].severity, Severity::Warning);
}

#[test]
fn end_dates_meaning_present_are_ongoing() {
    for word in [
        "null",
        "\"\"",
        "\"   \"",
        "\"Present\"",
        "\"present\"",
        "\"PRESENT\"",
        "\"current\"",
        "\"now\"",
        "\"ongoing\"",
        "\"today\"",
        "\"heute\"",
        "\"Heute\"",
        "\"aktuell\"",
        "\"actuel\"",
        "\"présent\"",
        "\"Présent\"",
        "\"presente\"",
        "\"actualidad\"",
        "\"Actualidad\"",
        "\"atual\"",
        "\"obecnie\"",
        "\"настоящее время\"",
        "\"Настоящее время\"",
        "\"至今\"",
        "\"现在\"",
    ] {
        let (end, warnings) = work_end(word);
        assert_eq!(end, EndDate::Ongoing, "{word}");
        assert!(warnings.is_empty(), "{word}: {warnings:?}");
    }
    // Missing end date.
    let p = parse_ok(r#"{"work": [{"name": "X", "startDate": "2020"}]}"#);
    assert_eq!(p.resume.work[0].end, EndDate::Ongoing);
    assert!(p.warnings.is_empty());
}

#[test]
fn common_date_spellings_are_repaired_with_an_info_note() {
    for (text, want) in [
        ("2019/05", "2019-05"),
        ("05/2019", "2019-05"),
        ("5/2019", "2019-05"),
        ("2019.05", "2019-05"),
        ("2019.5", "2019-05"),
        ("05.2019", "2019-05"),
        ("2019-5", "2019-05"),
        ("2019/05/14", "2019-05-14"),
        ("14.05.2019", "2019-05-14"),
        ("14/05/2019", "2019-05-14"),
        ("05/14/2019", "2019-05-14"),
        ("May 2019", "2019-05"),
        ("sep. 2019", "2019-09"),
        ("2019 December", "2019-12"),
        ("2019-05-14T10:30:00", "2019-05-14"),
        ("2013-10（1年3个月）", "2013-10"),
        ("2015-03 (18 months)", "2015-03"),
    ] {
        let (end, warnings) = work_end(&format!("\"{text}\""));
        assert_eq!(end, EndDate::Date(date(want)), "{text}");
        assert_eq!(warnings.len(), 1, "{text}");
        assert_eq!(warnings[0].severity, Severity::Info, "{text}");
        assert!(
            warnings[0].message.contains(want),
            "{text}: {}",
            warnings[0]
        );
        let (start, _) = work_start(&format!("\"{text}\""));
        assert_eq!(start, Some(DateValue::Date(date(want))), "{text}");
    }
    // "至今（9个月）": ongoing, with a note about the remark.
    let (end, warnings) = work_end("\"至今（9个月）\"");
    assert_eq!(end, EndDate::Ongoing);
    assert_eq!(warnings[0].severity, Severity::Info);
    // A year given as a number.
    let (end, warnings) = work_end("2019");
    assert_eq!(end, EndDate::Date(date("2019")));
    assert_eq!(warnings[0].severity, Severity::Info);
}

#[test]
fn unreadable_dates_are_kept_verbatim() {
    for text in [
        "Summer 2019",
        "03/04/2019",
        "Q3 2019",
        "ca. 2010",
        "2019–2020",
        "soon",
    ] {
        let (end, warnings) = work_end(&format!("\" {text} \""));
        assert_eq!(end, EndDate::Text(text.to_string()), "{text}");
        assert_eq!(warnings.len(), 1, "{text}");
        assert_eq!(warnings[0].severity, Severity::Warning);
    }
    assert_eq!(
        EndDate::Text("Summer 2019".into()).sort_key(),
        Some(date("2019"))
    );
    assert_eq!(
        EndDate::Text("2019–2020".into()).sort_key(),
        Some(date("2020"))
    );
    assert_eq!(DateValue::Text("soon".into()).sort_key(), None);
    // "Present" is not a start date.
    let (start, warnings) = work_start("\"Present\"");
    assert_eq!(start, Some(DateValue::Text("Present".into())));
    assert_eq!(warnings[0].severity, Severity::Warning);
    // Wrong types are skipped.
    let (start, warnings) = work_start(r#"{"year": 2019}"#);
    assert_eq!(start, None);
    assert!(warnings[0].message.contains("found an object"));
    let (end, warnings) = work_end("true");
    assert_eq!(end, EndDate::Ongoing);
    assert_eq!(warnings[0].severity, Severity::Warning);
}

/// Issue #5: a date field of many trailing remarks used to recurse once per remark and overflow
/// the stack (`"2019()()()…"` with 50 000 pairs aborted the process).
#[test]
fn thousands_of_trailing_remarks_are_text_not_a_stack_overflow() {
    let many = format!("2019{}", "()".repeat(100_000));
    let (end, warnings) = work_end(&format!("\"{many}\""));
    assert_eq!(end, EndDate::Text(many.clone()));
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].severity, Severity::Warning);
    let spaced = format!("2019{}", " (x)".repeat(20_000));
    let (start, _) = work_start(&format!("\"{spaced}\""));
    assert_eq!(start, Some(DateValue::Text(spaced)));
    // A few remarks are still peeled off.
    let (end, warnings) = work_end("\"2019-05 (remote) (part-time)\"");
    assert_eq!(end, EndDate::Date(date("2019-05")));
    assert_eq!(warnings[0].severity, Severity::Info);
}

// ---------------------------------------------------------------- lenient types

#[test]
fn wrong_types_are_skipped_or_coerced_with_the_right_path() {
    let text = r#"{
  "basics": {
    "name": {"first": "Ada"},
    "label": ["Engineer"],
    "phone": 5551234,
    "email": true,
    "location": "Berlin, Germany",
    "profiles": {"network": "GitHub", "username": "ada"}
  },
  "work": [
    {"name": "Acme", "highlights": "Shipped it"},
    {"name": "Initech", "highlights": ["Did a", {"text": "nested"}, "", "  ", 42, null, "Did b"]},
    "Globex",
    {"position": 7, "summary": false, "url": ["x"]}
  ],
  "skills": ["Rust", {"name": "Go", "keywords": "concurrency"}],
  "education": {"institution": "MIT", "score": 3.9, "courses": [["nested"]]},
  "awards": "lots",
  "meta": [],
  "extra": {"anything": 1}
}"#;
    let p = parse_ok(text);
    let r = &p.resume;
    let w = |path: &str| warning_at(&p, path);

    assert_eq!(r.basics.name, None);
    let name = w("$.basics.name");
    assert_eq!(
        (name.severity, name.line, name.column),
        (Severity::Warning, Some(3), Some(13))
    );
    assert!(
        name.message.contains("expected text, found an object"),
        "{name}"
    );
    assert_eq!(
        name.to_string(),
        "3:13: warning: $.basics.name: expected text, found an object; skipped"
    );
    assert_eq!(r.basics.label, None);
    assert_eq!(
        (w("$.basics.label").line, w("$.basics.label").column),
        (Some(4), Some(14))
    );
    assert_eq!(r.basics.phone.as_deref(), Some("5551234"));
    assert_eq!(w("$.basics.phone").severity, Severity::Info);
    assert_eq!(r.basics.email, None);
    assert_eq!(w("$.basics.email").severity, Severity::Warning);
    assert_eq!(r.basics.location.city.as_deref(), Some("Berlin, Germany"));
    assert_eq!(w("$.basics.location").severity, Severity::Info);
    assert_eq!(r.basics.profiles.len(), 1);
    assert_eq!(r.basics.profiles[0].username.as_deref(), Some("ada"));
    assert_eq!(w("$.basics.profiles").severity, Severity::Info);

    assert_eq!(r.work.len(), 3);
    assert_eq!(r.work[0].highlights, ["Shipped it"]);
    assert_eq!(w("$.work[0].highlights").severity, Severity::Info);
    assert_eq!(r.work[1].highlights, ["Did a", "42", "Did b"]);
    let nested = w("$.work[1].highlights[1]");
    assert_eq!(
        (nested.severity, nested.line, nested.column),
        (Severity::Warning, Some(12), Some(49))
    );
    assert_eq!(w("$.work[1].highlights[4]").severity, Severity::Info);
    let globex = w("$.work[2]");
    assert_eq!(
        (globex.severity, globex.line, globex.column),
        (Severity::Warning, Some(13), Some(5))
    );
    assert_eq!(r.work[2].position.as_deref(), Some("7"));
    assert_eq!(w("$.work[3].summary").severity, Severity::Warning);
    assert_eq!(w("$.work[3].url").severity, Severity::Warning);

    assert_eq!(r.skills.len(), 2);
    assert_eq!(r.skills[0].name.as_deref(), Some("Rust"));
    assert_eq!(w("$.skills[0]").severity, Severity::Info);
    assert_eq!(r.skills[1].keywords, ["concurrency"]);

    assert_eq!(r.education.len(), 1);
    assert_eq!(r.education[0].score.as_deref(), Some("3.9"));
    assert!(r.education[0].courses.is_empty());
    assert_eq!(w("$.education.courses[0]").severity, Severity::Warning);

    assert!(r.awards.is_empty());
    assert_eq!(w("$.awards").severity, Severity::Warning);
    assert_eq!(w("$.meta").severity, Severity::Warning);
    // An unknown section loses what it holds: a warning, not a note.
    assert_eq!(w("$.extra").severity, Severity::Warning);

    // Warnings come in source order.
    let positions: Vec<(Option<usize>, Option<usize>)> =
        p.warnings.iter().map(|w| (w.line, w.column)).collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
}

#[test]
fn top_level_sections_of_the_wrong_type_do_not_fail_the_file() {
    let p = parse_ok(r#"{"basics": "Ada", "work": 3, "skills": null, "projects": [null, 1, []]}"#);
    assert_eq!(p.resume, Resume::default());
    assert_eq!(warning_at(&p, "$.basics").severity, Severity::Warning);
    assert_eq!(warning_at(&p, "$.work").severity, Severity::Warning);
    assert_eq!(warning_at(&p, "$.projects[1]").severity, Severity::Warning);
    assert_eq!(warning_at(&p, "$.projects[2]").severity, Severity::Warning);
}

#[test]
fn strings_are_trimmed_and_empty_content_removed() {
    let p = parse_ok(
        r#"{
        "basics": {"name": "  Zoë Ångström \n", "label": "   ", "summary": ""},
        "work": [
            {"name": " Acme ", "highlights": ["  one ", "", "   ", "two"]},
            {"name": "", "highlights": ["", " "], "endDate": ""},
            {}
        ],
        "skills": [{"name": "", "keywords": []}],
        "interests": [{"name": " Chess ", "keywords": [" openings "]}]
    }"#,
    );
    let r = &p.resume;
    assert_eq!(r.basics.name.as_deref(), Some("Zoë Ångström"));
    assert_eq!(r.basics.label, None);
    assert_eq!(r.basics.summary, None);
    assert_eq!(r.work.len(), 1);
    assert_eq!(r.work[0].name.as_deref(), Some("Acme"));
    assert_eq!(r.work[0].highlights, ["one", "two"]);
    assert!(r.skills.is_empty());
    assert_eq!(r.interests[0].keywords, ["openings"]);
    for path in ["$.work[1]", "$.work[2]", "$.skills[0]"] {
        let w = warning_at(&p, path);
        assert_eq!(w.severity, Severity::Info);
        assert!(w.message.contains("no content"), "{w}");
    }
}

#[test]
fn normalize_tidies_resumes_built_in_code() {
    let mut r = Resume::default();
    r.basics.name = Some("  Ada ".into());
    r.basics.email = Some("   ".into());
    r.work.push(Work {
        name: Some(" X ".into()),
        highlights: vec![" a ".into(), " ".into()],
        start: Some(DateValue::Text("  ".into())),
        end: EndDate::Text(" ".into()),
        ..Work::default()
    });
    r.work.push(Work {
        summary: Some(" ".into()),
        ..Work::default()
    });
    normalize(&mut r);
    assert_eq!(r.basics.name.as_deref(), Some("Ada"));
    assert_eq!(r.basics.email, None);
    assert_eq!(r.work.len(), 1);
    assert_eq!(r.work[0].highlights, ["a"]);
    assert_eq!(r.work[0].start, None);
    assert_eq!(r.work[0].end, EndDate::Ongoing);
    assert!(!r.work[0].is_dated());
}

// ---------------------------------------------------------------- errors

#[test]
fn syntax_errors_are_located_and_readable() {
    let e = parse("{\n  \"basics\": {\n    \"name\": \"Ada\"\n    \"label\": \"x\"\n  }\n}")
        .unwrap_err();
    assert_eq!(e.to_string(), "4:5: expected `,` or `}`");
    assert_eq!(e.position(), Some((4, 5)));

    let e = parse("{\"work\": [1, 2,]}").unwrap_err();
    assert!(
        matches!(
            e,
            ParseError::Syntax {
                line: 1,
                column: 16,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.to_string().starts_with("1:16: trailing comma"), "{e}");

    // Columns count characters, not bytes.
    let e = parse("{\"name\": \"Zoë\" \"x\"}").unwrap_err();
    assert_eq!(e.position(), Some((1, 16)), "{e}");

    let e = parse("{\"basics\": {\"name\": \"Ada\"}").unwrap_err();
    assert!(e.to_string().contains("a `}` is missing"), "{e}");
    let e = parse("{\n  // comment\n}").unwrap_err();
    assert!(e.to_string().starts_with("2:3: "), "{e}");
    let e = parse("{name: 1}").unwrap_err();
    assert!(e.to_string().contains("double quotes"), "{e}");

    assert_eq!(parse(""), Err(ParseError::Empty));
    assert_eq!(parse(" \n\t"), Err(ParseError::Empty));
}

#[test]
fn a_top_level_that_is_not_an_object_is_an_error() {
    let e = parse("\n  [{\"basics\": {}}]").unwrap_err();
    assert_eq!(
        e,
        ParseError::NotAnObject {
            line: 2,
            column: 3,
            found: "an array"
        }
    );
    assert_eq!(
        e.to_string(),
        "2:3: the top level must be a JSON object `{ … }`, found an array"
    );
    assert!(matches!(
        parse("\"resume\""),
        Err(ParseError::NotAnObject { found: "text", .. })
    ));
    assert!(matches!(
        parse("null"),
        Err(ParseError::NotAnObject { found: "null", .. })
    ));
    // A byte-order mark is fine.
    assert!(parse("\u{feff}{}").is_ok());
}

#[test]
fn resume_implements_lenient_deserialize() {
    let r: Resume =
        serde_json::from_str(r#"{"basics": {"name": 5, "website": "https://x.example"}}"#).unwrap();
    assert_eq!(r.basics.name.as_deref(), Some("5"));
    assert_eq!(r.basics.url.as_deref(), Some("https://x.example"));
    assert!(serde_json::from_str::<Resume>("[]").is_err());
}

// ---------------------------------------------------------------- sorting

fn work(name: &str, start: Option<&str>, end: Option<&str>) -> Work {
    let read_start = start.map(|s| {
        s.parse()
            .map_or_else(|_| DateValue::Text(s.into()), DateValue::Date)
    });
    let read_end = match end {
        None => EndDate::Ongoing,
        Some(e) => e
            .parse()
            .map_or_else(|_| EndDate::Text(e.into()), EndDate::Date),
    };
    Work {
        name: Some(name.into()),
        start: read_start,
        end: read_end,
        ..Work::default()
    }
}

fn names(work: &[Work]) -> Vec<&str> {
    work.iter()
        .map(|w| w.name.as_deref().unwrap_or(""))
        .collect()
}

#[test]
fn oldest_first_input_comes_out_newest_first() {
    let mut r = Resume {
        work: vec![
            work("first job", Some("2010-01"), Some("2012-06")),
            work("second job", Some("2012-07"), Some("2015")),
            work("third job", Some("2015-02"), Some("2019-12-31")),
            work("current job", Some("2020-01"), None),
        ],
        ..Resume::default()
    };
    normalize(&mut r);
    assert_eq!(
        names(&r.work),
        ["current job", "third job", "second job", "first job"]
    );
}

#[test]
fn ongoing_first_then_end_then_start_and_ties_stay_stable() {
    let mut r = Resume {
        work: vec![
            work("undated A", None, None),
            work("ended 2018 started 2010", Some("2010"), Some("2018")),
            work("ongoing since 2015", Some("2015"), None),
            work("ended 2018 started 2016", Some("2016"), Some("2018")),
            work("tie 1", Some("2012"), Some("2014")),
            work("ongoing since 2021", Some("2021-03"), None),
            work("tie 2", Some("2012"), Some("2014")),
            work("undated B", None, None),
            work("ended 2020-05", None, Some("2020-05")),
            work("ended summer 2019", Some("2017"), Some("Summer 2019")),
            work("ended some time", Some("2013"), Some("later")),
            work("tie 3", Some("2012"), Some("2014")),
        ],
        ..Resume::default()
    };
    normalize(&mut r);
    assert_eq!(
        names(&r.work),
        [
            "ongoing since 2021",
            "ongoing since 2015",
            "ended 2020-05",
            "ended summer 2019",
            "ended 2018 started 2016",
            "ended 2018 started 2010",
            "tie 1",
            "tie 2",
            "tie 3",
            "ended some time",
            "undated A",
            "undated B",
        ]
    );
    // Sorting twice changes nothing.
    let once = r.clone();
    normalize(&mut r);
    assert_eq!(r, once);
}

#[test]
fn every_dated_section_is_sorted() {
    let mut r = parse_ok(
        r#"{
        "volunteer": [{"organization": "old", "startDate": "2001", "endDate": "2002"}, {"organization": "new", "startDate": "2003"}],
        "education": [{"institution": "school", "startDate": "1990", "endDate": "1995"}, {"institution": "uni", "startDate": "1995", "endDate": "2000"}],
        "projects": [{"name": "p-old", "startDate": "2005"}, {"name": "p-undated"}, {"name": "p-new", "startDate": "2006"}],
        "awards": [{"title": "none"}, {"title": "a2010", "date": "2010"}, {"title": "a2012", "date": "2012-01"}, {"title": "a2012-05", "date": "2012-05"}],
        "certificates": [{"name": "c1", "date": "2001"}, {"name": "c2", "date": "2002"}],
        "publications": [{"name": "p1", "releaseDate": "1999"}, {"name": "p2", "releaseDate": "Spring 2003"}, {"name": "p3"}, {"name": "p4", "releaseDate": "2001"}]
    }"#,
    )
    .resume;
    normalize(&mut r);
    let v: Vec<_> = r
        .volunteer
        .iter()
        .filter_map(|x| x.organization.as_deref())
        .collect();
    assert_eq!(v, ["new", "old"]);
    let e: Vec<_> = r
        .education
        .iter()
        .filter_map(|x| x.institution.as_deref())
        .collect();
    assert_eq!(e, ["uni", "school"]);
    let p: Vec<_> = r
        .projects
        .iter()
        .filter_map(|x| x.name.as_deref())
        .collect();
    assert_eq!(p, ["p-new", "p-old", "p-undated"]);
    let a: Vec<_> = r.awards.iter().filter_map(|x| x.title.as_deref()).collect();
    assert_eq!(a, ["a2012-05", "a2012", "a2010", "none"]);
    let c: Vec<_> = r
        .certificates
        .iter()
        .filter_map(|x| x.name.as_deref())
        .collect();
    assert_eq!(c, ["c2", "c1"]);
    let pb: Vec<_> = r
        .publications
        .iter()
        .filter_map(|x| x.name.as_deref())
        .collect();
    assert_eq!(pb, ["p2", "p4", "p1", "p3"]);
}

// ---------------------------------------------------------------- corpus

/// Unusual real resumes copied into the repository (sources and licences in
/// `tests/data/corpus/SOURCES.md`).
const CORPUS: &[(&str, &str)] = &[
    (
        "003_23nikoloz_jsonresume-theme-material.json",
        include_str!("../../tests/data/corpus/003_23nikoloz_jsonresume-theme-material.json"),
    ),
    (
        "008_SelrahcD_resume.json",
        include_str!("../../tests/data/corpus/008_SelrahcD_resume.json"),
    ),
    (
        "025_YOYZHANG_resume.json",
        include_str!("../../tests/data/corpus/025_YOYZHANG_resume.json"),
    ),
    (
        "032_FQ400_jsonresume-theme-elite.json",
        include_str!("../../tests/data/corpus/032_FQ400_jsonresume-theme-elite.json"),
    ),
    (
        "033_jesusgoku_jesus-urrutia-site-v3.json",
        include_str!("../../tests/data/corpus/033_jesusgoku_jesus-urrutia-site-v3.json"),
    ),
    (
        "037_hacksalot_HackMyResume.json",
        include_str!("../../tests/data/corpus/037_hacksalot_HackMyResume.json"),
    ),
];

fn corpus(name: &str) -> Parsed {
    let text = CORPUS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, t)| *t)
        .unwrap();
    parse_ok(text)
}

/// Every warning must point into the file.
fn assert_located(name: &str, p: &Parsed) {
    for w in &p.warnings {
        assert!(
            w.line.is_some() && w.column.is_some(),
            "{name}: unlocated {w}"
        );
    }
}

#[test]
fn copied_corpus_files_parse() {
    for (name, text) in CORPUS {
        let mut p = parse(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_located(name, &p);
        assert!(p.resume.basics.name.is_some(), "{name}");
        normalize(&mut p.resume);
    }
}

#[test]
fn corpus_chinese_remarks_in_dates() {
    let p = corpus("003_23nikoloz_jsonresume-theme-material.json");
    let r = &p.resume;
    assert_eq!(r.work[0].end, EndDate::Ongoing);
    assert_eq!(r.work[1].end, EndDate::Date(date("2015-03")));
    assert_eq!(r.work[2].end, EndDate::Date(date("2013-10")));
    assert_eq!(r.work[0].name.as_deref(), Some("自由职业"));
    assert!(p.real_warnings().next().is_none(), "{:#?}", p.warnings);
    let w = warning_at(&p, "$.work[1].endDate");
    assert!(w.message.contains("remark `（1年6个月）` ignored"), "{w}");
}

#[test]
fn corpus_objects_where_strings_are_expected() {
    let p = corpus("025_YOYZHANG_resume.json");
    let r = &p.resume;
    assert_eq!(r.work[0].name.as_deref(), Some("百度"));
    assert!(r.work[0].highlights.is_empty());
    let skipped: Vec<&str> = p
        .real_warnings()
        .filter(|w| !w.message.starts_with("unknown key"))
        .map(|w| w.path.as_str())
        .collect();
    assert_eq!(
        skipped,
        [
            "$.work[0].highlights[0]",
            "$.work[0].highlights[1]",
            "$.work[0].highlights[2]",
            "$.work[0].highlights[3]"
        ]
    );
    assert_eq!(r.projects[0].name.as_deref(), Some("vector to hand drawn"));
    assert!(r.projects[0].description.is_some());
    assert!(r.education[0].score.is_none());
}

#[test]
fn corpus_null_end_date_and_old_language_keys() {
    let p = corpus("033_jesusgoku_jesus-urrutia-site-v3.json");
    assert_eq!(
        p.resume.work.iter().filter(|w| w.end.is_ongoing()).count(),
        1
    );
    assert_eq!(p.resume.languages[0].language.as_deref(), Some("Español"));
    assert_eq!(p.resume.languages[0].fluency.as_deref(), Some("Nativo"));
    assert!(p.real_warnings().next().is_none(), "{:#?}", p.warnings);
    let p = corpus("032_FQ400_jsonresume-theme-elite.json");
    let hbo = warning_at(&p, "$.basics.profiles[13].url");
    assert!(hbo.message.contains("not a web address"), "{hbo}");
}

#[test]
fn corpus_volunteer_name_and_empty_url() {
    let p = corpus("008_SelrahcD_resume.json");
    let r = &p.resume;
    assert_eq!(
        r.volunteer[0].organization.as_deref(),
        Some("Burritalks.io")
    );
    assert_eq!(r.volunteer[1].url, None);
    assert!(
        r.work
            .iter()
            .all(|w| w.summary.as_deref().is_none_or(|s| s == s.trim()))
    );
}

#[test]
fn corpus_year_only_dates_sort() {
    let mut r = corpus("037_hacksalot_HackMyResume.json").resume;
    normalize(&mut r);
    let keys: Vec<_> = r
        .work
        .iter()
        .map(|w| (w.end.is_ongoing(), w.end.as_date()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    assert_eq!(keys, sorted);
}

/// The whole external corpus (`../shared/corpus`), when it is present: every file must parse.
/// Run with `--nocapture` to see the warnings of each file.
#[test]
fn full_shared_corpus_parses_when_present() {
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !base.is_dir() {
        println!(
            "note: {} not found; skipping the full corpus test",
            base.display()
        );
        return;
    }
    let mut files = Vec::new();
    for dir in ["real", "jsonresume-schema/examples"] {
        let Ok(entries) = std::fs::read_dir(base.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.path().extension().is_some_and(|e| e == "json") {
                files.push(entry.path());
            }
        }
    }
    files.push(base.join("jsonresume-schema/sample.resume.json"));
    files.sort();
    assert!(
        files.len() >= 27,
        "expected the 23 real files and 4 schema examples, found {}",
        files.len()
    );
    for path in files {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut p = parse(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_located(&name, &p);
        normalize(&mut p.resume);
        let real = p.real_warnings().count();
        println!("{name}: {} notes, {real} warnings", p.warnings.len() - real);
        for w in &p.warnings {
            println!("  {w}");
        }
    }
}

#[test]
fn names_and_titles_are_one_line() {
    let mut parsed = parse_ok(
        r#"{"basics": {"name": "Richard<br>Hendriks", "label": " CEO\n of <BR />Pied Piper  ",
            "summary": "Line one\nline two"}}"#,
    );
    normalize(&mut parsed.resume);
    let b = &parsed.resume.basics;
    assert_eq!(b.name.as_deref(), Some("Richard Hendriks"));
    assert_eq!(b.label.as_deref(), Some("CEO of Pied Piper"));
    assert_eq!(
        b.summary.as_deref(),
        Some("Line one\nline two"),
        "free text keeps its lines"
    );
    let mut odd = parse_ok(r#"{"basics": {"name": "A <b> B <br"}}"#);
    normalize(&mut odd.resume);
    assert_eq!(odd.resume.basics.name.as_deref(), Some("A <b> B <br"));
}

#[test]
fn duplicate_keys_are_located_warnings_and_tabs_in_text_read_as_spaces() {
    let text =
        "{\"basics\": {\"name\": \"Ann\tRay\", \"email\": \"a@x.org\",\n  \"email\": \"b@x.org\"}}";
    let p = parse_ok(text);
    assert_eq!(p.resume.basics.name.as_deref(), Some("Ann Ray"));
    assert_eq!(p.resume.basics.email.as_deref(), Some("b@x.org"));
    let w = warning_at(&p, "$.basics.email");
    assert_eq!(w.severity, Severity::Warning);
    assert_eq!((w.line, w.column), (Some(2), Some(12)));
    assert!(w.message.starts_with("this key appears twice"), "{w}");
}
