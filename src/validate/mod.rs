//! `resumepdf validate`: checks resume files against the JSON Resume schema and against what the
//! renderer needs, reporting every problem with its file, line, column and JSON path.
//!
//! ```
//! use resumepdf::validate;
//!
//! let text = "{\"basics\": {\"name\": \"Ann\"},\n  \"work\": [{\"name\": \"Acme\", \"startDate\": \"2019-13\"}]\n}";
//! let problems = validate::validate_text(text);
//! assert_eq!(problems[0].rule, "render");
//! assert_eq!(
//!     problems[0].to_text(Some("cv.json")),
//!     "cv.json:2:42: error: $.work[0].startDate: \"2019-13\" is not a date \
//!      (expected YYYY, YYYY-MM or YYYY-MM-DD): month 13 is not between 1 and 12"
//! );
//! assert!(!validate::passes(&problems, false));
//! ```
//!
//! # What is checked
//!
//! Each problem is a [`Diagnostic`] whose `rule` names the check that found it:
//!
//! - **JSON** (`json`, errors): the file must be readable JSON whose top level is an
//!   object; the position of a syntax error is given.
//! - **Schema** (`schema`): the embedded JSON Resume schema (draft-07, the `schema.json` of
//!   `@jsonresume/schema` 1.2.1, unchanged in validation up to 1.3.1), checked by the `jsonschema`
//!   crate (built without its network and file resolvers: nothing is fetched). A value of the wrong type or a date that
//!   does not match the schema's pattern is an error. `format` (`uri`, `email`) is an annotation in
//!   draft-07, and the schema's own fixtures accept `"$schema": "foo-bar-baz"`, so a value that is
//!   not a URI or e-mail address is a warning.
//! - **Renderer** (`render`): a date that has the right shape but is not on the calendar
//!   (`2019-13`, `2019-02-30`) is an error (the model's date parser decides); everything the lenient reader of [`crate::model`]
//!   reports (pre-1.0 key names, values it converts or skips, dates it reads another way or keeps
//!   as text, unknown sections) is a warning, as are an image given as a web address (images are
//!   not downloaded, so it is skipped) and a missing `basics.name`.
//!
//! A value gets one error at most; the reader's warning for a value that already has an error is
//! left out, and so is a schema `format` warning for a value the reader already warned about.
//!
//! A file *passes* when it has no errors; with `--strict`, when it has no warnings either.

mod locate;
mod messages;
mod output;
mod render;
mod resume_schema;

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};
use crate::model::{self, ParseError};
pub use output::{json_report, text_report};
use resume_schema::Kind;

/// The JSON Resume schema, as published (plus a `$comment` with its source and licence).
pub const SCHEMA_JSON: &str = include_str!("schema.json");

/// The rule id of a file that cannot be read, or is not JSON.
const JSON: &str = "json";
/// The rule id of what the JSON Resume schema does not allow.
const SCHEMA: &str = "schema";
/// The rule id of what the renderer needs (the lenient reader reports under the same id).
const RENDER: &str = model::RULE;

/// Whether a file with these problems passes: no errors, and with `strict` no warnings either.
pub fn passes(problems: &[Diagnostic], strict: bool) -> bool {
    problems
        .iter()
        .all(|p| !(p.is_error() || (strict && p.is_warning_or_worse())))
}

/// Reads and checks one file. A file that cannot be read gives one error.
pub fn validate_file(path: &Path) -> Vec<Diagnostic> {
    match crate::read::read_text(path, crate::read::RESUME) {
        Ok(text) => validate_text(&text),
        Err(e) => vec![file_error(format!("cannot read the file: {e}"))],
    }
}

/// An error about the whole file (no position, no path), such as one that cannot be read.
pub fn file_error(message: String) -> Diagnostic {
    Diagnostic::new(Severity::Error, JSON, "", message)
}

/// Checks the text of one resume and returns every problem, in source order (errors before
/// warnings at the same position).
pub fn validate_text(text: &str) -> Vec<Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = match model::parse(text) {
        Ok(parsed) => parsed,
        Err(e) => return vec![parse_problem(&e)],
    };
    let document = match model::source::Document::read(text) {
        Ok(document) => document,
        // The model read it, so this does not happen; report rather than panic.
        Err(e) => return vec![parse_problem(&e)],
    };
    let value = &document.value;
    let findings = match resume_schema::check(value) {
        Ok(findings) => findings,
        Err(e) => {
            return vec![Diagnostic {
                rule: SCHEMA,
                ..file_error(format!("internal error: the embedded schema: {e}"))
            }];
        }
    };

    let mut own: Vec<Diagnostic> = Vec::new();
    for finding in &findings {
        // A word such as "Present" as an end date breaks the schema's pattern, but the renderer
        // understands it: a warning, as the schema's way is to leave endDate out.
        let word_for_now = matches!(finding.kind, Kind::Pattern(_))
            && finding.value.as_str().is_some_and(|s| !s.trim().is_empty())
            && messages::read_as_ongoing(&finding.path, finding.value);
        let (severity, rule) = match finding.kind {
            Kind::Calendar => (Severity::Error, RENDER),
            Kind::Format(_) => (Severity::Warning, SCHEMA),
            _ if word_for_now => (Severity::Warning, SCHEMA),
            _ => (Severity::Error, SCHEMA),
        };
        own.push(Diagnostic::new(
            severity,
            rule,
            finding.path.as_str(),
            messages::schema_message(finding),
        ));
    }
    for (path, message) in render::renderer_findings(&parsed.resume, value) {
        own.push(Diagnostic::new(Severity::Warning, RENDER, path, message));
    }

    // One error per value is enough; the reader's view of a broken value adds nothing.
    let error_paths: HashSet<String> = own
        .iter()
        .filter(|p| p.is_error())
        .map(|p| p.path.clone())
        .collect();
    let reader_paths: HashSet<&str> = parsed.warnings.iter().map(|w| w.path.as_str()).collect();
    own.retain(|p| {
        p.is_error()
            || !(error_paths.contains(&p.path)
                || (p.rule == SCHEMA && reader_paths.contains(p.path.as_str())))
    });
    let mut wanted: HashSet<&str> = HashSet::new();
    for p in &own {
        let mut path = Some(p.path.as_str());
        while let Some(at) = path {
            wanted.insert(at);
            path = locate::parent(at);
        }
    }
    let positions = document.locate(&wanted);
    for p in &mut own {
        if let Some((line, column)) = position(&positions, &p.path) {
            (p.line, p.column) = (Some(line), Some(column));
        }
    }
    let mut problems = own;
    // The reader's notes lose nothing, but a file that needs them is not tidy: warnings here.
    problems.extend(
        parsed
            .warnings
            .into_iter()
            .filter(|w| !error_paths.contains(&w.path))
            .map(|w| Diagnostic {
                severity: Severity::Warning,
                ..w
            }),
    );
    problems.sort_by(|a, b| {
        (
            a.line.is_none(),
            a.line,
            a.column,
            Reverse(a.severity),
            &a.path,
        )
            .cmp(&(
                b.line.is_none(),
                b.line,
                b.column,
                Reverse(b.severity),
                &b.path,
            ))
    });
    problems
}

/// The position of the value at `path`, or of its nearest ancestor found in the text.
fn position(positions: &HashMap<String, (usize, usize)>, path: &str) -> Option<(usize, usize)> {
    let mut at = Some(path);
    while let Some(p) = at {
        if let Some(&found) = positions.get(p) {
            return Some(found);
        }
        at = locate::parent(p);
    }
    None
}

/// The one problem of a file the model could not read.
fn parse_problem(error: &ParseError) -> Diagnostic {
    match error {
        ParseError::Empty => file_error(error.to_string()),
        ParseError::Syntax {
            line,
            column,
            message,
        } => file_error(message.clone()).at(*line, *column),
        ParseError::NotAnObject {
            line,
            column,
            found,
        } => Diagnostic::new(
            Severity::Error,
            SCHEMA,
            "$",
            format!("expected an object `{{ … }}` at the top level, found {found}"),
        )
        .at(*line, *column),
    }
}
