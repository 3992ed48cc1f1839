//! How problems are worded: one place for the phrases people read.

use serde_json::Value;

use super::resume_schema::{Finding, Kind, article_name};
use crate::model::{self, DateError, PartialDate};

/// The accepted date shapes, as the messages name them.
const DATE_SHAPES: &str = "YYYY, YYYY-MM or YYYY-MM-DD";

/// For a date with the schema's shape that is not on the calendar, e.g. `2019-13`.
fn calendar_message(text: &str, error: &DateError) -> String {
    format!(
        "{} is not a date (expected {DATE_SHAPES}): {error}",
        quote(text)
    )
}

/// The message for a failed schema check.
pub(super) fn schema_message(finding: &Finding) -> String {
    let is_date = finding.is_date;
    match &finding.kind {
        Kind::Type(_) if is_date => format!(
            "expected a date as text ({DATE_SHAPES}), found {}{}",
            describe(finding.value),
            end_date_hint(&finding.path, finding.value)
        ),
        Kind::Type(types) => {
            let names: Vec<&str> = types.iter().map(|t| article_name(*t)).collect();
            format!(
                "expected {}, found {}",
                names.join(" or "),
                describe(finding.value)
            )
        }
        Kind::Pattern(_) if is_date => format!(
            "{} is not a date (expected {DATE_SHAPES}){}",
            quote_value(finding.value),
            end_date_hint(&finding.path, finding.value)
        ),
        Kind::Pattern(pattern) => format!(
            "{} does not match the pattern {}",
            quote_value(finding.value),
            quote(pattern)
        ),
        Kind::Format(format) if format == "uri" => format!(
            "{} is not a full URI such as https://example.com/me (schema format \"uri\")",
            quote_value(finding.value)
        ),
        Kind::Format(format) if format == "email" => format!(
            "{} is not an e-mail address such as name@example.com (schema format \"email\")",
            quote_value(finding.value)
        ),
        Kind::Format(format) => format!(
            "{} is not of the schema format {}",
            quote_value(finding.value),
            quote(format)
        ),
        Kind::Calendar => {
            let text = finding.value.as_str().unwrap_or_default();
            match text.parse::<PartialDate>() {
                Err(error) => calendar_message(text, &error),
                Ok(_) => format!("{} is not a date", quote(text)),
            }
        }
        Kind::Other(message) => message.clone(),
    }
}

/// For an end date the renderer reads as ongoing (`"Present"`, `"至今"`, `""`, `null`): how the
/// schema wants that said. Asks the model, so its list of words for "present" is the only one.
fn end_date_hint(path: &str, value: &Value) -> &'static str {
    if read_as_ongoing(path, value) {
        "; the renderer reads it as ongoing, but the schema's way is to leave endDate out"
    } else {
        ""
    }
}

/// Whether the renderer reads this `endDate` value as "still going on" (asks the model, so its
/// list of words for "present" is the only one).
pub(super) fn read_as_ongoing(path: &str, value: &Value) -> bool {
    if !path.ends_with(".endDate") {
        return false;
    }
    let probe = serde_json::json!({"work": [{"name": "probe", "endDate": value}]});
    model::parse(&probe.to_string())
        .is_ok_and(|p| p.resume.work.first().is_some_and(|w| w.end.is_ongoing()))
}

/// `null`, `true`, `the number 42`, `the text "…"`, `an array`, `an object`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => format!("the number {n}"),
        Value::String(s) => format!("the text {}", quote(s)),
        Value::Array(_) => "an array".to_string(),
        Value::Object(_) => "an object".to_string(),
    }
}

/// A string value quoted as JSON (shortened if long); other values as [`describe`] says.
fn quote_value(value: &Value) -> String {
    match value {
        Value::String(s) => quote(s),
        other => describe(other),
    }
}

/// `text` as a JSON string literal, cut to 60 characters with `…`.
pub(super) fn quote(text: &str) -> String {
    const MAX: usize = 60;
    let shown: String = if text.chars().count() > MAX {
        text.chars().take(MAX).chain(['…']).collect()
    } else {
        text.to_string()
    };
    Value::from(shown).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_json_and_short() {
        assert_eq!(quote("a\"b"), r#""a\"b""#);
        let long = "x".repeat(100);
        assert_eq!(quote(&long), format!("\"{}…\"", "x".repeat(60)));
    }
}
