//! The [`ParseError`] for files that cannot be read at all; everything else the reader notices is a
//! [`Diagnostic`](crate::diagnostic::Diagnostic).

/// Why a resume file could not be read at all. Everything else is a
/// [`Diagnostic`](crate::diagnostic::Diagnostic).
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
