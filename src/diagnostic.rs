//! One shape for everything the crate reports about its input — what the reader repaired or
//! skipped, what `validate` and `check` found, which typographic rule a layout breaks — with one
//! text printer and one JSON printer, so that every command prints problems the same way.
//!
//! ```
//! use resumepdf::diagnostic::{Diagnostic, Severity};
//!
//! let d = Diagnostic::new(Severity::Error, "render", "$.work[0].startDate", "not a date \u{1b}[2J")
//!     .at(2, 42);
//! assert_eq!(
//!     d.to_text(Some("cv.json")),
//!     "cv.json:2:42: error: $.work[0].startDate: not a date \\u{1b}[2J"
//! );
//! ```
//!
//! This module is at the bottom of the crate: it uses no other module of it.

use std::fmt::Write;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

/// How much a [`Diagnostic`] matters; ordered from least to most.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing, nothing lost: an old key name read as its new one, a date written in
    /// another common form, a check rule that costs no points.
    Info,
    /// Something was skipped, kept only as text or weakens the resume; fails `--strict`.
    Warning,
    /// The input does not conform, or is wrong in a way a reader notices at once.
    Error,
}

impl Severity {
    /// `"info"`, `"warning"` or `"error"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Info, warning or error.
    pub severity: Severity,
    /// A stable identifier of the rule or check that found it: `contact.email-missing` (the part
    /// before the dot is the `check` category), `json`, `schema` or `render` (the checks of
    /// `validate`; `render` is also what the lenient reader reports), `layout` (a layout's
    /// typographic rules).
    pub rule: &'static str,
    /// Where: the JSON path of the value in the resume file, e.g. `$.work[2].startDate` (indices
    /// are those of the file); for a layout, its dotted field, e.g. `sizes.body`. Empty when the
    /// problem is not about one value (a file that is not JSON, a character no font has).
    pub path: String,
    /// 1-based line of the value in the source text, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters) of the value, when known.
    pub column: Option<usize>,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it, when there is more to say than the message does.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic without a position or hint.
    pub fn new(
        severity: Severity,
        rule: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            rule,
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    /// The same diagnostic at 1-based `line` and `column`.
    #[must_use]
    pub fn at(self, line: usize, column: usize) -> Diagnostic {
        Diagnostic {
            line: Some(line),
            column: Some(column),
            ..self
        }
    }

    /// The same diagnostic with a hint.
    #[must_use]
    pub fn with_hint(self, hint: impl Into<String>) -> Diagnostic {
        Diagnostic {
            hint: Some(hint.into()),
            ..self
        }
    }

    /// True for [`Severity::Error`].
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// True for [`Severity::Warning`] and [`Severity::Error`]: something was lost or is wrong.
    pub fn is_warning_or_worse(&self) -> bool {
        self.severity >= Severity::Warning
    }

    /// The text printer: `source:line:col: severity: $.path: message`, the source left out when
    /// `None`, the position when unknown, the path when empty; a hint follows on its own line as
    /// `  hint: …`. Control characters (from the input, e.g. an escape sequence in a date) are
    /// written as `\u{1b}` so that nothing reaches the terminal raw.
    pub fn to_text(&self, source: Option<&str>) -> String {
        let mut out = String::new();
        if let Some(source) = source {
            out.push_str(&escape(source));
            out.push(':');
        }
        if let Some(line) = self.line {
            let _ = write!(out, "{line}:");
            if let Some(column) = self.column {
                let _ = write!(out, "{column}:");
            }
        }
        if !out.is_empty() {
            out.push(' ');
        }
        let _ = write!(out, "{}: {}", self.severity, self.to_short_text());
        if let Some(hint) = &self.hint {
            let _ = write!(out, "\n  hint: {}", escape(hint));
        }
        out
    }

    /// `$.path: message` (just the message when the path is empty), escaped as in
    /// [`Diagnostic::to_text`]: for reports that show the source and severity their own way
    /// (grouped by severity in `check`, under the layout's name for a layout).
    pub fn to_short_text(&self) -> String {
        if self.path.is_empty() {
            escape(&self.message)
        } else {
            format!("{}: {}", escape(&self.path), escape(&self.message))
        }
    }

    /// The JSON printer: this diagnostic as one JSON record (see [`JsonRecord`]).
    pub fn to_json<'a>(&'a self, fields: JsonFields<'a>) -> JsonRecord<'a> {
        JsonRecord {
            diagnostic: self,
            fields,
        }
    }
}

impl std::fmt::Display for Diagnostic {
    /// [`Diagnostic::to_text`] without a source: `line:col: severity: $.path: message`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_text(None))
    }
}

/// What a command's JSON records hold besides the diagnostic's own fields, and the names it
/// published for them: scripts read `validate`'s `check` and `check`'s `suggestion`, so those
/// names stay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonFields<'a> {
    /// The input file, as a leading `file` field (for reports that cover several files).
    pub file: Option<&'a str>,
    /// Whether to write `line` and `column` (`null` when unknown).
    pub position: bool,
    /// A `category` field written after `severity` (the category of a `check` rule).
    pub category: Option<&'a str>,
    /// The name of the rule's field.
    pub rule: &'static str,
    /// The name of the hint's field; the hint is left out when there is none.
    pub hint: &'static str,
}

impl Default for JsonFields<'_> {
    /// No file and no category; the position, `rule` and `hint`.
    fn default() -> Self {
        JsonFields {
            file: None,
            position: true,
            category: None,
            rule: "rule",
            hint: "hint",
        }
    }
}

/// A [`Diagnostic`] as a JSON object, fields in this order: `file` (when given), `line`, `column`
/// (when asked for; `null` when unknown), `path` (`null` when empty), `severity`, `category`
/// (when given), the rule, `message`, the hint (when there is one). Texts are written as JSON
/// strings, so control characters are escaped by JSON itself.
#[derive(Clone, Copy, Debug)]
pub struct JsonRecord<'a> {
    diagnostic: &'a Diagnostic,
    fields: JsonFields<'a>,
}

impl Serialize for JsonRecord<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (d, fields) = (self.diagnostic, &self.fields);
        let mut map = serializer.serialize_map(None)?;
        if let Some(file) = fields.file {
            map.serialize_entry("file", file)?;
        }
        if fields.position {
            map.serialize_entry("line", &d.line)?;
            map.serialize_entry("column", &d.line.and(d.column))?;
        }
        map.serialize_entry("path", &(!d.path.is_empty()).then_some(d.path.as_str()))?;
        map.serialize_entry("severity", &d.severity)?;
        if let Some(category) = fields.category {
            map.serialize_entry("category", category)?;
        }
        map.serialize_entry(fields.rule, d.rule)?;
        map.serialize_entry("message", &d.message)?;
        if let Some(hint) = &d.hint {
            map.serialize_entry(fields.hint, hint)?;
        }
        map.end()
    }
}

/// `text` with every control character (C0, DEL, C1: line breaks, escape sequences, …) written
/// as a Rust-style `\u{1b}` escape, for printing to a terminal.
pub fn escape(text: &str) -> String {
    escape_but(text, |_| false)
}

/// [`escape`] for a message of several lines: its line breaks are kept.
pub fn escape_lines(text: &str) -> String {
    escape_but(text, |c| c == '\n')
}

/// `text` with every control character but those `keep` allows written as an escape.
fn escape_but(text: &str, keep: impl Fn(char) -> bool) -> String {
    let escaped = |c: char| c.is_control() && !keep(c);
    if !text.chars().any(escaped) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if escaped(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostic {
        Diagnostic::new(Severity::Warning, "render", "$.x", "m")
    }

    #[test]
    fn text_leaves_out_what_is_unknown() {
        assert_eq!(
            sample().at(3, 7).to_text(Some("a.json")),
            "a.json:3:7: warning: $.x: m"
        );
        assert_eq!(sample().to_text(Some("a.json")), "a.json: warning: $.x: m");
        assert_eq!(sample().to_text(None), "warning: $.x: m");
        assert_eq!(sample().at(3, 7).to_string(), "3:7: warning: $.x: m");
        let whole_file = Diagnostic::new(Severity::Error, "json", "", "empty");
        assert_eq!(whole_file.to_text(Some("a.json")), "a.json: error: empty");
        assert_eq!(
            sample().with_hint("do this").to_text(None),
            "warning: $.x: m\n  hint: do this"
        );
        assert_eq!(sample().to_short_text(), "$.x: m");
    }

    #[test]
    fn control_characters_are_escaped_in_text() {
        let d = Diagnostic::new(
            Severity::Warning,
            "render",
            "$[\"a\u{7}\"]",
            "`2019-13\u{1b}[2J` kept\nas text\u{9b}",
        )
        .with_hint("\u{0}");
        assert_eq!(
            d.to_text(Some("x\u{1b}.json")),
            "x\\u{1b}.json: warning: $[\"a\\u{7}\"]: `2019-13\\u{1b}[2J` kept\\u{a}as text\\u{9b}\n  hint: \\u{0}"
        );
        assert_eq!(escape("plain — ünïcode"), "plain — ünïcode");
    }

    #[test]
    fn json_records_name_their_fields_as_asked() {
        let json = |d: &Diagnostic, fields| serde_json::to_string(&d.to_json(fields)).unwrap();
        assert_eq!(
            json(&sample().at(2, 3), JsonFields::default()),
            r#"{"line":2,"column":3,"path":"$.x","severity":"warning","rule":"render","message":"m"}"#
        );
        let validate = JsonFields {
            file: Some("a.json"),
            rule: "check",
            ..JsonFields::default()
        };
        let whole_file = Diagnostic::new(Severity::Error, "json", "", "m\u{1b}");
        assert_eq!(
            json(&whole_file, validate),
            r#"{"file":"a.json","line":null,"column":null,"path":null,"severity":"error","check":"json","message":"m\u001b"}"#
        );
        let check = JsonFields {
            position: false,
            category: Some("contact"),
            hint: "suggestion",
            ..JsonFields::default()
        };
        assert_eq!(
            json(&sample().with_hint("h"), check),
            r#"{"path":"$.x","severity":"warning","category":"contact","rule":"render","message":"m","suggestion":"h"}"#
        );
    }

    #[test]
    fn severities_order_from_least_to_most() {
        assert!(Severity::Info < Severity::Warning && Severity::Warning < Severity::Error);
        assert!(sample().is_warning_or_worse() && !sample().is_error());
    }
}
