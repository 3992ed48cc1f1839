//! The text of a resume as a JSON value, from JSON or YAML, and where each value stands in it.
//!
//! The format is told from the text, not the file name, so standard input and a `.txt` file work
//! too: a JSON Resume is an object, so JSON text starts with `{` (or, wrongly, `[`); a file that
//! starts with a `//` or `/*` comment is JSON with comments, which gets a message that says so.
//! Anything else is YAML (see [`super::yaml`]). YAML that starts with a `{` flow mapping is read
//! as JSON, which it almost always is.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::diag::ParseError;
use super::{json, locate, yaml};

/// A resume document: its value, and how to find the source position of a value by JSON path.
pub(crate) struct Document<'t> {
    /// The whole document.
    pub(crate) value: Value,
    /// JSON paths of keys that repeat an earlier key of their object (the last value wins).
    pub(crate) duplicates: Vec<String>,
    positions: Positions<'t>,
}

enum Positions<'t> {
    /// JSON: the text is scanned for the paths asked for (cheaper than recording every value).
    Json(Cow<'t, str>),
    /// YAML: the parser recorded every value's position.
    Yaml(HashMap<String, (usize, usize)>),
}

impl<'t> Document<'t> {
    /// Reads `text` (a leading byte-order mark is ignored) as JSON or YAML.
    pub(crate) fn read(text: &'t str) -> Result<Document<'t>, ParseError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(ParseError::Empty);
        }
        // A bare `42` or `true` is JSON too, and is told so (a top level that is not an object).
        if is_json(text) || serde_json::from_str::<Value>(text).is_ok() {
            // A raw tab inside a text is not allowed in JSON; people paste them. Every tab reads
            // as a space (outside texts a tab is white space anyway; columns stay where they
            // were).
            let text = if text.contains('\t') {
                Cow::Owned(text.replace('\t', " "))
            } else {
                Cow::Borrowed(text)
            };
            let (value, duplicates) = json::parse(&text).map_err(|e| syntax_error(&text, &e))?;
            return Ok(Document {
                value,
                duplicates,
                positions: Positions::Json(text),
            });
        }
        let document = yaml::read(text)?;
        Ok(Document {
            value: document.value,
            duplicates: Vec::new(),
            positions: Positions::Yaml(document.positions),
        })
    }

    /// 1-based (line, column) of each of `paths` found in the source.
    pub(crate) fn locate(&self, paths: &HashSet<&str>) -> HashMap<String, (usize, usize)> {
        match &self.positions {
            Positions::Json(text) => locate::locate_paths(text, paths),
            Positions::Yaml(all) => paths
                .iter()
                .filter_map(|p| all.get(*p).map(|&at| (p.to_string(), at)))
                .collect(),
        }
    }

    /// Where the top-level value starts.
    pub(crate) fn root_position(&self) -> (usize, usize) {
        match &self.positions {
            Positions::Json(text) => locate::first_value_position(text),
            Positions::Yaml(all) => all.get("$").copied().unwrap_or((1, 1)),
        }
    }
}

/// Whether `text` (without a byte-order mark) is JSON rather than YAML.
fn is_json(text: &str) -> bool {
    let start = text.trim_start();
    start.starts_with(['{', '[']) || start.starts_with("//") || start.starts_with("/*")
}

/// Whether the text at 1-based `line` and byte `column` starts a `//` or `/* */` comment.
fn comment_at(text: &str, line: usize, byte_column: usize) -> bool {
    text.split('\n')
        .nth(line.saturating_sub(1))
        .and_then(|l| l.get(byte_column.saturating_sub(1)..))
        .is_some_and(|rest| rest.starts_with("//") || rest.starts_with("/*"))
}

/// Turns a `serde_json` error into a located message people can act on.
fn syntax_error(text: &str, e: &serde_json::Error) -> ParseError {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let raw = full.strip_suffix(&suffix).unwrap_or(&full);
    if comment_at(text, e.line(), e.column()) {
        let line = e.line().max(1);
        return ParseError::Syntax {
            line,
            column: locate::char_column(text, line, e.column()),
            message: "JSON has no comments: remove this `//` or `/* */` comment, or write the \
                      resume in YAML (a .yaml file, where `#` starts a comment)"
                .to_string(),
        };
    }
    let message = match raw {
        "EOF while parsing an object" => "the file ends before this object is closed: a `}` is missing".to_string(),
        "EOF while parsing a list" => "the file ends before this list is closed: a `]` is missing".to_string(),
        "EOF while parsing a string" => "the file ends inside a text: a closing `\"` is missing".to_string(),
        "EOF while parsing a value" => "the file ends where a value was expected".to_string(),
        "trailing comma" => "trailing comma: JSON allows no `,` before `}` or `]`".to_string(),
        "key must be a string" => "expected a key in double quotes, such as \"name\"".to_string(),
        "trailing characters" => "unexpected text after the end of the top-level object".to_string(),
        "expected value" => {
            "expected a value: text in double quotes, a number, true, false, null, `{ … }` or `[ … ]` \
             (JSON has no comments)"
                .to_string()
        }
        "expected ident" => "expected true, false or null (text must be in double quotes)".to_string(),
        m if m.starts_with("control character") => {
            "a line break or control character inside a text; write a line break as \\n".to_string()
        }
        m => m.to_string(),
    };
    let line = e.line().max(1);
    ParseError::Syntax {
        line,
        column: locate::char_column(text, line, e.column()),
        message,
    }
}
