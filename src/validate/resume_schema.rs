//! The JSON Resume schema, checked by the `jsonschema` crate, and its failures as [`Finding`]s.
//!
//! The calendar check rides along as one more `format` on the schema's date definition, so every
//! value the schema takes as a date (and only those) is also checked on the calendar by the
//! model's date parser, without a walker of our own.

use std::sync::OnceLock;

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use jsonschema::{JsonType, Validator};
use serde_json::Value;

use super::SCHEMA_JSON;
use super::locate::{push_index, push_key};
use crate::model::{PartialDate, is_email_address};

/// The schema definition used for every date.
const DATE_DEFINITION: &str = "iso8601";

/// The `format` added to the date definition: a date on the calendar, as the model reads it.
const CALENDAR_FORMAT: &str = "resumepdf-calendar-date";

/// What a value failed.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    /// `type`: the value is none of these.
    Type(Vec<JsonType>),
    /// `pattern`: the text does not match this pattern.
    Pattern(String),
    /// `format` `uri` or `email` (an annotation in draft-07: a warning).
    Format(String),
    /// Has the date shape (or not: then a [`Kind::Pattern`] finding is at the same path) but is
    /// not on the calendar.
    Calendar,
    /// Any other keyword, with the validator's own words (the schema uses no other today).
    Other(String),
}

/// One failed check, at one value.
#[derive(Clone, Debug)]
pub(super) struct Finding<'v> {
    /// JSON path of the value, e.g. `$.work[2].startDate`.
    pub(super) path: String,
    /// The value that failed.
    pub(super) value: &'v Value,
    /// What it failed.
    pub(super) kind: Kind,
    /// Whether the failed keyword belongs to the schema's date definition.
    pub(super) is_date: bool,
}

/// Every failure of `value` against the embedded schema, or why the schema could not be built.
pub(super) fn check(value: &Value) -> Result<Vec<Finding<'_>>, String> {
    let validator = validator()?;
    let mut findings: Vec<Finding> = validator
        .iter_errors(value)
        .map(|error| {
            let mut path = String::from("$");
            for segment in error.instance_path() {
                match segment {
                    LocationSegment::Property(key) => push_key(&mut path, &key),
                    LocationSegment::Index(index) => push_index(&mut path, index),
                }
            }
            let is_date = error
                .absolute_keyword_location()
                .is_some_and(|at| at.as_str().contains(DATE_DEFINITION));
            let kind = match error.kind() {
                ValidationErrorKind::Type { kind } => Kind::Type(match kind {
                    TypeKind::Single(one) => vec![*one],
                    TypeKind::Multiple(set) => set.iter().collect(),
                }),
                ValidationErrorKind::Pattern { pattern } => Kind::Pattern(pattern.clone()),
                ValidationErrorKind::Format { format } if format == CALENDAR_FORMAT => {
                    Kind::Calendar
                }
                ValidationErrorKind::Format { format } => Kind::Format(format.clone()),
                _ => Kind::Other(error.to_string()),
            };
            Finding {
                value: value.pointer(&pointer(&error)).unwrap_or(&Value::Null),
                path,
                kind,
                is_date,
            }
        })
        .collect();
    // A value that does not have the date shape gets the pattern's finding, not a calendar one.
    let shapeless: Vec<String> = findings
        .iter()
        .filter(|f| matches!(f.kind, Kind::Pattern(_)))
        .map(|f| f.path.clone())
        .collect();
    findings.retain(|f| !(f.kind == Kind::Calendar && shapeless.contains(&f.path)));
    Ok(findings)
}

/// The JSON pointer of the failing value (`/work/2/startDate`).
fn pointer(error: &jsonschema::ValidationError<'_>) -> String {
    error.instance_path().to_string()
}

/// The validator of the embedded schema (built once): draft-07, formats checked (reported as
/// warnings; `email` by the crate's one e-mail rule, the one `check` uses), the calendar format
/// added to the date definition. Nothing is fetched: the schema
/// has no remote references and the crate is built without its resolvers.
fn validator() -> Result<&'static Validator, String> {
    static VALIDATOR: OnceLock<Result<Validator, String>> = OnceLock::new();
    VALIDATOR
        .get_or_init(|| {
            let mut document: Value =
                serde_json::from_str(SCHEMA_JSON).map_err(|e| format!("not JSON: {e}"))?;
            let date = document
                .pointer_mut(&format!("/definitions/{DATE_DEFINITION}"))
                .and_then(Value::as_object_mut)
                .ok_or("the schema has no date definition")?;
            date.insert("format".to_string(), Value::from(CALENDAR_FORMAT));
            jsonschema::draft7::options()
                .should_validate_formats(true)
                .with_format(CALENDAR_FORMAT, |text: &str| {
                    text.parse::<PartialDate>().is_ok()
                })
                .with_format("email", is_email_address)
                .build(&document)
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// "a string", "an object", … for messages.
pub(super) fn article_name(kind: JsonType) -> &'static str {
    match kind {
        JsonType::Null => "null",
        JsonType::Boolean => "true or false",
        JsonType::Object => "an object",
        JsonType::Array => "an array",
        JsonType::Number => "a number",
        JsonType::Integer => "a whole number",
        JsonType::String => "a string",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_schema_builds_with_its_date_definition() {
        assert!(validator().is_ok(), "{:?}", validator().err());
        let document: Value = serde_json::from_str(SCHEMA_JSON).unwrap_or_default();
        assert!(
            document["$comment"]
                .as_str()
                .is_some_and(|c| c.contains("MIT"))
        );
        let resume = serde_json::json!({"work": [{"startDate": "2019-13"}]});
        let findings = check(&resume).unwrap_or_default();
        assert_eq!(findings.len(), 1);
        assert_eq!(
            (
                findings[0].path.as_str(),
                &findings[0].kind,
                findings[0].is_date
            ),
            ("$.work[0].startDate", &Kind::Calendar, true)
        );
        // `email` is the crate's one e-mail rule (the one `check` uses): `a@b` has no dot.
        let resume = serde_json::json!({"basics": {"email": "a@b"}});
        let findings = check(&resume).unwrap_or_default();
        assert_eq!(
            findings.iter().map(|f| &f.kind).collect::<Vec<_>>(),
            vec![&Kind::Format("email".to_string())]
        );
    }
}
