//! `resumepdf validate`: agreement with the JSON Resume schema's own fixtures, examples and the real
//! corpus; located messages; the JSON report; `--strict`; the command-line arguments.
//!
//! Data: `tests/data/validate/` (see its `SOURCES.md`) and the real corpus in
//! `../shared/corpus/real/` (beside the repository; the test fails without it).

use std::path::{Path, PathBuf};

use resumepdf::validate::{self, passes, validate_text};
use resumepdf::{Diagnostic, Severity};
use serde_json::Value;

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/validate")
        .join(path)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn errors(problems: &[Diagnostic]) -> Vec<&Diagnostic> {
    problems.iter().filter(|p| p.is_error()).collect()
}

/// The problems as `validate` prints them for the file `file`.
fn lines(file: &str, problems: &[Diagnostic]) -> Vec<String> {
    problems.iter().map(|p| p.to_text(Some(file))).collect()
}

/// The paths of all `null` values in a document, in `$.a[0].b` form.
fn null_paths(value: &Value, path: &str, out: &mut Vec<String>) {
    match value {
        Value::Null => out.push(path.to_string()),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                null_paths(item, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(map) => {
            for (key, item) in map {
                null_paths(item, &format!("{path}.{key}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_schema_fixture_agrees() {
    let (mut valid, mut invalid, mut dates) = (0, 0, 0);
    let mut disagreements = Vec::new();
    let files = json_files(&data("fixtures"));
    assert_eq!(files.len(), 15, "the 15 fixture files of the schema");
    for file in files {
        let fixture: Value = serde_json::from_str(&read(&file)).unwrap_or_default();
        let Value::Object(documents) = fixture else {
            panic!("{}: not an object of named documents", file.display());
        };
        let file_name = file.file_name().map(|n| n.to_string_lossy().into_owned());
        for (name, document) in &documents {
            let label = format!("{}#{name}", file_name.as_deref().unwrap_or("?"));
            if file_name.as_deref() == Some("dates.json") {
                // Bare date values; `invalid` is the one the schema's date pattern refuses.
                dates += 1;
                let text = serde_json::json!({"work": [{"startDate": document}]}).to_string();
                let found = validate_text(&text);
                let refused = !errors(&found).is_empty();
                if refused != (name == "invalid") {
                    disagreements.push(format!("{label}: {:?}", lines(&label, &found)));
                }
                continue;
            }
            let found = validate_text(&document.to_string());
            let lower = name.to_lowercase();
            if lower.contains("invalid") {
                invalid += 1;
                // Each invalid fixture has one defect: a null (or, for `$schema`, an object).
                let mut expected = Vec::new();
                null_paths(document, "$", &mut expected);
                if expected.is_empty() {
                    expected.push("$.$schema".to_string());
                }
                let got: Vec<(String, &str)> = errors(&found)
                    .iter()
                    .map(|p| (p.path.clone(), p.rule))
                    .collect();
                let want: Vec<(String, &str)> =
                    expected.into_iter().map(|p| (p, "schema")).collect();
                if got != want {
                    disagreements.push(format!(
                        "{label}: want {want:?}, got {:?}",
                        lines(&label, &found)
                    ));
                }
            } else if lower.contains("valid") {
                valid += 1;
                if !errors(&found).is_empty() {
                    disagreements.push(format!("{label}: {:?}", lines(&label, &found)));
                }
            } else {
                disagreements.push(format!("{label}: neither valid nor invalid by its name"));
            }
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    assert_eq!(
        (valid, invalid, dates),
        (118, 96, 4),
        "all 218 fixture cases were checked"
    );
}

#[test]
fn the_schema_sample_and_examples_validate_clean() {
    let files = json_files(&data("examples"));
    assert_eq!(files.len(), 4);
    for file in files {
        let problems = validate::validate_file(&file);
        assert!(
            problems.is_empty(),
            "{:#?}",
            lines(&file.display().to_string(), &problems)
        );
    }
}

/// `work/2/endDate` → `$.work[2].endDate`.
fn slash_path(slashes: &str) -> String {
    let mut path = String::from("$");
    for part in slashes.split('/') {
        if part.bytes().all(|b| b.is_ascii_digit()) {
            path.push_str(&format!("[{part}]"));
        } else {
            path.push('.');
            path.push_str(part);
        }
    }
    path
}

#[test]
fn the_real_corpus_agrees_with_its_manifest() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    // A missing corpus is a failure, not a pass: it lies beside the repository on every
    // machine that builds this project.
    let manifest = read(&dir.join("MANIFEST.tsv"));
    let mut rows = manifest.lines();
    let header: Vec<&str> = rows.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .unwrap_or_else(|| panic!("MANIFEST.tsv has no column {name}"))
    };
    let (file_col, valid_col, first_col, formats_col) = (
        column("file"),
        column("schema_valid"),
        column("first_error"),
        column("valid_with_formats"),
    );
    let mut checked = 0;
    let mut disagreements = Vec::new();
    for row in rows.filter(|r| !r.trim().is_empty()) {
        let cells: Vec<&str> = row.split('\t').collect();
        let file = cells[file_col];
        let problems = validate::validate_file(&dir.join(file));
        // The manifest counts every value the schema rejects; words such as "Present" as an end
        // date are rejected by the schema but only warned about (the renderer reads them).
        let schema_errors: Vec<&Diagnostic> = problems
            .iter()
            .filter(|p| {
                let ongoing = p.path.ends_with(".endDate") && p.message.contains("as ongoing");
                p.rule == "schema" && p.is_error() || ongoing
            })
            .collect();
        checked += 1;
        match cells[valid_col] {
            "valid" => {
                if !errors(&problems).is_empty() {
                    disagreements.push(format!("{file}: valid, but {:#?}", lines(file, &problems)));
                }
            }
            "invalid" => {
                // `[4 errors] work/2/endDate: '…' does not match …`
                let first = cells[first_col];
                let count: usize = first
                    .strip_prefix('[')
                    .and_then(|s| s.split(' ').next())
                    .and_then(|n| n.parse().ok())
                    .unwrap_or_else(|| panic!("{file}: no error count in {first:?}"));
                let path = first
                    .split_once("] ")
                    .and_then(|(_, rest)| rest.split(':').next())
                    .map(slash_path)
                    .unwrap_or_default();
                if schema_errors.len() != count || !schema_errors.iter().any(|p| p.path == path) {
                    disagreements.push(format!(
                        "{file}: {count} errors, one at {path}; got {:#?}",
                        lines(file, &problems)
                    ));
                }
            }
            other => panic!("{file}: schema_valid is {other:?}"),
        }
        // Files that fail only when formats are asserted get a warning at that value.
        if cells[valid_col] == "valid"
            && let Some(rest) = cells[formats_col].strip_prefix("invalid: ")
        {
            let path = rest.split(':').next().map(slash_path).unwrap_or_default();
            if !problems
                .iter()
                .any(|p| p.path == path && p.severity == Severity::Warning)
            {
                disagreements.push(format!("{file}: no warning at {path}"));
            }
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
    assert_eq!(checked, 23, "the manifest lists 23 files");
}

#[test]
fn a_bad_month_and_a_bad_day_are_errors_at_their_values() {
    let problems = validate::validate_file(&data("cases/bad-month.json"));
    let file = data("cases/bad-month.json").display().to_string();
    assert_eq!(
        lines(&file, &problems),
        vec![
            format!(
                "{file}:4:35: error: $.work[0].startDate: \"2019-13\" is not a date \
                 (expected YYYY, YYYY-MM or YYYY-MM-DD): month 13 is not between 1 and 12"
            ),
            format!(
                "{file}:4:57: error: $.work[0].endDate: \"2020-02-30\" is not a date \
                 (expected YYYY, YYYY-MM or YYYY-MM-DD): day 30 does not exist in February 2020"
            ),
        ]
    );
    assert!(problems.iter().all(|p| p.rule == "render"));
    assert!(!passes(&problems, false));
}

#[test]
fn calendar_checks_know_leap_years() {
    let check = |date: &str| {
        let text = serde_json::json!({"basics": {"name": "A"}, "awards": [{"date": date}]});
        lines("a.json", &validate_text(&text.to_string()))
    };
    assert!(check("2020-02-29").is_empty());
    assert!(check("2000-02-29").is_empty());
    assert_eq!(
        check("1900-02-29"),
        vec![
            "a.json:1:20: error: $.awards[0].date: \"1900-02-29\" is not a date (expected YYYY, \
             YYYY-MM or YYYY-MM-DD): day 29 does not exist in February 1900"
        ]
    );
    assert!(check("2019-00")[0].ends_with("month 0 is not between 1 and 12"));
    // The schema's pattern, not the calendar, refuses a five-digit year.
    assert!(
        check("20190")[0]
            .ends_with("\"20190\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    );
    assert!(check("2019-04-31")[0].ends_with("day 31 does not exist in April 2019"));
}

#[test]
fn wrong_types_are_errors_with_what_was_found() {
    let text = r#"{
  "basics": {"name": 42, "profiles": {"network": "GitHub"}},
  "work": [{"name": "Acme", "highlights": ["Shipped", {"text": "Led"}]}],
  "skills": [{"name": "Rust", "keywords": "systems"}]
}"#;
    assert_eq!(
        lines("t.json", &validate_text(text)),
        vec![
            "t.json:2:22: error: $.basics.name: expected a string, found the number 42",
            "t.json:2:38: error: $.basics.profiles: expected an array, found an object",
            "t.json:3:55: error: $.work[0].highlights[1]: expected a string, found an object",
            "t.json:4:43: error: $.skills[0].keywords: expected an array, found the text \"systems\"",
        ]
    );
}

#[test]
fn malformed_json_is_one_located_error() {
    let file = data("cases/malformed.json");
    assert_eq!(
        lines(&file.display().to_string(), &validate::validate_file(&file)),
        vec![format!(
            "{}:2:34: error: trailing comma: JSON allows no `,` before `}}` or `]`",
            file.display()
        )]
    );
    let problems = validate_text("{\n  \"basics\": {\"name\": \"Ann\"}\n");
    assert_eq!(
        lines("u.json", &problems),
        vec!["u.json:3:1: error: the file ends before this object is closed: a `}` is missing"]
    );
    assert_eq!(problems[0].rule, "json");
    assert_eq!(
        lines("a.json", &validate_text("\n  [1, 2]")),
        vec!["a.json:2:3: error: $: expected an object `{ … }` at the top level, found an array"]
    );
    let empty = validate_text(" \n");
    assert_eq!((empty.len(), empty[0].line), (1, None));
    assert!(
        empty[0]
            .to_text(Some("e.json"))
            .starts_with("e.json: error: the file is empty")
    );
}

#[test]
fn end_dates_meaning_present_get_the_schema_way_to_say_it() {
    let text = r#"{"basics": {"name": "A"}, "work": [
  {"name": "A", "startDate": "2020", "endDate": "Present"},
  {"name": "B", "startDate": "2018", "endDate": null},
  {"name": "C", "startDate": "2016", "endDate": "2017 (contract)"}
]}"#;
    assert_eq!(
        lines("p.json", &validate_text(text)),
        vec![
            "p.json:2:49: warning: $.work[0].endDate: \"Present\" is not a date (expected YYYY, \
             YYYY-MM or YYYY-MM-DD); the renderer reads it as ongoing, but the schema's way is to \
             leave endDate out",
            "p.json:3:49: error: $.work[1].endDate: expected a date as text (YYYY, YYYY-MM or \
             YYYY-MM-DD), found null; the renderer reads it as ongoing, but the schema's way is to \
             leave endDate out",
            "p.json:4:49: error: $.work[2].endDate: \"2017 (contract)\" is not a date (expected \
             YYYY, YYYY-MM or YYYY-MM-DD)",
        ]
    );
}

#[test]
fn one_problem_per_broken_value_and_reader_notes_elsewhere() {
    let text = r#"{
  "basics": {"name": "A", "url": "www.example.com", "email": "a at example.com"},
  "work": [{"company": "Acme", "startDate": "2019/05", "url": "@acme"}],
  "hobbies": ["chess"]
}"#;
    assert_eq!(
        lines("d.json", &validate_text(text)),
        vec![
            "d.json:2:34: warning: $.basics.url: \"www.example.com\" is not a full URI such as \
             https://example.com/me (schema format \"uri\")",
            "d.json:2:62: warning: $.basics.email: \"a at example.com\" is not an e-mail address \
             such as name@example.com (schema format \"email\")",
            "d.json:3:24: warning: $.work[0].company: pre-1.0 key `company`; use `name`",
            // The reader's note on `2019/05` (read as 2019-05) is left out: the value has an error.
            "d.json:3:45: error: $.work[0].startDate: \"2019/05\" is not a date (expected YYYY, \
             YYYY-MM or YYYY-MM-DD)",
            // The reader's note, not a second schema warning, for a URL it will not link.
            "d.json:3:63: warning: $.work[0].url: `@acme` is not a web address; it will be shown \
             as text, not as a link",
            "d.json:4:14: warning: $.hobbies: pre-1.0 key `hobbies`; use `interests`",
            "d.json:4:15: warning: $.hobbies[0]: text entry read as an entry with this `name`",
        ]
    );
}

#[test]
fn a_byte_order_mark_does_not_shift_columns() {
    let text = "\u{feff}{\"basics\": {\"name\": \"A\"}, \"awards\": [{\"date\": \"2019-13\"}]}";
    let with_bom = validate_text(text);
    let without = validate_text(text.trim_start_matches('\u{feff}'));
    assert_eq!(with_bom, without);
    assert_eq!(
        (with_bom.len(), with_bom[0].line, with_bom[0].column),
        (1, Some(1), Some(47))
    );
}

#[test]
fn warnings_pass_unless_strict() {
    let file = data("cases/warnings-only.json");
    let problems = validate::validate_file(&file);
    let name = file.display().to_string();
    assert_eq!(
        lines(&name, &problems),
        vec![
            format!(
                "{name}:4:14: warning: $.basics.image: \"https://example.com/ana.jpg\" is a web \
                 address; images are not downloaded, so the photo will be skipped (give the path \
                 of a JPEG or PNG file instead)"
            ),
            format!("{name}:5:16: warning: $.basics.website: pre-1.0 key `website`; use `url`"),
            format!("{name}:8:17: warning: $.work[0].company: pre-1.0 key `company`; use `name`"),
        ]
    );
    assert!(passes(&problems, false));
    assert!(!passes(&problems, true));

    let report = |strict: bool, files: &[&str]| {
        let mut args = vec!["validate".to_string()];
        args.extend(files.iter().map(|f| data(f).display().to_string()));
        if strict {
            args.push("--strict".to_string());
        }
        validate_command(&args)
    };
    let (passed, text) = report(false, &["cases/warnings-only.json"]);
    assert!(passed);
    assert!(
        text.ends_with(&format!("{name}: valid, 3 warnings\n")),
        "{text}"
    );
    let (passed, text) = report(true, &["cases/warnings-only.json"]);
    assert!(!passed);
    assert!(
        text.ends_with(&format!("{name}: fails --strict: 3 warnings\n")),
        "{text}"
    );
    let (passed, text) = report(true, &["cases/clean.json"]);
    assert!(passed);
    assert_eq!(
        text,
        format!("{}: valid\n", data("cases/clean.json").display())
    );
}

#[test]
fn the_json_report_is_one_array_with_a_record_per_line() {
    let files = [
        "cases/clean.json",
        "cases/bad-month.json",
        "cases/malformed.json",
        "cases/does-not-exist.json",
    ];
    let mut args = vec!["validate".to_string(), "--format=json".to_string()];
    args.extend(files.iter().map(|f| data(f).display().to_string()));
    let (passed, text) = validate_command(&args);
    assert!(!passed);
    let records: Vec<Value> = match serde_json::from_str(&text) {
        Ok(Value::Array(records)) => records,
        other => panic!("not a JSON array: {other:?}\n{text}"),
    };
    // `[`, one line per record, `]`.
    assert_eq!(text.lines().count(), records.len() + 2);
    assert_eq!(records.len(), 4);
    let bad_month = data("cases/bad-month.json").display().to_string();
    assert_eq!(
        records[0],
        serde_json::json!({
            "file": bad_month,
            "line": 4,
            "column": 35,
            "path": "$.work[0].startDate",
            "severity": "error",
            "check": "render",
            "message": "\"2019-13\" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD): month 13 is not between 1 and 12",
        })
    );
    assert_eq!(records[2]["check"], "json");
    assert_eq!(records[2]["path"], Value::Null);
    assert_eq!(
        (records[2]["line"].clone(), records[2]["column"].clone()),
        (2.into(), 34.into())
    );
    let missing = &records[3];
    assert_eq!(missing["line"], Value::Null);
    assert_eq!(missing["severity"], "error");
    assert!(
        missing["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("cannot read the file: ")),
        "{missing}"
    );

    // Nothing to report: an empty array, and the run passes.
    let clean = data("cases/clean.json").display().to_string();
    let (passed, text) = validate_command(&[
        "validate".to_string(),
        "--format=json".to_string(),
        "--strict".to_string(),
        clean,
    ]);
    assert!(passed);
    assert_eq!(text, "[]\n");
}

/// Runs `resumepdf ARGS`: whether it exited 0, and what it printed on standard output.
fn validate_command(args: &[String]) -> (bool, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_resumepdf"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn every_schema_key_is_known_and_typos_get_a_suggestion() {
    // Every property the JSON Resume schema defines, in every object: none is "unknown".
    let schema: serde_json::Value =
        serde_json::from_str(resumepdf::validate::SCHEMA_JSON).expect("the schema is JSON");
    fn example(node: &serde_json::Value) -> serde_json::Value {
        if let Some(properties) = node.get("properties").and_then(|p| p.as_object()) {
            let object = properties
                .iter()
                .map(|(key, child)| (key.clone(), example(child)))
                .collect();
            return serde_json::Value::Object(object);
        }
        if let Some(items) = node.get("items") {
            return serde_json::Value::Array(vec![example(items)]);
        }
        serde_json::Value::String("2020-01".to_string())
    }
    let full = example(&schema).to_string();
    let parsed = resumepdf::model::parse(&full).expect("parses");
    let unknown: Vec<String> = parsed
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("unknown"))
        .map(ToString::to_string)
        .collect();
    assert!(unknown.is_empty(), "{unknown:?}");

    let typos = r#"{"basics": {"name": "Ann", "emial": "ann@example.com"},
        "experience": [{"compnay": "Acme"}], "Education": [],
        "work": [{"name": "Acme", "compnay": "x", "startdate": "2020"}],
        "x-theme": {}, "meta": {"anything": 1}}"#;
    let parsed = resumepdf::model::parse(typos).expect("parses");
    let said: Vec<(String, String)> = parsed
        .warnings
        .iter()
        .filter(|w| w.message.starts_with("unknown"))
        .map(|w| (w.path.clone(), w.message.clone()))
        .collect();
    let expected = [
        (
            "$.basics.emial",
            "unknown key; did you mean \"email\"? It is ignored",
        ),
        (
            "$.experience",
            "unknown section; did you mean \"work\"? It is ignored",
        ),
        (
            "$.Education",
            "unknown section; did you mean \"education\"? It is ignored",
        ),
        (
            "$.work[0].compnay",
            "unknown key; did you mean \"company\"? It is ignored",
        ),
        (
            "$.work[0].startdate",
            "unknown key; did you mean \"startDate\"? It is ignored",
        ),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(said, expected);
    assert!(
        parsed
            .warnings
            .iter()
            .all(|w| !w.path.starts_with("$.meta"))
    );
}
