//! Diagnostics: [`Warning`]s about what was repaired or skipped, and the [`ParseError`] for files that
//! cannot be read at all.

use std::fmt;

/// How much a [`Warning`] matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Nothing was lost: an old key name, a value converted to the expected type, a date written in
    /// another common form.
    Info,
    /// Something was skipped or kept only as text: a value of the wrong type, a date that could not
    /// be read.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
        })
    }
}

/// A problem found while reading a resume that did not stop the file from being read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// JSON path of the value, e.g. `$.work[2].startDate` (indices are those of the input file).
    pub path: String,
    /// 1-based line of the value in the source text; 0 when unknown.
    pub line: usize,
    /// 1-based column (in characters) of the value; 0 when unknown.
    pub column: usize,
    /// Info (nothing lost) or warning (something skipped or kept as text).
    pub severity: Severity,
    /// What happened, in plain words.
    pub message: String,
}

impl Warning {
    /// True for [`Severity::Warning`].
    pub fn is_warning(&self) -> bool {
        self.severity == Severity::Warning
    }
}

impl fmt::Display for Warning {
    /// `12:5: warning: $.work[2].startDate: …` (the position is left out when unknown).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: ", self.line, self.column)?;
        }
        write!(f, "{}: {}: {}", self.severity, self.path, self.message)
    }
}

/// Why a resume file could not be read at all. Everything else is a [`Warning`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// The text is empty or only whitespace.
    #[error(
        "the file is empty; a resume is a JSON object such as {{\"basics\": {{\"name\": \"…\"}}}}"
    )]
    Empty,
    /// The text is not valid JSON.
    #[error("{line}:{column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column, in characters.
        column: usize,
        /// What is wrong, e.g. "expected `,` or `}`".
        message: String,
    },
    /// Valid JSON whose top level is not an object.
    #[error("{line}:{column}: the top level must be a JSON object `{{ … }}`, found {found}")]
    NotAnObject {
        /// 1-based line of the top-level value.
        line: usize,
        /// 1-based column of the top-level value.
        column: usize,
        /// What was found instead, e.g. "an array".
        found: &'static str,
    },
}

impl ParseError {
    /// 1-based line and column of the problem, if it has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ParseError::Empty => None,
            ParseError::Syntax { line, column, .. }
            | ParseError::NotAnObject { line, column, .. } => Some((*line, *column)),
        }
    }
}
