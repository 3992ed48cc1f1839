//! The resume model: lenient parsing of JSON Resume 1.x (with pre-1.0 key names) and normalization.
//!
//! ```
//! use resumepdf::model::{self, EndDate};
//!
//! let parsed = model::parse(r#"{"work": [
//!     {"company": "Acme", "startDate": "2015-03", "endDate": "2018"},
//!     {"name": "Initech", "startDate": "2019/05", "endDate": "Present"}
//! ]}"#).unwrap();
//! let mut resume = parsed.resume;
//! model::normalize(&mut resume);
//! assert_eq!(resume.work[0].name.as_deref(), Some("Initech"));
//! assert_eq!(resume.work[0].end, EndDate::Ongoing);
//! // `company` is a pre-1.0 key and `2019/05` is not ISO: both are read, with info notes.
//! assert_eq!(parsed.warnings.len(), 2);
//! ```
//!
//! # Lenient rules
//!
//! The text may be JSON or YAML (`saphyr-parser`; every plain YAML value is read as text, except
//! `~`, `null` and an empty value). Only text that cannot be read, or whose top level is not an
//! object, is a [`ParseError`].
//! Everything else is read as far as it goes, and each repair or omission is reported as a
//! [`Diagnostic`] (rule [`RULE`]) with its JSON path and source position:
//!
//! - unknown keys are ignored (an unknown top-level section gets an info note);
//! - pre-1.0 keys are read as their 1.x names (info), the 1.x name wins if both are given;
//! - text is trimmed, empty text is "not given", empty list items and empty entries are dropped;
//! - a number where text is expected becomes text; a single text where a list is expected becomes
//!   a one-item list; a single object where a list of entries is expected becomes a one-entry
//!   list; a plain text entry in `skills`, `languages` or `interests` becomes that entry's name
//!   (all info);
//! - any other value of the wrong type (an object or list where text is expected, text where an
//!   object is expected, `true`/`false`, …) is skipped (warning);
//! - dates: see [`PartialDate`], [`DateValue`] and [`EndDate`]; other common ways of writing a date
//!   (`2019/05`, `05/2019`, `2019.05`, `14.05.2019`, `May 2019`, `2019-05-14T10:00`, a trailing
//!   `(remark)`) are read with an info note; anything else is kept as text (warning).

mod convert;
mod date;
mod diag;
mod json;
mod language;
mod link;
pub(crate) mod locate;
mod normalize;
pub(crate) mod source;
mod types;
mod yaml;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::diagnostic::{Diagnostic, Severity};

pub use date::{DateError, DateValue, EndDate, PartialDate};
pub use diag::ParseError;
pub use link::{MAX_LINK_LEN, is_email_address, link_target};
pub use normalize::normalize;
pub use types::{
    Award, Basics, Certificate, Dated, Education, Interest, Language, Location, Meta, Profile,
    Project, Publication, Reference, Resume, Skill, Volunteer, Work,
};

/// The rule id of what the reader repaired or skipped: `validate` reports it under its `render`
/// check, as what the renderer will make of the file.
pub const RULE: &str = "render";

/// The result of [`parse`]: the resume in input order, and what was repaired or skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Parsed {
    /// The resume, in the order of the file (call [`normalize`] before rendering).
    pub resume: Resume,
    /// Notes ([`Severity::Info`]) and warnings, in source order; paths use the indices of the file.
    pub warnings: Vec<Diagnostic>,
}

impl Parsed {
    /// The entries of [`Parsed::warnings`] with [`Severity::Warning`] (something was skipped).
    pub fn real_warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.warnings.iter().filter(|w| w.is_warning_or_worse())
    }
}

/// Reads a JSON Resume document, written in JSON or YAML, leniently (see the [module docs](self)
/// for the rules).
///
/// The resume keeps the order of the file so that warning paths match it; call [`normalize`] to
/// sort it. A leading byte-order mark is ignored. Text whose first character is not `{`, `[` or
/// `/` is read as YAML (a JSON Resume is an object, so JSON starts with `{`), with the same model
/// and located warnings.
///
/// # Errors
///
/// [`ParseError::Empty`] for blank text, [`ParseError::Syntax`] for text that is not JSON (or
/// YAML), and
/// [`ParseError::NotAnObject`] when the top-level value is not an object. Nothing else fails.
pub fn parse(text: &str) -> Result<Parsed, ParseError> {
    parse_inspecting(text, |_| ()).map(|(parsed, ())| parsed)
}

/// [`parse`], also handing `inspect` the document as a JSON value before it is converted, for a
/// caller that needs more from the source than the model (such as the characters of its texts,
/// which fonts must draw) without reading it a second time. For text that is not a JSON or YAML
/// object `inspect` is not called.
///
/// # Errors
///
/// As [`parse`].
pub fn parse_inspecting<T>(
    text: &str,
    inspect: impl FnOnce(&Value) -> T,
) -> Result<(Parsed, T), ParseError> {
    let document = source::Document::read(text)?;
    let value = &document.value;
    let Value::Object(root) = value else {
        let (line, column) = document.root_position();
        return Err(ParseError::NotAnObject {
            line,
            column,
            found: convert::describe(value),
        });
    };
    let inspected = inspect(value);
    let mut cx = convert::Cx::default();
    let mut resume = convert::resume(&mut cx, root);
    if resume.meta.language.is_none() {
        resume.meta.language = language::guess(value).map(str::to_string);
    }
    let mut warnings = cx.warnings;
    warnings.extend(document.duplicates.iter().map(|path| {
        Diagnostic::new(
            Severity::Warning,
            RULE,
            path.clone(),
            "this key appears twice in its object; the second value is used and the first is \
             ignored",
        )
    }));
    if !warnings.is_empty() {
        let paths = warnings.iter().map(|w| w.path.as_str()).collect();
        let positions = document.locate(&paths);
        for w in &mut warnings {
            if let Some(&(line, column)) = positions.get(&w.path) {
                (w.line, w.column) = (Some(line), Some(column));
            }
        }
        // Source order; warnings without a position last.
        warnings.sort_by_key(|w| (w.line.is_none(), w.line, w.column));
    }
    Ok((Parsed { resume, warnings }, inspected))
}

impl<'de> Deserialize<'de> for Resume {
    /// Reads leniently, as [`parse`] does, discarding the warnings; fails only if the value is not
    /// an object.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::Object(root) => Ok(convert::resume(&mut convert::Cx::default(), &root)),
            other => Err(serde::de::Error::custom(format!(
                "a resume must be a JSON object, found {}",
                convert::describe(&other)
            ))),
        }
    }
}
