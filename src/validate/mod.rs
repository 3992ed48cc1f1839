//! `resumepdf validate`: checks resume files against the JSON Resume schema and against what the
//! renderer needs, reporting every problem with its file, line, column and JSON path.
//!
//! ```
//! use resumepdf::validate::{self, Severity};
//!
//! let text = "{\"basics\": {\"name\": \"Ann\"},\n  \"work\": [{\"name\": \"Acme\", \"startDate\": \"2019-13\"}]\n}";
//! let problems = validate::validate_text("cv.json", text);
//! assert_eq!(
//!     problems[0].to_string(),
//!     "cv.json:2:42: error: $.work[0].startDate: \"2019-13\" is not a date \
//!      (expected YYYY, YYYY-MM or YYYY-MM-DD): month 13 is not between 1 and 12"
//! );
//! assert!(!validate::passes(&problems, false));
//! ```
//!
//! # What is checked
//!
//! - **JSON** ([`Check::Json`], errors): the file must be readable JSON whose top level is an
//!   object; the position of a syntax error is given.
//! - **Schema** ([`Check::Schema`]): the embedded JSON Resume schema (draft-07, the `schema.json` of
//!   `@jsonresume/schema` 1.2.1, unchanged in validation up to 1.3.1), checked by the `jsonschema`
//!   crate (built without its network and file resolvers: nothing is fetched). A value of the wrong type or a date that
//!   does not match the schema's pattern is an error. `format` (`uri`, `email`) is an annotation in
//!   draft-07, and the schema's own fixtures accept `"$schema": "foo-bar-baz"`, so a value that is
//!   not a URI or e-mail address is a warning.
//! - **Renderer** ([`Check::Render`]): a date that has the right shape but is not on the calendar
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

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use crate::model::{self, ParseError};
pub use output::{json_report, text_report};
use resume_schema::Kind;

/// The JSON Resume schema, as published (plus a `$comment` with its source and licence).
pub const SCHEMA_JSON: &str = include_str!("schema.json");

/// How much a [`Problem`] matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file does not conform: `validate` exits with 1.
    Error,
    /// Worth fixing, but the file conforms: `validate` exits with 0 unless `--strict` is given.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which check found a [`Problem`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Check {
    /// The file could not be read, or is not a JSON object.
    Json,
    /// The JSON Resume schema.
    Schema,
    /// What the renderer needs: calendar dates, and what the lenient reader repairs or skips.
    Render,
}

impl Check {
    /// `"json"`, `"schema"` or `"render"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Check::Json => "json",
            Check::Schema => "schema",
            Check::Render => "render",
        }
    }
}

/// One problem in one file.
///
/// Displays as `file:line:col: severity: $.json.path: message`; the position is left out when
/// unknown and the path when the problem is not about one value (malformed JSON).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, as named on the command line (`<stdin>` for standard input).
    pub file: String,
    /// 1-based line of the value (or of the syntax error); 0 when unknown.
    pub line: usize,
    /// 1-based column, in characters; 0 when unknown.
    pub column: usize,
    /// JSON path of the value, e.g. `$.work[2].startDate`; empty for a file that is not JSON.
    pub path: String,
    /// Error or warning.
    pub severity: Severity,
    /// Which check found it.
    pub check: Check,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Problem {
    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.file)?;
        if self.line > 0 {
            write!(f, "{}:{}:", self.line, self.column)?;
        }
        write!(f, " {}: ", self.severity)?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// Whether a file with these problems passes: no errors, and with `strict` no warnings either.
pub fn passes(problems: &[Problem], strict: bool) -> bool {
    problems
        .iter()
        .all(|p| !(p.is_error() || (strict && p.severity == Severity::Warning)))
}

/// Reads and checks one file; `file` names it in the problems. A file that cannot be read gives
/// one error.
pub fn validate_file(path: &Path) -> Vec<Problem> {
    let name = path.display().to_string();
    match crate::read::read_text(path, crate::read::RESUME) {
        Ok(text) => validate_text(&name, &text),
        Err(e) => vec![file_problem(&name, format!("cannot read the file: {e}"))],
    }
}

/// A problem with the whole file (no position, no path).
pub fn file_problem(file: &str, message: String) -> Problem {
    Problem {
        file: file.to_string(),
        line: 0,
        column: 0,
        path: String::new(),
        severity: Severity::Error,
        check: Check::Json,
        message,
    }
}

/// Checks the text of one resume and returns every problem, in source order (errors before
/// warnings at the same position). `file` is only used to name the file in the problems.
pub fn validate_text(file: &str, text: &str) -> Vec<Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let parsed = match model::parse(text) {
        Ok(parsed) => parsed,
        Err(e) => return vec![parse_problem(file, &e)],
    };
    let document = match model::source::Document::read(text) {
        Ok(document) => document,
        // The model read it, so this does not happen; report rather than panic.
        Err(e) => return vec![parse_problem(file, &e)],
    };
    let value = &document.value;
    let findings = match resume_schema::check(value) {
        Ok(findings) => findings,
        Err(e) => {
            return vec![Problem {
                check: Check::Schema,
                ..file_problem(file, format!("internal error: the embedded schema: {e}"))
            }];
        }
    };

    let mut own: Vec<Problem> = Vec::new();
    let problem = |path: &str, severity, check, message: String| Problem {
        file: file.to_string(),
        line: 0,
        column: 0,
        path: path.to_string(),
        severity,
        check,
        message,
    };
    for finding in &findings {
        // A word such as "Present" as an end date breaks the schema's pattern, but the renderer
        // understands it: a warning, as the schema's way is to leave endDate out.
        let word_for_now = matches!(finding.kind, Kind::Pattern(_))
            && finding.value.as_str().is_some_and(|s| !s.trim().is_empty())
            && messages::read_as_ongoing(&finding.path, finding.value);
        let (severity, check) = match finding.kind {
            Kind::Calendar => (Severity::Error, Check::Render),
            Kind::Format(_) => (Severity::Warning, Check::Schema),
            _ if word_for_now => (Severity::Warning, Check::Schema),
            _ => (Severity::Error, Check::Schema),
        };
        own.push(problem(
            &finding.path,
            severity,
            check,
            messages::schema_message(finding),
        ));
    }
    for (path, message) in render::renderer_findings(&parsed.resume, value) {
        own.push(problem(&path, Severity::Warning, Check::Render, message));
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
                || (p.check == Check::Schema && reader_paths.contains(p.path.as_str())))
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
        (p.line, p.column) = position(&positions, &p.path);
    }
    let mut problems = own;
    problems.extend(
        parsed
            .warnings
            .iter()
            .filter(|w| !error_paths.contains(&w.path))
            .map(|w| Problem {
                file: file.to_string(),
                line: w.line,
                column: w.column,
                path: w.path.clone(),
                severity: Severity::Warning,
                check: Check::Render,
                message: w.message.clone(),
            }),
    );
    problems.sort_by(|a, b| {
        (a.line == 0, a.line, a.column, a.severity, &a.path).cmp(&(
            b.line == 0,
            b.line,
            b.column,
            b.severity,
            &b.path,
        ))
    });
    problems
}

/// The position of the value at `path`, or of its nearest ancestor found in the text, or (0, 0).
fn position(positions: &HashMap<String, (usize, usize)>, path: &str) -> (usize, usize) {
    let mut at = Some(path);
    while let Some(p) = at {
        if let Some(&found) = positions.get(p) {
            return found;
        }
        at = locate::parent(p);
    }
    (0, 0)
}

/// The one problem of a file the model could not read.
fn parse_problem(file: &str, error: &ParseError) -> Problem {
    let base = file_problem(file, error.to_string());
    match error {
        ParseError::Empty => base,
        ParseError::Syntax {
            line,
            column,
            message,
        } => Problem {
            line: *line,
            column: *column,
            message: message.clone(),
            ..base
        },
        ParseError::NotAnObject {
            line,
            column,
            found,
        } => Problem {
            line: *line,
            column: *column,
            path: "$".to_string(),
            check: Check::Schema,
            message: format!("expected an object `{{ … }}` at the top level, found {found}"),
            ..base
        },
    }
}
