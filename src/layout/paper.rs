//! Paper sizes, and which one a resume gets when neither the command line nor the layout says.
//!
//! Letter is the norm in the United States, Canada, Mexico, the Philippines and a few countries of
//! Central and South America; A4 everywhere else. The country comes from the resume's
//! `basics.location.countryCode`, else from the region of its language tag (`en-US`, `fr-CA`);
//! a language without a region means A4, except English (most English resumes without a country
//! are American) and no language at all, which keep Letter.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, de};

/// Supported paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaperSize {
    /// US Letter, 8.5 × 11 in.
    Letter,
    /// ISO A4, 210 × 297 mm.
    A4,
}

/// Countries (ISO 3166-1 alpha-2) whose standard paper is Letter.
const LETTER_COUNTRIES: [&str; 14] = [
    "US", "CA", "MX", "PH", "PR", "CL", "CO", "CR", "DO", "GT", "PA", "SV", "VE", "NI",
];

impl PaperSize {
    /// Width and height in points.
    pub fn dimensions(self) -> (f32, f32) {
        match self {
            PaperSize::Letter => (612.0, 792.0),
            PaperSize::A4 => (595.276, 841.89),
        }
    }

    /// The size named `name`, in any letter case (`a4`, `A4`, `Letter`).
    pub fn from_name(name: &str) -> Option<PaperSize> {
        match name.trim().to_ascii_lowercase().as_str() {
            "letter" => Some(PaperSize::Letter),
            "a4" => Some(PaperSize::A4),
            _ => None,
        }
    }

    /// The paper of a resume from its country code and language tag (see the module docs).
    pub fn for_region(country: Option<&str>, language: Option<&str>) -> PaperSize {
        let country = country.map(str::trim).filter(|c| c.len() == 2);
        let mut subtags = language.into_iter().flat_map(|tag| tag.split(['-', '_']));
        let primary = subtags.next().map(str::to_ascii_lowercase);
        let region = subtags
            .find(|subtag| subtag.len() == 2 && subtag.chars().all(|c| c.is_ascii_alphabetic()));
        match country.or(region) {
            Some(code) if LETTER_COUNTRIES.contains(&code.to_ascii_uppercase().as_str()) => {
                PaperSize::Letter
            }
            Some(_) => PaperSize::A4,
            None if primary.as_deref().is_none_or(|p| p == "en") => PaperSize::Letter,
            None => PaperSize::A4,
        }
    }
}

impl<'de> Deserialize<'de> for PaperSize {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        PaperSize::from_name(&name).ok_or_else(|| {
            de::Error::custom(format!(
                "unknown paper size `{name}`: expected letter or a4"
            ))
        })
    }
}

/// The names [`PaperSize::from_name`] reads, in any case.
impl JsonSchema for PaperSize {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PaperSize".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A paper size: \"letter\" (8.5 × 11 in) or \"a4\" (210 × 297 mm), in any letter case.",
            "type": "string",
            "pattern": "^\\s*([Ll][Ee][Tt][Tt][Ee][Rr]|[Aa]4)\\s*$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::PaperSize::{self, A4, Letter};

    #[test]
    fn the_country_decides_then_the_language_region_then_the_language() {
        let cases = [
            (Some("US"), None, Letter),
            (Some("ca"), Some("fr"), Letter),
            (Some("DE"), Some("en"), A4),
            (Some("AU"), None, A4),
            (None, Some("en-US"), Letter),
            (None, Some("en-GB"), A4),
            (None, Some("es_MX"), Letter),
            (None, Some("pt-BR"), A4),
            (None, Some("de"), A4),
            (None, Some("en"), Letter),
            (None, Some("zh-Hant-TW"), A4),
            (None, None, Letter),
        ];
        for (country, language, paper) in cases {
            assert_eq!(
                PaperSize::for_region(country, language),
                paper,
                "{country:?} {language:?}"
            );
        }
    }

    #[test]
    fn names_are_read_in_any_case() {
        assert_eq!(PaperSize::from_name("A4"), Some(A4));
        assert_eq!(PaperSize::from_name(" Letter "), Some(Letter));
        assert_eq!(PaperSize::from_name("legal"), None);
    }
}
