//! Lengths with units: a bare number is points; strings take `pt`, `in`, `mm` or `cm`.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, de};

/// A length in PDF points (1/72 inch).
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Default)]
pub struct Length(pub f32);

impl Length {
    /// Points per inch.
    pub const INCH: f32 = 72.0;

    /// The length in points.
    pub fn pt(self) -> f32 {
        self.0
    }

    /// Parses `"0.75in"`, `"18mm"`, `"2cm"`, `"54pt"` or `"54"`.
    pub fn parse(text: &str) -> Result<Length, String> {
        let text = text.trim();
        let split = text
            .find(|c: char| c.is_ascii_alphabetic())
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let value: f32 = number.trim().parse().map_err(|_| {
            format!("`{text}` is not a length; write a number with a unit, e.g. \"0.75in\", \"18mm\", \"2cm\" or \"54pt\"")
        })?;
        let scale = match unit.trim() {
            "" | "pt" => 1.0,
            "in" => Self::INCH,
            "mm" => Self::INCH / 25.4,
            "cm" => Self::INCH / 2.54,
            other => {
                return Err(format!(
                    "unknown unit `{other}` in `{text}`; use pt, in, mm or cm"
                ));
            }
        };
        if !value.is_finite() || value < 0.0 {
            return Err(format!("`{text}` must be a length of zero or more"));
        }
        Ok(Length(value * scale))
    }
}

impl fmt::Display for Length {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}pt ({:.2}in)", self.0, self.0 / Self::INCH)
    }
}

impl<'de> Deserialize<'de> for Length {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Number(f32),
            Text(String),
        }
        match Raw::deserialize(deserializer)? {
            Raw::Number(n) if n.is_finite() && n >= 0.0 => Ok(Length(n)),
            Raw::Number(n) => Err(de::Error::custom(format!(
                "{n} is not a length of zero or more"
            ))),
            Raw::Text(t) => Length::parse(&t).map_err(de::Error::custom),
        }
    }
}

/// A number of points, or a string [`Length::parse`] reads.
impl JsonSchema for Length {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Length".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A length: a number of points (1/72 in), or a string with a unit: \"0.75in\", \"18mm\", \"2cm\", \"54pt\".",
            "oneOf": [
                { "type": "number", "minimum": 0 },
                {
                    "type": "string",
                    "pattern": "^\\s*([0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*(pt|in|mm|cm)?\\s*$"
                }
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units() {
        assert_eq!(Length::parse("0.75in").unwrap().pt(), 54.0);
        assert_eq!(Length::parse("54pt").unwrap().pt(), 54.0);
        assert_eq!(Length::parse("54").unwrap().pt(), 54.0);
        assert!((Length::parse("25.4mm").unwrap().pt() - 72.0).abs() < 1e-3);
        assert!((Length::parse("2.54 cm").unwrap().pt() - 72.0).abs() < 1e-3);
    }

    #[test]
    fn rejects_nonsense() {
        assert!(Length::parse("1ft").unwrap_err().contains("unknown unit"));
        assert!(Length::parse("wide").is_err());
        assert!(Length::parse("-3pt").is_err());
    }
}
